/**
 * Backend errors shown in the reader's language. In English the backend's own sentence is shown (it names
 * the file and the field); in Welsh the sentence is chosen by the error's code and each field issue by
 * what it says (shared/i18n/apiErrors.ts). The alert keeps the error itself, so switching language
 * re-words an alert already on screen.
 */
import type { ApiErrorCode } from '../../shared/api/contract';
import type { FieldIssue } from '../../shared/schemas';
import { apiErrorPhrase, issuePhrase } from '../../shared/i18n/apiErrors';
import { createI18n, type Lang, type TFunction } from '../../shared/i18n';

/** What an alert needs to re-word a backend error: the error and the file the request named. */
export interface ErrorDetail {
  code: ApiErrorCode;
  message: string;
  issues?: FieldIssue[] | undefined;
  path?: string;
}

type Translate = (key: string, params: Record<string, string | number>) => string;

/** The `message` param of an error notice in the reader's language. */
export function errorMessage(detail: ErrorDetail, lang: Lang, t: Translate): string {
  if (lang === 'en') return detail.message;
  const phrase = apiErrorPhrase(detail, t, detail.path ? { path: detail.path } : {});
  return t(phrase.key, phrase.params);
}

let welsh: TFunction | null = null;

/** A field issue's message (e.g. "must not be negative") in the language chosen. */
export function issueText(message: string, lang: Lang): string {
  if (lang === 'en') return message;
  welsh ??= createI18n('cy').t;
  const phrase = issuePhrase(message);
  return welsh(phrase.key, phrase.params);
}

/** What to show beside a field after a refused save: the first issue, else the error's sentence. */
export function problemText(error: ErrorDetail, lang: Lang): string {
  const first = error.issues?.[0];
  if (first) return issueText(first.message, lang);
  if (lang === 'en') return error.message;
  welsh ??= createI18n('cy').t;
  return errorMessage(error, lang, welsh);
}

/**
 * A refused form's problems by field (the first part of each issue's path, `changes.` left off), each in
 * the language chosen; the whole error under `form` when no field is named.
 */
export function problemsByField(error: ErrorDetail, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of error.issues ?? []) out[i.path.replace(/^changes\./, '').split('.')[0] ?? ''] = issueText(i.message, lang);
  return Object.keys(out).length ? out : { form: problemText(error, lang) };
}
