/**
 * The school calendar against the financial year (1 April – 31 March).
 *
 * Schools budget April–March while provision runs September–July; docs/costing-rules.md asks every cost to be
 * split across the two financial years an academic year touches. A teaching week belongs to the
 * financial year in which its start date (a Monday) falls.
 *
 * Dates are ISO `YYYY-MM-DD` strings compared as strings (which orders them correctly); no Date objects,
 * so no time zone can move a school day. Runs anywhere.
 */
import type { Calendar, IsoDate, WeekNumber } from './domain';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: IsoDate): { year: number; month: number; day: number } {
  const m = ISO.exec(date);
  if (!m) throw new RangeError(`"${date}" is not a date in the form YYYY-MM-DD`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** The financial year a date falls in, named by its starting calendar year: 2027-03-31 → 2026, 2027-04-01 → 2027. */
export function financialYearOf(date: IsoDate): number {
  const { year, month } = parts(date);
  return month >= 4 ? year : year - 1;
}

/**
 * The two financial years an academic year touches: the one its first teaching week starts in, and the next.
 * An empty calendar falls back to `academicYear` ("2026-27" → [2026, 2027]); with neither, throws.
 */
export function academicFinancialYears(calendar: Pick<Calendar, 'weekStarts'>, academicYear?: string): [number, number] {
  let first: IsoDate | undefined;
  for (const d of calendar.weekStarts) if (first === undefined || d < first) first = d;
  if (first !== undefined) {
    const fy = financialYearOf(first);
    return [fy, fy + 1];
  }
  const m = academicYear ? /^(\d{4})-\d{2}$/.exec(academicYear) : null;
  if (m) {
    const y = Number(m[1]);
    return [y, y + 1];
  }
  throw new RangeError('The calendar has no teaching weeks: add the term dates first.');
}

/**
 * For each teaching week 1..N, which of the two financial years it counts in: 0 or 1.
 * A week starting in a later financial year than the second (a calendar running past March of the second
 * year) counts in the second; nothing can fall before the first, which is taken from the earliest week.
 */
export function weekFinancialYearIndexes(calendar: Pick<Calendar, 'weekStarts'>, years: readonly [number, number]): (0 | 1)[] {
  return calendar.weekStarts.map((d) => (financialYearOf(d) <= years[0] ? 0 : 1));
}

/**
 * The teaching week containing `today`: the last week that has started by then (so a holiday counts as the
 * week before it), 0 before the first week, the last week after the year ends.
 */
export function weekContaining(calendar: Pick<Calendar, 'weekStarts'>, today: IsoDate): WeekNumber {
  parts(today);
  let week = 0;
  calendar.weekStarts.forEach((start, i) => {
    if (start <= today) week = Math.max(week, i + 1);
  });
  return week;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** `date` plus whole months, clamping to the month's end (2025-02-29 does not exist; 2024-02-29 + 12 → 2025-02-28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const mo = index - y * 12 + 1;
  const last = mo === 2 && isLeap(y) ? 29 : (DAYS_IN_MONTH[mo - 1] ?? 31);
  const d = Math.min(day, last);
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Whole days from `from` to `to` (positive when `to` is later). Uses UTC midnight, so no time zone shifts. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const a = parts(from);
  const b = parts(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}
