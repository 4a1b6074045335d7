/**
 * Refusals in the reader's language. An error crosses the door as a code, a reason and its specifics,
 * and each field issue as a code and its specifics (shared/fieldIssues.ts); this module words them from
 * the catalogue (`apiError.*`), for the renderer, the CLI and the English `message` of an ApiError alike.
 */
import type { ApiErrorBody } from '../api/errors';
import type { FieldIssue } from '../fieldIssues';
import { hasCatalogue, translatorFor, type Lang } from './translator';

type Translate = (key: string, params: Record<string, string | number>) => string;

/** The file name (without folders) of a path as a person typed it. */
export function fileNameOf(path: string): string {
  const parts = path.split(/[\\/]/).filter(Boolean);
  return parts[parts.length - 1] ?? path;
}

/**
 * Params ready for the catalogue: a specific that is itself words ("why": the disk is full) travels as
 * its catalogue key under `<param>Key`, and is worded here in the reader's language; a specific that is
 * the school's own words (a line's or a tier's name) travels in English under `<param>` and in Welsh under
 * `<param>Cy`, and a Welsh reader reads the Welsh (docs/welsh.md).
 */
function wordedParams(given: Record<string, string | number>, t: Translate, lang: Lang): Record<string, string | number> {
  const params = { ...given };
  for (const [param, value] of Object.entries(given)) {
    if (lang === 'cy' && param.endsWith('Cy') && typeof value === 'string' && value !== '') params[param.slice(0, -2)] = value;
  }
  for (const [param, value] of Object.entries(params)) {
    if (param.endsWith('Key') && typeof value === 'string' && value.startsWith('apiError.')) params[param.slice(0, -3)] = t(value, params);
  }
  return params;
}

/** A field issue's words without the field ("must not be negative"), `t` speaking `lang`. */
export function issueWords(issue: FieldIssue, t: Translate, lang: Lang): string {
  return t(`apiError.issue.${issue.code}`, wordedParams(issue.params ?? {}, t, lang));
}

/** The field an issue names, as a person reads it: "lines › minutesPerSession" (list positions and `changes` left out); '' for the whole request. */
export function issueField(issue: FieldIssue): string {
  if (issue.path === '(input)' || issue.path === '(file)') return '';
  return issue.path
    .split('.')
    .filter((s) => !/^\d+$/.test(s) && s !== 'changes')
    .join(' › ');
}

/** A field issue with its field: "minutesPerSession: must not be negative". */
export function fieldIssueWords(issue: FieldIssue, t: Translate, lang: Lang): string {
  const field = issueField(issue);
  const words = issueWords(issue, t, lang);
  return field ? t('apiError.fieldIssue', { field, issue: words }) : words;
}

/**
 * A refusal as one sentence, `t` speaking `lang`. `context.path` is the file the request named, when it
 * named one (file errors say which file when the backend did not).
 */
export function errorWords(error: ApiErrorBody, t: Translate, lang: Lang, context: { path?: string | undefined } = {}): string {
  const given: Record<string, string | number> = { ...(error.params ?? {}) };
  if (given.name === undefined) given.name = context.path ? fileNameOf(context.path) : t('apiError.theFile', {});
  const params = wordedParams(given, t, lang);
  if (error.reason) return t(`apiError.reason.${error.reason}`, params);
  const first = error.issues?.[0];
  if (first) return t('apiError.invalid_input', { issue: fieldIssueWords(first, t, lang) });
  if (error.code === 'invalid_input') return t('apiError.invalid_input', { issue: t('apiError.issue.other', {}) });
  return t(`apiError.${error.code}`, params);
}

/** The English words of a refusal, for logs and for people reading English output. */
export function englishWording(error: ApiErrorBody): string {
  return errorWords(error, translatorFor('en'), 'en');
}

/**
 * A refusal as a line of text (an ApiError's `message`, the CLI): its words, and for a request refused
 * for its fields the first field's full path and what is wrong with it ("changes.weeks: …").
 */
export function plainWords(error: ApiErrorBody, t: Translate, lang: Lang): string {
  const first = error.issues?.[0];
  if (!error.reason && first) return `${first.path}: ${issueWords(first, t, lang)}`;
  return errorWords(error, t, lang);
}

/**
 * An ApiError's `message`, for logs and English-only tests: `plainWords` in English. A renderer showing
 * Welsh has not loaded the English catalogue (shared/i18n/translator.ts); no reader sees this message
 * there (the renderer words errors in the reader's language, renderer/errors/localisedError.ts), so it
 * is then the code, the reason and the first issue's field, for a log.
 */
export function englishMessage(error: ApiErrorBody): string {
  if (!hasCatalogue('en')) return [error.code, error.reason, error.issues?.[0]?.path].filter(Boolean).join(': ');
  return plainWords(error, translatorFor('en'), 'en');
}

/** The English words of one field issue with its field ("totals › costPence: must equal …"), for logs. */
export function englishIssueWording(issue: FieldIssue): string {
  return fieldIssueWords(issue, translatorFor('en'), 'en');
}
