/**
 * Backend errors in the reader's language. The backend writes its sentences in English (they name the
 * file, the field and what to do); a Welsh reader gets a Welsh sentence chosen by the error's `code`, and
 * each field issue by what it says (zod's messages and the handlers' own, see shared/schemas.ts) —
 * translated through the catalogue, never by string surgery on the English.
 */
import type { ApiErrorCode } from '../api/contract';
import type { FieldIssue } from '../schemas';

/** A catalogue key and its params. */
export interface Phrase {
  key: string;
  params: Record<string, string | number>;
}

const ISSUE_PATTERNS: Array<[RegExp, (m: RegExpMatchArray) => Phrase]> = [
  [/^is required$|^a file path is required$|^a scenario needs a name$|^the file’s name is required$/, () => p('required')],
  [/^must not be negative$/, () => p('negative')],
  [/^is too large/, () => p('tooLarge')],
  [/^must be a number/, () => p('number')],
  [/^money must be whole pence/, () => p('wholePence')],
  [/^must be whole (minutes|hundredths|a whole week number)|^must be a whole/, () => p('whole')],
  [/^must be at most (\d+) characters$/, (m) => p('maxChars', { max: Number(m[1]) })],
  [/^must be a date/, () => p('date')],
  [/^must be week 1 or later$|^week \d+ is outside the school year/, () => p('week')],
  [/^is more than a week$/, () => p('moreThanWeek')],
  [/^is already used by another learner$/, () => p('refUsed')],
  [/^must look like 2026-27$/, () => p('academicYear')],
  [/^must end in (\S+)$/, (m) => p('fileEnd', { ext: m[1] ?? '' })],
  [/^must not be the school file$/, () => p('notSchoolFile')],
  [/^must be at least (\d+)/, (m) => p('atLeast', { min: Number(m[1]) })],
  [/^unknown field$/, () => p('unknownField')],
  [/^must not contain control characters/, () => p('controlCharacters')],
  [/^must be a file name the computer can use$/, () => p('usableFileName')],
  [/^must be between (\S+) and (\S+)$/, (m) => p('between', { min: m[1] ?? '', max: m[2] ?? '' })],
  [/^would make the costs too large/, () => p('tooLargeToCount')],
  // Setting up a school (shared/limits.ts, shared/localAuthorities.ts, shared/schoolTerms.ts, backend/handlers/school.ts).
  [/^must be at most (\S+) when each session is (\S+) minutes: a school week holds (\S+) minutes$/, (m) => p('sessionsInWeek', { max: m[1] ?? '', minutes: m[2] ?? '', week: m[3] ?? '' })],
  [/^must be at most (\S+) with (\S+) sessions a week: a school week holds (\S+) minutes$/, (m) => p('minutesInWeek', { max: m[1] ?? '', sessions: m[2] ?? '', week: m[3] ?? '' })],
  [/^must be 7 digits/, () => p('officialNumberDigits')],
  [/^must start with (\d{3}), the code of the local authority chosen$/, (m) => p('officialNumberAuthority', { code: m[1] ?? '' })],
  [/^must start with the 3-digit code of a Welsh local authority/, () => p('officialNumberWelsh')],
  [/^must be the code of one of the 22 Welsh local authorities|^must be a 3-digit local authority code/, () => p('authorityCode')],
  [/^does not match the official number (\d+)/, (m) => p('authorityMismatch', { number: m[1] ?? '' })],
  [/^at least one tier must be marked ALP$/, () => p('oneAlpTier')],
  [/^two (tiers|areas of need) have the same name$/, () => p('sameName')],
  [/^must be after the term before ends$/, () => p('termOrder')],
  [/^must not be before the term starts$/, () => p('termEnd')],
  [/^a half-term needs both/, () => p('halfTermBoth')],
  [/^the half-term must fall inside the term$/, () => p('halfTermInside')],
  // zod's own wording when a schema gives none.
  [/^Too small: expected \w+ to be >=?\s*(-?[\d.]+)$/, (m) => p('atLeast', { min: m[1] ?? '' })],
  [/^Too big: expected \w+ to be <=?\s*(-?[\d.]+)$/, (m) => p('atMost', { max: m[1] ?? '' })],
  [/^Too big: expected string to have <=?\s*(\d+) characters$/, (m) => p('maxChars', { max: Number(m[1]) })],
  [/^Invalid input: expected (number|int)/, () => p('number')],
  [/^Invalid input: expected int|^Invalid input: expected integer/, () => p('whole')],
];

function p(name: string, params: Record<string, string | number> = {}): Phrase {
  return { key: `apiError.issue.${name}`, params };
}

/** What a field issue's message says, as a catalogue phrase (`apiError.issue.other` when unknown). */
export function issuePhrase(message: string): Phrase {
  for (const [pattern, make] of ISSUE_PATTERNS) {
    const m = message.match(pattern);
    if (m) return make(m);
  }
  return p('other');
}

/** The file name (without folders) of a path as a person typed it. */
export function fileNameOf(path: string): string {
  const parts = path.split(/[\\/]/).filter(Boolean);
  return parts[parts.length - 1] ?? path;
}

/**
 * A backend error as a catalogue phrase `apiError.<code>`. `path` is the file the request named, when it
 * named one (file errors say which file); `field` labels are the issue's path as the backend gave it.
 * `t` translates the nested phrase (the first issue) so the result is one ready sentence's params.
 */
export function apiErrorPhrase(
  error: { code: ApiErrorCode; message: string; issues?: FieldIssue[] | undefined },
  t: (key: string, params: Record<string, string | number>) => string,
  context: { path?: string } = {},
): Phrase {
  const key = `apiError.${error.code}`;
  switch (error.code) {
    case 'invalid_input': {
      const first = error.issues?.[0];
      const issueText = first ? issuePhrase(first.message) : p('other');
      const issue = t(issueText.key, issueText.params);
      const field =
        first && first.path !== '(input)'
          ? first.path
              .split('.')
              .filter((s) => !/^\d+$/.test(s) && s !== 'changes')
              .join(' › ')
          : '';
      return { key, params: { issue: field ? t('apiError.fieldIssue', { field, issue }) : issue } };
    }
    case 'file_not_mapio':
    case 'file_corrupt':
    case 'file_too_new':
    case 'file_io':
    case 'file_altered':
    case 'file_read_only':
      return { key, params: { name: context.path ? fileNameOf(context.path) : t('apiError.theFile', {}) } };
    default:
      return { key, params: {} };
  }
}
