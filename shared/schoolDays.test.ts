import { describe, expect, it } from 'vitest';
import type { Calendar, Term } from './domain';
import { nthSchoolDayAfter, schoolDaysBetween, schoolDaysOf } from './schoolDays';
import { weeksFromTerms } from './schoolTerms';

// Autumn 2026: Tuesday 1 September to Friday 18 December, half-term 26–30 October.
const autumn: Term = { startsOn: '2026-09-01', endsOn: '2026-12-18', halfTermStartsOn: '2026-10-26', halfTermEndsOn: '2026-10-30' };
const calendar = (p: Partial<Calendar> = {}): Calendar => ({ terms: [autumn], weekStarts: weeksFromTerms([autumn]), closedDays: [], ...p });

describe('school days on the school’s calendar', () => {
  it('are weekdays in term, outside the half-term and the closed days', () => {
    const days = schoolDaysOf(calendar({ closedDays: ['2026-11-02'] }));
    expect(days.isSchoolDay('2026-09-01')).toBe(true); // the first day of term, a Tuesday
    expect(days.isSchoolDay('2026-08-31')).toBe(false); // before term
    expect(days.isSchoolDay('2026-10-03')).toBe(false); // a Saturday
    expect(days.isSchoolDay('2026-10-27')).toBe(false); // half-term
    expect(days.isSchoolDay('2026-11-02')).toBe(false); // an INSET day
    expect(days.isSchoolDay('2026-11-03')).toBe(true);
    expect(days.lastDay).toBe('2026-12-18');
  });

  it('leave out a teaching week the school removed, and count one it added outside its terms', () => {
    const weekStarts = weeksFromTerms([autumn]).filter((w) => w !== '2026-11-09');
    weekStarts.push('2027-01-04');
    const days = schoolDaysOf(calendar({ weekStarts }));
    expect(days.isSchoolDay('2026-11-10')).toBe(false);
    expect(days.isSchoolDay('2027-01-05')).toBe(true);
    expect(days.lastDay).toBe('2027-01-08');
  });

  it('count 35 school days across a half-term and an INSET day to the exact date', () => {
    // Referred on Thursday 1 October: 16 school days to 23 October, half-term, then from Tuesday 3 November
    // (Monday 2 November is an INSET day) 19 more: 3–6, 9–13, 16–20 and 23–27 November.
    const days = schoolDaysOf(calendar({ closedDays: ['2026-11-02'] }));
    expect(nthSchoolDayAfter(days, '2026-10-01', 35)).toEqual({ date: '2026-11-27', beyond: 0 });
    // Without the INSET day it is a day earlier
    expect(nthSchoolDayAfter(schoolDaysOf(calendar()), '2026-10-01', 35)).toEqual({ date: '2026-11-26', beyond: 0 });
    expect(schoolDaysBetween(days, '2026-10-01', '2026-11-27')).toBe(35);
    expect(schoolDaysBetween(days, '2026-11-27', '2026-11-27')).toBe(0);
  });

  it('says how many days fall after the calendar’s end when it ends first', () => {
    const days = schoolDaysOf(calendar());
    // 7–11 and 14–18 December: 10 school days after Friday 4 December, then the calendar ends
    expect(nthSchoolDayAfter(days, '2026-12-04', 35)).toEqual({ date: null, beyond: 25 });
  });

  it('count the weekdays of the teaching weeks when a file has no terms', () => {
    const days = schoolDaysOf({ terms: [], weekStarts: ['2026-09-07', '2026-09-14'], closedDays: ['2026-09-07'] });
    expect(days.isSchoolDay('2026-09-07')).toBe(false);
    expect(days.isSchoolDay('2026-09-08')).toBe(true);
    expect(days.isSchoolDay('2026-09-21')).toBe(false);
    expect(days.lastDay).toBe('2026-09-18');
  });
});
