/**
 * A typical Welsh school calendar: 38 teaching weeks (190 days) from September to July.
 *
 * Term dates differ a little between authorities, so this is only the default a new file starts with;
 * the school edits its own weeks. Rule used (close to the pattern Welsh authorities publish):
 * - the year starts on the first Monday on or after 4 September (the first days of September are
 *   usually INSET days or a part week);
 * - breaks: the last full week of October; two weeks from the Monday on or before 22 December;
 *   the week containing the third Monday of February; two weeks around Easter (see below);
 *   the last full week of May; then teaching until 38 weeks are counted.
 * Easter break: Welsh authorities have fixed a spring break that does not always follow Easter;
 * we take the two weeks starting on the Monday on or before Good Friday, which matches most years.
 */
import type { Calendar, IsoDate } from './domain';
import { termsFromWeeks } from './schoolTerms';

const DAY_MS = 86_400_000;

function utc(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d);
}

export function isoOf(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function parseIso(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return utc(y, m, d);
}

/** Monday on or after the given day. */
function mondayOnOrAfter(ms: number): number {
  const dow = new Date(ms).getUTCDay(); // 0 Sunday
  const add = (8 - dow) % 7;
  return ms + add * DAY_MS;
}

/** Monday on or before the given day. */
function mondayOnOrBefore(ms: number): number {
  const dow = new Date(ms).getUTCDay();
  const back = (dow + 6) % 7;
  return ms - back * DAY_MS;
}

/** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm. */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return utc(year, month, day);
}

/** The teaching weeks (and the terms they make) of a typical Welsh academic year starting in September of `startYear`. */
export function defaultWelshCalendar(startYear: number, teachingWeeks = 38): Calendar {
  const breaks = new Set<number>();
  const addBreak = (monday: number, weeks: number) => {
    for (let w = 0; w < weeks; w++) breaks.add(monday + w * 7 * DAY_MS);
  };
  // Last full week of October: the Monday on or before 27 October.
  addBreak(mondayOnOrBefore(utc(startYear, 10, 27)), 1);
  addBreak(mondayOnOrBefore(utc(startYear, 12, 22)), 2);
  // Week containing the third Monday of February.
  const febFirstMonday = mondayOnOrAfter(utc(startYear + 1, 2, 1));
  addBreak(febFirstMonday + 14 * DAY_MS, 1);
  const goodFriday = easterSunday(startYear + 1) - 2 * DAY_MS;
  addBreak(mondayOnOrBefore(goodFriday), 2);
  // Last full week of May: the Monday on or before 27 May.
  addBreak(mondayOnOrBefore(utc(startYear + 1, 5, 27)), 1);

  const weekStarts: IsoDate[] = [];
  let monday = mondayOnOrAfter(utc(startYear, 9, 4));
  while (weekStarts.length < teachingWeeks) {
    if (!breaks.has(monday)) weekStarts.push(isoOf(monday));
    monday += 7 * DAY_MS;
  }
  // The early May bank holiday (the first Monday in May) falls in the summer term: not a school day.
  const mayDay = isoOf(mondayOnOrAfter(utc(startYear + 1, 5, 1)));
  const closedDays = weekStarts.includes(mayDay) ? [mayDay] : [];
  return { weekStarts, terms: termsFromWeeks(weekStarts), closedDays };
}

/** "2026-27" → 2026. */
export function academicStartYear(academicYear: string): number {
  return Number(academicYear.slice(0, 4));
}

export function academicYearLabel(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}
