/**
 * Terms and teaching weeks (docs/calendar.md). A school's terms are dates: the first and last day of
 * each term and of the half-term break inside it. The teaching weeks the costing counts are made from
 * them: a Monday-to-Friday week is a teaching week when at least three of its five weekdays are term
 * days (so a term starting on a Thursday does not add a two-day week, and one starting on a Wednesday
 * does). The weeks may then be edited one by one; the terms stay as the school's dates, from which school
 * days can be counted.
 *
 * Dates are ISO `YYYY-MM-DD` strings and arithmetic is done on UTC midnights, so no time zone can move a
 * school day. Runs anywhere.
 */
import type { IssueCode, IssueParams } from './fieldIssues';
import type { Enrolment, InterventionLine, IsoDate, SchoolYear, Term } from './domain';

const DAY_MS = 86_400_000;
/** Weekdays of a week that must be term days for it to count as a teaching week. */
export const TERM_DAYS_FOR_A_TEACHING_WEEK = 3;

export function dayNumber(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function dateOfDay(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(date: IsoDate): number {
  return (new Date(dayNumber(date) * DAY_MS).getUTCDay() + 6) % 7;
}

/** The Monday of the week a date falls in. */
export function mondayOf(date: IsoDate): IsoDate {
  return dateOfDay(dayNumber(date) - weekdayIndex(date));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return dateOfDay(dayNumber(date) + days);
}

/** True when `date` is a weekday inside a term and outside its half-term break. */
export function isTermDay(terms: readonly Term[], date: IsoDate): boolean {
  if (weekdayIndex(date) > 4) return false;
  return terms.some((t) => date >= t.startsOn && date <= t.endsOn && !(t.halfTermStartsOn !== null && t.halfTermEndsOn !== null && date >= t.halfTermStartsOn && date <= t.halfTermEndsOn));
}

/** The teaching weeks the terms make: the Monday of every week with at least three term days, in order. */
export function weeksFromTerms(terms: readonly Term[]): IsoDate[] {
  if (terms.length === 0) return [];
  const first = terms.reduce((a, t) => (t.startsOn < a ? t.startsOn : a), terms[0]!.startsOn);
  const last = terms.reduce((a, t) => (t.endsOn > a ? t.endsOn : a), terms[0]!.endsOn);
  const weeks: IsoDate[] = [];
  for (let monday = mondayOf(first); monday <= last; monday = addDays(monday, 7)) {
    let termDays = 0;
    for (let d = 0; d < 5; d++) if (isTermDay(terms, addDays(monday, d))) termDays++;
    if (termDays >= TERM_DAYS_FOR_A_TEACHING_WEEK) weeks.push(monday);
  }
  return weeks;
}

/**
 * Terms that make exactly these teaching weeks (a file made before terms were kept, or the default
 * calendar): runs of consecutive weeks, a one-week gap inside a term taken as its half-term, a longer gap
 * (or a second one-week gap) starting a new term. Each term runs from a run's Monday to its last Friday.
 */
export function termsFromWeeks(weekStarts: readonly IsoDate[]): Term[] {
  const terms: Term[] = [];
  let current: Term | null = null;
  let previous: IsoDate | null = null;
  for (const monday of weekStarts) {
    const gapWeeks = previous === null ? null : (dayNumber(monday) - dayNumber(previous)) / 7 - 1;
    if (current !== null && gapWeeks === 0) {
      current.endsOn = addDays(monday, 4);
    } else if (current !== null && gapWeeks === 1 && current.halfTermStartsOn === null) {
      current.halfTermStartsOn = addDays(previous as IsoDate, 7);
      current.halfTermEndsOn = addDays(previous as IsoDate, 11);
      current.endsOn = addDays(monday, 4);
    } else {
      current = { startsOn: monday, endsOn: addDays(monday, 4), halfTermStartsOn: null, halfTermEndsOn: null };
      terms.push(current);
    }
    previous = monday;
  }
  return terms;
}

/** A problem with one term's dates, for the field it belongs to. */
export interface TermProblem {
  term: number;
  field: keyof Term;
  code: IssueCode;
  params?: IssueParams;
}

const TERM_FIELDS: ReadonlyArray<keyof Term> = ['startsOn', 'halfTermStartsOn', 'halfTermEndsOn', 'endsOn'];

/** A date as people type it and read it in either language: 1/8/2026. */
export function typedDate(date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d}/${m}/${y}`;
}

/** The academic year that starts in `startYear`: 1 August to 31 July (2026 → 2026-08-01 to 2027-07-31). */
export function academicYearDates(startYear: number): { first: IsoDate; last: IsoDate } {
  return { first: `${startYear}-08-01`, last: `${startYear + 1}-07-31` };
}

/**
 * What is wrong with a list of terms (in order): every date lies in the school's academic year (1 August
 * to 31 July) when its first calendar year is given, each term ends on or after it starts, a half-term has
 * both dates and lies inside its term, and each term starts after the one before ends.
 */
export function termProblems(terms: readonly Term[], academicStartYear?: number): TermProblem[] {
  const problems: TermProblem[] = [];
  const year = academicStartYear === undefined ? null : academicYearDates(academicStartYear);
  terms.forEach((t, i) => {
    if (year) {
      for (const field of TERM_FIELDS) {
        const date = t[field];
        if (date !== null && (date < year.first || date > year.last)) {
          problems.push({ term: i, field, code: 'termInYear', params: { first: typedDate(year.first), last: typedDate(year.last) } });
        }
      }
    }
    if (t.endsOn < t.startsOn) problems.push({ term: i, field: 'endsOn', code: 'termEnd' });
    if ((t.halfTermStartsOn === null) !== (t.halfTermEndsOn === null)) {
      problems.push({ term: i, field: t.halfTermStartsOn === null ? 'halfTermStartsOn' : 'halfTermEndsOn', code: 'halfTermBoth' });
    } else if (t.halfTermStartsOn !== null && t.halfTermEndsOn !== null) {
      if (t.halfTermEndsOn < t.halfTermStartsOn) problems.push({ term: i, field: 'halfTermEndsOn', code: 'halfTermOrder' });
      else if (t.halfTermStartsOn <= t.startsOn || t.halfTermEndsOn >= t.endsOn) {
        problems.push({ term: i, field: 'halfTermStartsOn', code: 'halfTermInside' });
      }
    }
    const before = terms[i - 1];
    if (before && t.startsOn <= before.endsOn) problems.push({ term: i, field: 'startsOn', code: 'termOrder' });
  });
  return problems;
}

/**
 * What to say beside the one date a person just changed (term `term`'s `field`), in words about that
 * field: a date outside the school year names the year's first and last day; a first day after the
 * term's last day, or a last day on or after the next term's first, names the other date. Null when the
 * terms are right.
 */
export function termFieldProblem(terms: readonly Term[], term: number, field: keyof Term, academicStartYear?: number): TermProblem | null {
  const problems = termProblems(terms, academicStartYear);
  if (problems.length === 0) return null;
  const own = problems.filter((p) => p.term === term && p.field === field);
  const t = terms[term];
  const next = terms[term + 1];
  const inYear = own.find((p) => p.code === 'termInYear');
  if (inYear) return inYear;
  if (t && field === 'startsOn' && t.endsOn < t.startsOn) return { term, field, code: 'termStartAfterEnd', params: { date: typedDate(t.endsOn) } };
  if (t && next && field === 'endsOn' && next.startsOn <= t.endsOn) return { term, field, code: 'termEndBeforeNext', params: { date: typedDate(next.startsOn) } };
  return own[0] ?? problems.find((p) => p.term === term) ?? problems[0] ?? null;
}

/**
 * What would run past the last week of a calendar of `weeks` teaching weeks. Lines keep their week
 * numbers when the calendar changes, so these are reported (and the change refused) rather than cut.
 */
export function runsPastWeek(year: Pick<SchoolYear, 'lines' | 'enrolments'>, weeks: number): { lines: InterventionLine[]; enrolments: Enrolment[] } {
  return {
    lines: year.lines.filter((l) => l.weeks > 0 && l.startWeek + l.weeks - 1 > weeks),
    enrolments: year.enrolments.filter((e) => e.endWeek > weeks),
  };
}
