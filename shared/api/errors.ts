/** How a refusal crosses every door: a code for programs, a reason and its specifics for people, field issues for forms. */
import type { FieldIssue } from '../fieldIssues';
import type { Catalogue } from '../i18n/en';
import { englishMessage } from '../i18n/apiErrors';

export { API_ERROR_CODES, type ApiErrorCode } from './errorCodes';
import type { ApiErrorCode } from './errorCodes';

/** A refusal's specifics (the file's name, the record's name, a count): words are chosen at the edge. */
export type ErrorParams = Record<string, string | number>;
/** The catalogue's sentence keys in a group, counted ones (`x_one`, `x_other`) as the one key i18next is called with. */
export type SentenceKeys<T> = { [K in keyof T & string]: T[K] extends string ? (K extends `${infer Base}_${'one' | 'other'}` ? Base : K) : never }[keyof T & string];
/** Why, more exactly than the code: a sentence of the catalogue's `apiError.reason`, so each has words in both languages. */
export type ErrorReason = SentenceKeys<Catalogue['apiError']['reason']>;

/** The error every door returns: a code for programs, the reason and its specifics for people, field issues for forms. No sentence crosses. */
export interface ApiErrorBody {
  code: ApiErrorCode;
  reason?: ErrorReason;
  params?: ErrorParams;
  issues?: FieldIssue[];
}

/**
 * A refusal. `message` (for logs and the English-only tests) is the English catalogue's wording of the
 * same code, reason and params; what crosses a door is `toBody()`, which carries no sentence.
 */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly reason: ErrorReason | undefined;
  readonly params: ErrorParams;
  readonly issues: FieldIssue[] | undefined;
  constructor(code: ApiErrorCode, reason?: ErrorReason | null, params: ErrorParams = {}, issues?: FieldIssue[]) {
    super('');
    this.name = 'ApiError';
    this.code = code;
    this.reason = reason ?? undefined;
    this.params = params;
    this.issues = issues && issues.length > 0 ? issues : undefined;
    this.message = englishMessage(this.toBody());
  }
  /** A request refused for its fields (the first issue is the one worded). */
  static invalid(issues: FieldIssue[], reason?: ErrorReason, params?: ErrorParams): ApiError {
    return new ApiError('invalid_input', reason, params, issues);
  }
  toBody(): ApiErrorBody {
    const body: ApiErrorBody = { code: this.code };
    if (this.reason) body.reason = this.reason;
    if (Object.keys(this.params).length > 0) body.params = this.params;
    if (this.issues) body.issues = this.issues;
    return body;
  }
  static fromBody(body: ApiErrorBody): ApiError {
    return new ApiError(body.code, body.reason, body.params, body.issues);
  }
}
