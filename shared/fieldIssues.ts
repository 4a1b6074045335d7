/**
 * A field-named problem as it crosses the door: the field's path, a stable code and the code's
 * specifics, never a sentence. The renderer, the CLI and each export word it from the catalogue
 * (`apiError.issue.<code>`) in the reader's language (shared/i18n/apiErrors.ts).
 */
import { z } from 'zod';
import type { Catalogue } from './i18n/en';

/** Every problem a field can have: exactly the catalogue's `apiError.issue` keys, so each has words in both languages. */
export type IssueCode = keyof Catalogue['apiError']['issue'];
export type IssueParams = Record<string, string | number>;

/** e.g. { path: 'lines.3.minutesPerSession', code: 'negative' } or { path: 'ref', code: 'refUsed' }. */
export interface FieldIssue {
  path: string;
  code: IssueCode;
  params?: IssueParams;
}

export function fieldIssue(path: string, code: IssueCode, params?: IssueParams): FieldIssue {
  return params && Object.keys(params).length > 0 ? { path, code, params } : { path, code };
}

/**
 * A schema's own refusal, carried through zod's message slot as data (`{"issue":code,"params":…}`) so
 * `issuesFrom` reads back the code and its specifics exactly: no sentence is written, none is parsed.
 */
export function issue(code: IssueCode, params?: IssueParams): { error: string } {
  return { error: JSON.stringify(params ? { issue: code, params } : { issue: code }) };
}

function carried(message: string): { code: IssueCode; params?: IssueParams } | null {
  if (!message.startsWith('{"issue":')) return null;
  const data = JSON.parse(message) as { issue: IssueCode; params?: IssueParams };
  return data.params ? { code: data.issue, params: data.params } : { code: data.issue };
}

/** zod's own refusals (where a schema names none) by what zod found, read from the issue's fields (`input` is there only while zod words it). */
function fromZod(i: z.core.$ZodRawIssue | z.core.$ZodIssue): { code: IssueCode; params?: IssueParams } {
  switch (i.code) {
    case 'too_small':
      return i.origin === 'string' && Number(i.minimum) === 1 ? { code: 'required' } : { code: 'atLeast', params: { min: Number(i.minimum) } };
    case 'too_big':
      return i.origin === 'string' ? { code: 'maxChars', params: { max: Number(i.maximum) } } : { code: 'atMost', params: { max: Number(i.maximum) } };
    case 'invalid_type':
      if ('input' in i && i.input === undefined) return { code: 'required' };
      return i.expected === 'int' ? { code: 'whole' } : i.expected === 'number' ? { code: 'number' } : { code: 'other' };
    case 'unrecognized_keys':
      return { code: 'unknownKeys', params: { keys: i.keys.join(', ') } };
    case 'invalid_format':
      return i.format === 'date' ? { code: 'date' } : { code: 'other' };
    case 'not_multiple_of':
      return { code: 'whole' };
    default:
      return { code: 'other' };
  }
}

/**
 * Every refusal zod words itself (where a schema gives no code) is carried as data too: zod calls this
 * with the raw issue, its input included, so a missing field reads "this is required" and a wrong one by what
 * was expected.
 */
z.config({ customError: (raw) => issue(fromZod(raw).code, fromZod(raw).params).error });

/** A zod refusal as field issues: the schema's own code where it gave one, else read from zod's issue. */
export function issuesFrom(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => {
    const path = i.path.map(String).join('.') || '(input)';
    const found = carried(i.message) ?? fromZod(i);
    return fieldIssue(path, found.code, found.params);
  });
}
