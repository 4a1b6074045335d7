import { describe, expect, it } from 'vitest';
import type { InterventionLine, SchoolYear } from '../../../shared/domain';
import { filterLines, groupByTier, NO_FILTER } from './mapFilters';
import { interventionLine } from '../../../test/support/schoolYearBuilder';

const line = (id: number, over: Partial<InterventionLine>): InterventionLine => interventionLine({ id, areaIds: [], staff: [], ...over });

const year = {
  tiers: [
    { id: 'alp', name: 'ALP', isAlp: true, sortOrder: 3 },
    { id: 'universal', name: 'Universal', isAlp: false, sortOrder: 1 },
    { id: 'targeted', name: 'Targeted', isAlp: false, sortOrder: 2 },
  ],
  lines: [
    line(1, { name: 'Talk Boost', areaIds: ['cognition_learning'], staff: [{ staffId: 7, count: 1 }] }),
    line(2, { name: 'Grŵp Siarad', description: 'Sgiliau iaith lafar', tierId: 'alp', deliveryLanguage: 'welsh', areaIds: ['sensory_physical'] }),
    line(3, { tierId: 'universal', areaIds: ['cognition_learning', 'communication_interaction'] }),
  ],
  learners: [
    { id: 10, yearGroup: 3 },
    { id: 11, yearGroup: 5 },
  ],
  enrolments: [
    { id: 100, lineId: 2, learnerId: 10 },
    { id: 101, lineId: 1, learnerId: 11 },
  ],
} as unknown as SchoolYear;

const ids = (ls: InterventionLine[]) => ls.map((l) => l.id);

describe('provision map filters', () => {
  it('show every line when nothing is chosen', () => {
    expect(ids(filterLines(year, NO_FILTER))).toEqual([1, 2, 3]);
  });
  it('filter by area of need, staff member and language', () => {
    expect(ids(filterLines(year, { ...NO_FILTER, areaId: 'cognition_learning' }))).toEqual([1, 3]);
    expect(ids(filterLines(year, { ...NO_FILTER, staffId: 7 }))).toEqual([1]);
    // Words typed find a line by name or description, ignoring case and accents
    expect(ids(filterLines(year, { ...NO_FILTER, text: 'grwp' }))).toEqual([2]);
    expect(ids(filterLines(year, { ...NO_FILTER, text: 'LAFAR' }))).toEqual([2]);
    expect(ids(filterLines(year, { ...NO_FILTER, text: 'talk' }))).toEqual([1]);
    expect(ids(filterLines(year, { ...NO_FILTER, language: 'welsh' }))).toEqual([2]);
  });
  it('filter by year group through the learners enrolled', () => {
    expect(ids(filterLines(year, { ...NO_FILTER, yearGroup: 3 }))).toEqual([2]);
    expect(ids(filterLines(year, { ...NO_FILTER, yearGroup: 6 }))).toEqual([]);
  });
  it('group lines under tiers in their sort order, keeping empty tiers', () => {
    const groups = groupByTier(year, filterLines(year, { ...NO_FILTER, language: 'welsh' }));
    expect(groups.map((g) => [g.tier.id, ids(g.lines)])).toEqual([
      ['universal', []],
      ['targeted', []],
      ['alp', [2]],
    ]);
  });
});
