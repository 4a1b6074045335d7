/**
 * What a person types into a form field, read into the data model's integer units. Each reader returns
 * the value or a catalogue key (with params) saying what to fix: nothing is saved from a field that
 * doesn't read. Money is not here: it goes through shared/money.ts (parsePounds).
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string; params?: Record<string, string | number> };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (error: string, params?: Record<string, string | number>): Parsed<never> => (params ? { ok: false, error, params } : { ok: false, error });

/** A whole number ≥ min (and ≤ max when given), e.g. minutes, groups, places. */
export function readWholeNumber(text: string, min = 0, max = Number.MAX_SAFE_INTEGER, errorKey?: string): Parsed<number> {
  const s = text.trim();
  if (!/^\d+$/.test(s)) return fail(errorKey ?? (min === 0 ? 'errors.wholeNumber' : 'errors.wholeNumberMin'), { min });
  const n = Number(s);
  if (n < min || n > max) return fail(errorKey ?? 'errors.wholeNumberMin', { min });
  return ok(n);
}

export function readMinutes(text: string): Parsed<number> {
  return readWholeNumber(text, 0, 7 * 24 * 60, 'errors.wholeMinutes');
}

/** A decimal with at most two places, read digit by digit into hundredths: "0.5" → 50, "3" → 300. */
export function readHundredths(text: string): Parsed<number> | null {
  const m = /^(\d*)(?:\.(\d{0,2}))?$/.exec(text.trim());
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) return null;
  return ok(Number(m[1] || '0') * 100 + Number((m[2] ?? '').padEnd(2, '0')));
}

/** Sessions per week as typed ("0.5" = fortnightly), stored as integer hundredths. */
export function readSessionsPerWeek(text: string): Parsed<number> {
  const r = readHundredths(text);
  if (!r || !r.ok || r.value > 5000) return fail('errors.sessions');
  return r;
}

export function formatHundredths(h: number): string {
  const whole = Math.trunc(h / 100);
  const frac = h % 100;
  if (frac === 0) return String(whole);
  return `${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}`;
}

/** Hours as typed ("32.5") into whole minutes (1950); hundredths of an hour round to the nearest minute. */
export function readHoursAsMinutes(text: string, max = 7 * 24 * 60): Parsed<number> {
  const r = readHundredths(text);
  if (!r || !r.ok) return fail('errors.hours');
  const minutes = Math.round((r.value * 60) / 100); // time, not money: 0.01 h = 0.6 min rounds to a whole minute
  if (minutes > max) return fail('errors.hours');
  return ok(minutes);
}

/** Optional hours: empty text is null. */
export function readOptionalHoursAsMinutes(text: string): Parsed<number | null> {
  if (text.trim() === '') return ok(null);
  return readHoursAsMinutes(text);
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

/** Optional ISO date. */
export function readOptionalDate(text: string): Parsed<string | null> {
  const s = text.trim();
  if (s === '') return ok(null);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(Date.parse(`${s}T00:00:00Z`))) return fail('errors.date');
  const d = new Date(`${s}T00:00:00Z`);
  if (d.toISOString().slice(0, 10) !== s) return fail('errors.date');
  return ok(s);
}

/** Optional measure value (entry/exit): any finite decimal, or empty for null. */
export function readOptionalNumber(text: string): Parsed<number | null> {
  const s = text.trim();
  if (s === '') return ok(null);
  if (!/^-?\d+(\.\d+)?$/.test(s)) return fail('learner.entryInvalid');
  return ok(Number(s));
}

/** Optional financial year such as 2026. */
export function readOptionalYear(text: string): Parsed<number | null> {
  const s = text.trim();
  if (s === '') return ok(null);
  if (!/^\d{4}$/.test(s) || Number(s) < 2000 || Number(s) > 2100) return fail('errors.year');
  return ok(Number(s));
}

/** Percentage typed as "28.5" into basis points (2850). */
export function readPercentAsBasisPoints(text: string): Parsed<number> {
  const r = readHundredths(text);
  if (!r || !r.ok || r.value > 10_000) return fail('staff.calculator.percentInvalid');
  return r;
}
