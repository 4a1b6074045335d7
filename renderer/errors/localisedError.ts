/**
 * Backend errors shown in the reader's language. An error crosses the door as a code, a reason and its
 * specifics, each field issue as a code and its specifics; the words are chosen here, from the
 * catalogue (shared/i18n/apiErrors.ts). The alert keeps the error itself, so switching language
 * re-words an alert already on screen.
 */
import type { ApiErrorBody } from '../../shared/api/contract';
import type { FieldIssue } from '../../shared/fieldIssues';
import { errorWords, issueWords } from '../../shared/i18n/apiErrors';
import { translatorFor, type Lang } from '../../shared/i18n/translator';

/** What an alert needs to re-word a backend error: the error and the file the request named. */
export type ErrorDetail = ApiErrorBody & { path?: string | undefined };

type Translate = (key: string, params: Record<string, string | number>) => string;

/** The `message` param of an error notice in the reader's language. */
export function errorMessage(detail: ErrorDetail, lang: Lang, t: Translate): string {
  return errorWords(detail, t, lang, { path: detail.path });
}

/** The whole refusal as one sentence in the language chosen. */
export function errorText(detail: ErrorDetail, lang: Lang): string {
  return errorWords(detail, translatorFor(lang), lang, { path: detail.path });
}

/**
 * A field issue as a sentence to show beside its field, in the language chosen: the catalogue's words
 * ("must be between £0 and £1,000", "rhaid iddo fod rhwng £0 a £1,000") with a capital first letter and
 * a full stop, "Must be between £0 and £1,000." / "Rhaid iddo fod rhwng £0 a £1,000.". Every issue reads
 * so in both languages, whether it starts with a verb or not ("The file name must end in .xlsx.");
 * docs/limits.md, "Refusals beside a field".
 */
export function issueText(issue: Pick<FieldIssue, 'code' | 'params'>, lang: Lang): string {
  return asSentence(issueWords({ path: '', ...issue }, translatorFor(lang), lang), lang);
}

/** Words as a sentence: the first letter a capital (as the language writes it), ending in a full stop unless it ends a sentence already. */
export function asSentence(words: string, lang: Lang): string {
  const text = words.trim();
  if (text === '') return text;
  const first = text.codePointAt(0)!;
  const head = String.fromCodePoint(first);
  const sentence = head.toLocaleUpperCase(lang === 'cy' ? 'cy-GB' : 'en-GB') + text.slice(head.length);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** What to show beside a field after a refused save: the first issue as a sentence, else the error's sentence. */
export function problemText(error: ErrorDetail, lang: Lang): string {
  const first = error.issues?.[0];
  if (first && !error.reason) return issueText(first, lang);
  return errorText(error, lang);
}

/**
 * A refused form's problems by field (the first part of each issue's path, `changes.` left off), each a
 * sentence in the language chosen; the whole error under `form` when no field is named.
 */
export function problemsByField(error: ErrorDetail, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of error.issues ?? []) out[i.path.replace(/^changes\./, '').split('.')[0] ?? ''] = issueText(i, lang);
  return Object.keys(out).length ? out : { form: problemText(error, lang) };
}
