/**
 * School days on the school's own calendar (docs/calendar.md, "School days"): the days the ALN Code's
 * 35-school-day clock counts.
 *
 * A school day is a weekday that is
 * - inside a term and outside its half-term, unless the school removed that teaching week (closed), or
 *   in a teaching week the school added outside its terms; with no terms recorded (a file from before
 *   terms were kept), any weekday of a teaching week;
 * - and not one of the calendar's closed days (INSET days, a bank holiday, a closure).
 *
 * Dates are ISO strings; runs anywhere.
 */
import type { Calendar, IsoDate } from './domain';
import { addDays, isTermDay, mondayOf, weekdayIndex, weeksFromTerms } from './schoolTerms';

export interface SchoolDays {
  isSchoolDay(date: IsoDate): boolean;
  /** The last date the calendar knows: its last term's end or its last teaching week's Friday. */
  lastDay: IsoDate | null;
}

export function schoolDaysOf(calendar: Calendar): SchoolDays {
  const closed = new Set(calendar.closedDays);
  const teaching = new Set(calendar.weekStarts);
  const fromTerms = new Set(weeksFromTerms(calendar.terms));
  const hasTerms = calendar.terms.length > 0;
  const isSchoolDay = (date: IsoDate): boolean => {
    if (weekdayIndex(date) > 4 || closed.has(date)) return false;
    const monday = mondayOf(date);
    if (!hasTerms) return teaching.has(monday);
    if (isTermDay(calendar.terms, date)) return !(fromTerms.has(monday) && !teaching.has(monday));
    return teaching.has(monday) && !fromTerms.has(monday);
  };
  let lastDay: IsoDate | null = null;
  for (const t of calendar.terms) if (lastDay === null || t.endsOn > lastDay) lastDay = t.endsOn;
  for (const w of calendar.weekStarts) {
    const friday = addDays(w, 4);
    if (lastDay === null || friday > lastDay) lastDay = friday;
  }
  return { isSchoolDay, lastDay };
}

/**
 * The `n`th school day after `from` (not counting `from` itself). When the calendar ends first, `date`
 * is null and `beyond` says how many of the `n` school days fall after its last day.
 */
export function nthSchoolDayAfter(days: SchoolDays, from: IsoDate, n: number): { date: IsoDate | null; beyond: number } {
  let counted = 0;
  let day = from;
  while (days.lastDay !== null && day < days.lastDay) {
    day = addDays(day, 1);
    if (days.isSchoolDay(day) && ++counted === n) return { date: day, beyond: 0 };
  }
  return { date: null, beyond: n - counted };
}

/** School days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function schoolDaysBetween(days: SchoolDays, from: IsoDate, to: IsoDate): number {
  let counted = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (days.isSchoolDay(day)) counted++;
  return counted;
}
