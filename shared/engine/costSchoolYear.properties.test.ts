/**
 * Properties every costed map must keep, over randomly generated school years: shares sum exactly to the
 * line, financial-year parts sum to the line, to date + undelivered + still to come = total, totals are the
 * sums of the rounded lines, and every figure is a whole number, at a large school's size too.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SchoolYear } from '../domain';
import { costSchoolYear } from './costSchoolYear';
import { enrolment, expectOnlyWholeNumbers, interventionLine, learner, otherCost, schoolYear, staffMember } from '../../test/support/schoolYearBuilder';
import { yearArb } from '../../test/support/schoolYearArbitrary';
import type { CostedMap } from './types';

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

function expectInvariants(year: SchoolYear, map: CostedMap): void {
  expectOnlyWholeNumbers(map);
  for (const c of map.lines) {
    expect(sum(c.shares.map((s) => s.pence)) + c.unallocatedPence).toBe(c.costPence);
    expect(c.shares.every((s) => s.pence >= 0)).toBe(true);
    expect(sum(c.financialYears.pence)).toBe(c.costPence);
    expect(c.costPence).toBe(c.staffCostPence + c.nonStaffCostPence);
    expect(c.costToDatePence + c.undeliveredPence).toBeLessThanOrEqual(c.costPence);
  }
  for (const c of map.otherCosts) expect(sum(c.financialYears.pence)).toBe(c.costPence);

  const t = map.totals;
  const lines = sum(map.lines.map((c) => c.costPence));
  const others = sum(map.otherCosts.map((c) => c.costPence));
  expect(t.linesCostPence).toBe(lines);
  expect(t.otherCostsPence).toBe(others);
  expect(t.costPence).toBe(lines + others);
  expect(t.chargedPence).toBe(sum([...map.lines, ...map.otherCosts].filter((c) => c.chargedToAlnBudget).map((c) => c.costPence)));
  expect(t.unallocatedPence).toBe(sum(map.lines.map((c) => c.unallocatedPence)));
  expect(t.costToDatePence).toBe(sum([...map.lines, ...map.otherCosts].map((c) => c.costToDatePence)));
  expect(sum(t.financialYears.pence)).toBe(t.costPence);
  for (const breakdown of [t.byTier, t.byArea, t.byFundingSource]) {
    expect(sum(breakdown.map((b) => b.costPence))).toBe(t.costPence);
    expect(sum(breakdown.map((b) => b.chargedPence))).toBe(t.chargedPence);
  }
  expect(sum(t.byAlp.map((b) => b.costPence))).toBe(t.linesCostPence);
  // Every penny of the lines is either some learner's or unallocated.
  expect(sum(map.learners.map((l) => l.costPence)) + t.unallocatedPence).toBe(t.linesCostPence);
  expect(map.budget.positionPence).toBe(map.budget.incomePence - t.chargedPence);
  expect(sum(map.budget.financialYears.map((y) => y.chargedPence))).toBe(t.chargedPence);
  // The whole year's income is its two financial years' income (docs/costing-rules.md, "Budget position"):
  // a line for another financial year counts in neither, and a check names it.
  expect(sum(map.budget.financialYears.map((y) => y.incomePence))).toBe(map.budget.incomePence);
  expect(sum(map.budget.financialYears.map((y) => y.positionPence))).toBe(map.budget.positionPence);
  const years = map.budget.financialYears.map((y) => y.year);
  const outside = year.income.filter((i) => i.financialYear !== null && !years.includes(i.financialYear));
  expect(map.budget.incomePence).toBe(sum(year.income.map((i) => i.amountPence)) - sum(outside.map((i) => i.amountPence)));
  expect(map.checks.filter((c) => c.code === 'income_outside_year').map((c) => c.subject)).toEqual(outside.map((i) => ({ kind: 'income', id: i.id })));
  expect(map.learners).toHaveLength(year.learners.length);
  expect(map.staff).toHaveLength(year.staff.length);
}

describe('costed map invariants over random school years', () => {
  it('hold at every as-at week', () => {
    fc.assert(
      fc.property(yearArb, fc.integer({ min: 0, max: 38 }), (year, asAtWeek) => {
        expectInvariants(year, costSchoolYear(year, { asAtWeek, today: '2027-02-01' }));
      }),
      { numRuns: 200 },
    );
  });

  it('cost to date + undelivered + weeks still to come = total, and at the year’s end only undelivered weeks are missing', () => {
    fc.assert(
      fc.property(yearArb, (year) => {
        const end = costSchoolYear(year, { asAtWeek: 38 });
        const start = costSchoolYear(year, { asAtWeek: 0 });
        end.lines.forEach((c, i) => {
          expect(c.costToDatePence + c.undeliveredPence).toBe(c.costPence);
          expect(start.lines[i]?.costToDatePence).toBe(0);
        });
        end.otherCosts.forEach((c) => expect(c.costToDatePence).toBe(c.costPence));
        // Cost to date never falls as the weeks go by.
        let before = 0;
        for (const w of [5, 12, 25, 30, 38]) {
          const now = costSchoolYear(year, { asAtWeek: w }).totals.costToDatePence;
          expect(now).toBeGreaterThanOrEqual(before);
          before = now;
        }
      }),
      { numRuns: 100 },
    );
  });

  it('cost to date at the last week of March equals the first financial year, to the penny', () => {
    fc.assert(
      fc.property(yearArb, (year) => {
        for (const l of year.lines) l.undeliveredWeeks = [];
        const map = costSchoolYear(year, { asAtWeek: 25 }); // week 25 starts 22 March 2027
        for (const c of [...map.lines, ...map.otherCosts]) expect(c.costToDatePence).toBe(c.financialYears.pence[0]);
      }),
      { numRuns: 100 },
    );
  });

  it('are the same every time: the engine is deterministic', () => {
    fc.assert(
      fc.property(yearArb, (year) => {
        expect(costSchoolYear(year, { asAtWeek: 10 })).toEqual(costSchoolYear(structuredClone(year), { asAtWeek: 10 }));
      }),
      { numRuns: 30 },
    );
  });
});

describe('a large school', () => {
  it('costs a 2,000-learner, 150-line, 2,500-enrolment school with every share summing to its line', () => {
    const staff = Array.from({ length: 60 }, (_, i) => staffMember({ id: i + 1, hourlyCostPence: 1400 + i * 13 }));
    const lines = Array.from({ length: 150 }, (_, i) =>
      interventionLine({
        id: i + 1,
        tierId: ['universal', 'targeted', 'alp'][i % 3] as string,
        areaIds: i % 4 === 0 ? ['cognition_learning', 'besd'] : ['communication_interaction'],
        staff: [{ staffId: (i % 60) + 1, count: 1 + (i % 2) }],
        startWeek: 1 + (i % 26),
        weeks: 12,
        groups: 1 + (i % 3),
        undeliveredWeeks: i % 10 === 0 ? [2 + (i % 26)] : [],
      }),
    );
    const learners = Array.from({ length: 2000 }, (_, i) =>
      learner({ id: i + 1, alnStatus: (['none', 'monitored', 'idp_school', 'idp_la'] as const)[i % 4], idpAlpMinutesPerWeek: 90, idpLastReviewed: '2025-11-01' }),
    );
    const enrolments = Array.from({ length: 2500 }, (_, i) => {
      const line = lines[i % 150] as (typeof lines)[number];
      return enrolment({ id: i + 1, lineId: line.id, learnerId: ((i * 7) % 2000) + 1, startWeek: line.startWeek, endWeek: line.startWeek + 11 });
    });
    const year = schoolYear({ staff, lines, learners, enrolments, otherCosts: [otherCost({ id: 1, staffId: 1, minutesPerWeek: 120 })] });
    // Speed is measured by `npm run bench`, never asserted here: this proves the large school costs correctly.
    const costed = costSchoolYear(year, { today: '2027-02-01' });
    expect(costed.lines).toHaveLength(150);
    for (const line of costed.lines) expect(sum(line.shares.map((s) => s.pence)) + line.unallocatedPence).toBe(line.costPence);
    expect(costed.totals.linesCostPence).toBe(sum(costed.lines.map((l) => l.costPence)));
    expectOnlyWholeNumbers(costed);
  });
});
