import { describe, expect, it } from 'vitest';
import { demoSchoolYear } from './demo/demoSchool';
import { rollForward } from './rollForward';

describe('rolling the demo school forward to 2027-28', () => {
  const current = demoSchoolYear();
  const { year, leavers, endedIncome } = rollForward(current);

  it('moves the year on with a new 38-week calendar starting in September 2027', () => {
    expect(year.school.academicYear).toBe('2027-28');
    expect(year.calendar.weekStarts).toHaveLength(38);
    expect(year.calendar.weekStarts[0]).toBe('2027-09-06');
  });

  it('advances year groups and lets Year 6 leave a primary school', () => {
    const year6 = current.learners.filter((l) => l.yearGroup === 6);
    expect(year6.length).toBeGreaterThan(0);
    expect(leavers.map((l) => l.ref).sort()).toEqual(year6.map((l) => l.ref).sort());
    expect(year.learners).toHaveLength(current.learners.length - year6.length);
    for (const learner of year.learners) {
      expect(learner.yearGroup).toBe((current.learners.find((l) => l.id === learner.id)?.yearGroup ?? NaN) + 1);
    }
  });

  it('carries staff and lines, ends enrolments and clears undelivered weeks', () => {
    expect(year.staff).toEqual(current.staff);
    expect(year.lines.map((l) => l.name)).toEqual(current.lines.map((l) => l.name));
    expect(year.enrolments).toEqual([]);
    expect(year.lines.every((l) => l.undeliveredWeeks.length === 0)).toBe(true);
  });

  it('does not carry a grant that ended before the new year', () => {
    expect(endedIncome.map((i) => i.name)).toEqual(['ALN implementation grant']);
    expect(year.income.some((i) => i.name === 'ALN implementation grant')).toBe(false);
    expect(year.income).toHaveLength(current.income.length - 1);
  });

  it('leaves the current year untouched', () => {
    expect(current).toEqual(demoSchoolYear());
  });
});
