/**
 * What a person types into a form field, read into the data model's integer units. Each reader returns
 * the value or a catalogue key (with params) saying what to fix: nothing is saved from a field that
 * doesn't read. Money is read by shared/money.ts (parsePounds); `readPounds` turns its refusal into a key here.
 */
import type { Pence } from '../../shared/domain';
import { MoneyParseError, parsePounds } from '../../shared/money';
import { MAX_CONTRACT_HOURS_A_WEEK, MAX_PAID_WEEKS, MAX_SESSIONS_PER_WEEK, SCHOOL_DAY_MINUTES, SCHOOL_WEEK_MINUTES, sessionsFittingAWeek, sessionsWeekProblem } from '../../shared/limits';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string; params?: Record<string, string | number> };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (error: string, params?: Record<string, string | number>): Parsed<never> => (params ? { ok: false, error, params } : { ok: false, error });

const grouped = (n: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(n);

/**
 * A whole number ≥ min (and ≤ max when given), e.g. groups, places. Refused with the allowed range
 * ("between 1 and 3,000") when there is a maximum.
 */
export function readWholeNumber(text: string, min = 0, max = Number.MAX_SAFE_INTEGER, errorKey?: string): Parsed<number> {
  const s = text.trim().replace(/,(?=\d{3}\b)/g, '');
  const bounded = max < Number.MAX_SAFE_INTEGER;
  const refusal = () =>
    fail(errorKey ?? (bounded ? 'errors.wholeNumberBetween' : min === 0 ? 'errors.wholeNumber' : 'errors.wholeNumberMin'), bounded ? { min: grouped(min), max: grouped(max) } : { min });
  if (!/^\d+$/.test(s)) return refusal();
  const n = Number(s);
  if (n < min || n > max) return refusal();
  return ok(n);
}

/** Minutes of one session, contact or planning: 0 to a school day (shared/limits.ts). */
export function readMinutes(text: string): Parsed<number> {
  return readWholeNumber(text, 0, SCHOOL_DAY_MINUTES, 'errors.sessionMinutes');
}

/**
 * Plain text a person types (a name, a source, a note): the spaces and blank lines around it are not
 * kept, so "Reading group " and "Reading group" are the same name. A required text left empty is refused;
 * an optional one is saved as empty text, which the contract takes as "none" (docs/limits.md).
 */
export function readText(text: string): { ok: true; value: string };
export function readText(text: string, required: boolean | undefined, requiredKey?: string): Parsed<string>;
/** `requiredKey` words the refusal for a form whose own sentence says more ("Give the scenario a name."). */
export function readText(text: string, required = false, requiredKey = 'errors.required'): Parsed<string> {
  const s = text.trim();
  return required && s === '' ? fail(requiredKey) : ok(s);
}

/**
 * An amount typed in pounds, into pence; refused with why (`errors.moneyProblem.*`, naming what was typed
 * and any limit). `max` is the field's ceiling in the contract (shared/limits.ts, as shared/schemas.ts
 * holds the field to it), so a figure over it is refused at once in the form's words, not later by the
 * data process; without it, £1bn.
 */
export function readPounds(text: string, limit: { max?: Pence } = {}): Parsed<Pence> {
  try {
    return ok(parsePounds(text, limit));
  } catch (e) {
    if (e instanceof MoneyParseError) return fail(`errors.moneyProblem.${e.code}`, e.params);
    throw e;
  }
}

/** A decimal with at most two places, read digit by digit into hundredths: "0.5" → 50, "3" → 300. */
export function readHundredths(text: string): Parsed<number> | null {
  const m = /^(\d*)(?:\.(\d{0,2}))?$/.exec(text.trim());
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) return null;
  return ok(Number(m[1] || '0') * 100 + Number((m[2] ?? '').padEnd(2, '0')));
}

/**
 * Sessions per week as typed ("0.5" = fortnightly), stored as integer hundredths: 0 to 50, and (given the
 * session's length) no more than a school week holds.
 */
export function readSessionsPerWeek(text: string, minutesPerSession = 0): Parsed<number> {
  const r = readHundredths(text);
  if (!r || !r.ok || r.value > MAX_SESSIONS_PER_WEEK * 100) return fail('errors.sessions', { max: MAX_SESSIONS_PER_WEEK });
  if (sessionsWeekProblem({ minutesPerSession, sessionsPerWeekHundredths: r.value }, 'sessionsPerWeekHundredths')) {
    return fail('errors.sessionsInWeek', { max: sessionsFittingAWeek(minutesPerSession) ?? 0, minutes: minutesPerSession, week: grouped(SCHOOL_WEEK_MINUTES) });
  }
  return r;
}

/** Minutes of one session given the sessions a week: both the school day and the school week bound it. */
export function readSessionMinutes(text: string, sessionsPerWeekHundredths: number): Parsed<number> {
  const r = readMinutes(text);
  if (!r.ok) return r;
  if (sessionsWeekProblem({ minutesPerSession: r.value, sessionsPerWeekHundredths }, 'minutesPerSession')) {
    return fail('errors.minutesInWeek', {
      max: Math.floor((SCHOOL_WEEK_MINUTES * 100) / sessionsPerWeekHundredths),
      sessions: formatHundredths(sessionsPerWeekHundredths),
      week: grouped(SCHOOL_WEEK_MINUTES),
    });
  }
  return r;
}

export function formatHundredths(h: number): string {
  const whole = Math.trunc(h / 100);
  const frac = h % 100;
  if (frac === 0) return String(whole);
  return `${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}`;
}

/** The most hours a field of hours may hold (minutes), and the example its refusal gives. */
export interface HoursLimit {
  maxMinutes?: number;
  example?: string;
}

/**
 * Hours as typed ("32.5") into whole minutes (1950); hundredths of an hour round to the nearest minute.
 * Anything else (text, "-5", more than the field's most) is refused with the allowed range and the
 * field's own example ("between 0 and 168, … e.g. 32.5").
 */
export function readHoursAsMinutes(text: string, limit: HoursLimit = {}): Parsed<number> {
  const max = limit.maxMinutes ?? 7 * 24 * 60;
  const refusal = () => fail('errors.hoursBetween', { max: grouped(max / 60), example: limit.example ?? '32.5' });
  const r = readHundredths(text);
  if (!r || !r.ok) return refusal();
  const minutes = Math.round((r.value * 60) / 100); // time, not money: 0.01 h = 0.6 min rounds to a whole minute
  if (minutes > max) return refusal();
  return ok(minutes);
}

/** Hours a week of a contract (contracted or paid): 0 to 48 (shared/limits.ts). */
export const CONTRACT_HOURS: HoursLimit = { maxMinutes: MAX_CONTRACT_HOURS_A_WEEK * 60, example: '32.5' };

/** Optional hours: empty text is null. */
export function readOptionalHoursAsMinutes(text: string, limit: HoursLimit = {}): Parsed<number | null> {
  if (text.trim() === '') return ok(null);
  return readHoursAsMinutes(text, limit);
}

/** Minutes shown as decimal hours for a field: 1950 → "32.5", 20 → "0.33". */
export function formatMinutesAsHours(minutes: number): string {
  const hundredths = Math.round((minutes * 100) / 60);
  return formatHundredths(hundredths);
}

/** A teaching week within the year. */
export function readWeek(text: string, lastWeek: number): Parsed<number> {
  const r = readWholeNumber(text, 1, lastWeek);
  return r.ok ? r : fail('errors.weekRange', { first: 1, last: lastWeek });
}

/** A comma-separated list of weeks ("12, 13") within first..last, sorted and without repeats. */
export function readWeekList(text: string, first: number, last: number): Parsed<number[]> {
  const s = text.trim();
  if (s === '') return ok([]);
  const parts = s.split(/[,\s]+/).filter((p) => p !== '');
  const weeks = new Set<number>();
  for (const p of parts) {
    if (!/^\d+$/.test(p)) return fail('errors.weeksList', { first, last });
    const n = Number(p);
    if (n < first || n > last) return fail('errors.weeksList', { first, last });
    weeks.add(n);
  }
  return ok([...weeks].sort((a, b) => a - b));
}

/** Month names and their short forms, English and Welsh, lower case: index 0 = January. */
const MONTH_NAMES: ReadonlyArray<readonly string[]> = [
  ['january', 'jan', 'ionawr', 'ion'],
  ['february', 'feb', 'chwefror', 'chwef'],
  ['march', 'mar', 'mawrth', 'maw'],
  ['april', 'apr', 'ebrill', 'ebr'],
  ['may', 'mai'],
  ['june', 'jun', 'mehefin', 'meh'],
  ['july', 'jul', 'gorffennaf', 'gorff'],
  ['august', 'aug', 'awst'],
  ['september', 'sep', 'sept', 'medi'],
  ['october', 'oct', 'hydref', 'hyd'],
  ['november', 'nov', 'tachwedd', 'tach'],
  ['december', 'dec', 'rhagfyr', 'rhag'],
];

function isoOf(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A date as people in Wales type it: 15/10/2025 (day first, as in Britain; 15/10/25 too), 2025-10-15,
 * or 15 October 2025 / 15 Hydref 2025 (with or without the weekday), read into ISO `YYYY-MM-DD`.
 */
export function readDate(text: string): Parsed<string> {
  const s = text.trim().toLowerCase().replace(/,/g, ' ').replace(/\s+/g, ' ');
  let parts: [number, number, number] | null = null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) parts = [Number(m[1]), Number(m[2]), Number(m[3])];
  m = m ? null : /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s);
  if (m) parts = [m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]), Number(m[2]), Number(m[1])];
  const named = /^(?:[\p{L}]+ (?:[\p{L}]+ )?)?(\d{1,2})(?:st|nd|rd|th)? ([\p{L}]+) (\d{4})$/u.exec(s);
  if (!parts && named) {
    const month = MONTH_NAMES.findIndex((names) => names.includes(named[2]!));
    if (month >= 0) parts = [Number(named[3]), month + 1, Number(named[1])];
  }
  if (!parts) return fail('errors.date');
  const [year, month, day] = parts;
  const iso = isoOf(year, month, day);
  if (iso) return ok(iso);
  // Read as a date, but that month has fewer days (31/2/2025, 31 April 2026): say so, not how to type a date.
  const days = month >= 1 && month <= 12 ? new Date(Date.UTC(year, month, 0)).getUTCDate() : 0;
  return days && day > days && day <= 31 ? fail('errors.noSuchDay', { typed: text.trim(), days }) : fail('errors.date');
}

/** Optional date (empty text is null), typed as `readDate` reads it. */
export function readOptionalDate(text: string): Parsed<string | null> {
  return text.trim() === '' ? ok(null) : readDate(text);
}

/** Optional measure value (entry/exit): any finite decimal, or empty for null. */
export function readOptionalNumber(text: string): Parsed<number | null> {
  const s = text.trim();
  if (s === '') return ok(null);
  if (!/^-?\d+(\.\d+)?$/.test(s)) return fail('learner.entryInvalid');
  return ok(Number(s));
}

/**
 * Optional financial year, named by the calendar year it starts in: "2026", or as budgets write it,
 * "2026-27", "2026/27" or "2026-2027" (the second year must follow the first).
 */
export function readOptionalYear(text: string): Parsed<number | null> {
  const s = text.trim();
  if (s === '') return ok(null);
  const m = /^(\d{4})(?:\s*[-/–]\s*(\d{2}|\d{4}))?$/.exec(s);
  if (!m) return fail('errors.year');
  const start = Number(m[1]);
  if (start < 2000 || start > 2100) return fail('errors.year');
  if (m[2] !== undefined) {
    const end = m[2].length === 2 ? Math.floor(start / 100) * 100 + Number(m[2]) + (Number(m[2]) < start % 100 ? 100 : 0) : Number(m[2]);
    if (end !== start + 1) return fail('errors.year');
  }
  return ok(start);
}

/** A financial year as budgets write it: 2026 → "2026-27". */
export function formatFinancialYear(start: number): string {
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** Paid weeks a year in the hourly-cost calculator ("38.6"), as hundredths: 1 to 52 weeks. */
export function readPaidWeeks(text: string): Parsed<number> {
  const r = readHundredths(text);
  if (!r || !r.ok || r.value < 100 || r.value > MAX_PAID_WEEKS * 100) return fail('errors.paidWeeks', { max: MAX_PAID_WEEKS });
  return r;
}

/** Percentage typed as "28.5" into basis points (2850). */
export function readPercentAsBasisPoints(text: string): Parsed<number> {
  const r = readHundredths(text);
  if (!r || !r.ok || r.value > 10_000) return fail('staff.calculator.percentInvalid', { min: 0, max: 100 });
  return r;
}
