import { describe, expect, it } from 'vitest';
import { buildAuthorityReturn } from './buildReturn';
import { compareReturns } from './comparison';
import { headlineOf, newerOf } from './returnHeadline';
import { costSchoolYear } from '../engine';
import { schoolYear, staffMember, incomeLine } from '../../test/support/schoolYearBuilder';

describe('which return is newer, and what changes', () => {
  it('decides by when Mapio wrote each, whatever order they came in; a return from before version 4 cannot say', () => {
    expect(newerOf('2027-06-15T14:30:00.000Z', '2027-05-01T09:00:00.000Z')).toBe('incoming');
    expect(newerOf('2027-05-01T09:00:00.000Z', '2027-06-15T14:30:00.000Z')).toBe('held');
    expect(newerOf('2027-05-01T09:00:00.000Z', '2027-05-01T09:00:00.000Z')).toBe('same');
    expect(newerOf(null, '2027-05-01T09:00:00.000Z')).toBeNull();
    expect(newerOf('2027-05-01T09:00:00.000Z', null)).toBeNull();
  });

  it('sets out the headline figures: roll, learners with ALN, committed spend, income and budget position', () => {
    const year = schoolYear({ staff: [staffMember({ id: 1 })], income: [incomeLine({ id: 1, amountPence: 1_234_500 })] });
    const ret = { ...buildAuthorityReturn(year, costSchoolYear(year)), writtenAt: '2027-06-01T09:00:00.000Z' };
    expect(headlineOf(ret)).toEqual({
      writtenAt: '2027-06-01T09:00:00.000Z',
      numberOnRoll: ret.school.numberOnRoll,
      learnersWithAln: ret.counts.learnersWithAln,
      committedPence: ret.budget.chargedPence,
      incomePence: 1_234_500,
      positionPence: 1_234_500 - ret.budget.chargedPence,
    });
  });
});

describe('which school a return is', () => {
  it('carries the official number into the comparison, and notes a school matched by name because it has none', () => {
    const numbered = schoolYear();
    numbered.school = { ...numbered.school, name: 'Ysgol A', officialNumber: '6712345' };
    const unnumbered = schoolYear();
    unnumbered.school = { ...unnumbered.school, name: 'Ysgol B', officialNumber: '' };
    const { schools } = compareReturns(
      [numbered, unnumbered].map((y) => ({ schoolKey: y.school.name, ret: buildAuthorityReturn(y, costSchoolYear(y)) })),
      {},
    );
    expect(schools.map((r) => [r.context.name, r.context.officialNumber, r.notes.includes('matched_by_name')])).toEqual([
      ['Ysgol A', '6712345', false],
      ['Ysgol B', '', true],
    ]);
    expect(schools[0]?.replacedFiles).toEqual([]);
  });
});
