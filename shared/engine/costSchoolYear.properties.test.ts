/**
 * Properties every costed map must keep, over randomly generated school years: shares sum exactly to the
 * line, financial-year parts sum to the line, to date + undelivered + still to come = total, totals are the
 * sums of the rounded lines, and every figure is a whole number, at a large school's size too.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FUNDING_SOURCES, type SchoolYear } from '../domain';
import { costSchoolYear } from './costSchoolYear';
import { enrolment, expectOnlyWholeNumbers, incomeLine, interventionLine, learner, otherCost, schoolYear, staffMember } from '../../test/support/schoolYearBuilder';
import type { CostedMap } from './types';

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

const yearArb: fc.Arbitrary<SchoolYear> = fc
  .record({
    staff: fc.array(fc.record({ hourly: fc.integer({ min: 0, max: 20_000 }), contracted: fc.integer({ min: 0, max: 3000 }) }), { minLength: 1, maxLength: 4 }),
    lines: fc.array(
      fc.record({
        tier: fc.constantFrom('universal', 'targeted', 'alp', 'unknown_tier'),
        areas: fc.subarray(['cognition_learning', 'communication_interaction', 'besd', 'sensory_physical', 'other_area']),
        funding: fc.constantFrom(...FUNDING_SOURCES),
        staff: fc.array(fc.record({ s: fc.nat(3), count: fc.integer({ min: 1, max: 3 }) }), { maxLength: 3 }),
        minutes: fc.integer({ min: 0, max: 400 }),
        planning: fc.integer({ min: 0, max: 60 }),
        sessions: fc.integer({ min: 0, max: 1000 }),
        start: fc.integer({ min: 1, max: 38 }),
        weeks: fc.integer({ min: 0, max: 38 }),
        groups: fc.integer({ min: 1, max: 4 }),
        capacity: fc.integer({ min: 1, max: 10 }),
        nonStaff: fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 3 }),
        undelivered: fc.array(fc.integer({ min: 1, max: 38 }), { maxLength: 5 }),
      }),
      { maxLength: 8 },
    ),
    learners: fc.array(fc.constantFrom('none', 'monitored', 'idp_school', 'idp_la') as fc.Arbitrary<'none' | 'monitored' | 'idp_school' | 'idp_la'>, { maxLength: 8 }),
    enrolments: fc.array(fc.record({ line: fc.nat(7), learner: fc.nat(7), start: fc.integer({ min: 1, max: 38 }), len: fc.integer({ min: 0, max: 38 }) }), { maxLength: 20 }),
    others: fc.array(
      fc.record({
        staff: fc.option(fc.nat(3)),
        minutes: fc.integer({ min: 0, max: 600 }),
        quantity: fc.integer({ min: 0, max: 20 }),
        unit: fc.integer({ min: 0, max: 100_000 }),
        funding: fc.constantFrom(...FUNDING_SOURCES),
        start: fc.integer({ min: 1, max: 38 }),
        weeks: fc.integer({ min: 0, max: 38 }),
        release: fc.boolean(),
      }),
      { maxLength: 4 },
    ),
    income: fc.array(fc.record({ amount: fc.integer({ min: 0, max: 10_000_000 }), fy: fc.constantFrom(null, 2026, 2027, 2030) }), { maxLength: 3 }),
    roll: fc.integer({ min: 0, max: 2000 }),
  })
  .map((r) => {
    const staff = r.staff.map((s, i) => staffMember({ id: i + 1, hourlyCostPence: s.hourly, contractedMinutesPerWeek: s.contracted }));
    const staffId = (n: number) => (n % staff.length) + 1;
    // Runs stay inside the 38-week calendar.
    const lines = r.lines.map((l, i) =>
      interventionLine({
        id: i + 1,
        tierId: l.tier,
        areaIds: l.areas,
        fundingSource: l.funding,
        staff: l.staff.map((a) => ({ staffId: staffId(a.s), count: a.count })),
        minutesPerSession: l.minutes,
        planningMinutesPerSession: l.planning,
        sessionsPerWeekHundredths: l.sessions,
        startWeek: l.start,
        weeks: Math.min(l.weeks, 39 - l.start),
        groups: l.groups,
        groupCapacity: l.capacity,
        nonStaffCosts: l.nonStaff.map((p) => ({ label: 'x', pence: p })),
        undeliveredWeeks: l.undelivered,
      }),
    );
    const learners = r.learners.map((s, i) => learner({ id: i + 1, alnStatus: s, idpAlpMinutesPerWeek: 60 }));
    const enrolments =
      lines.length && learners.length
        ? r.enrolments.map((e, i) =>
            enrolment({ id: 100 - i, lineId: (e.line % lines.length) + 1, learnerId: (e.learner % learners.length) + 1, startWeek: e.start, endWeek: Math.min(38, e.start + e.len) }),
          )
        : [];
    const otherCosts = r.others.map((o, i) =>
      otherCost({
        id: i + 1,
        kind: o.release ? 'alnco_release' : 'bought_in_service',
        staffId: o.staff === null ? null : staffId(o.staff),
        minutesPerWeek: o.minutes,
        quantity: o.quantity,
        unitPence: o.unit,
        fundingSource: o.funding,
        startWeek: o.start,
        weeks: Math.min(o.weeks, 39 - o.start),
      }),
    );
    const income = r.income.map((x, i) => incomeLine({ id: i + 1, amountPence: x.amount, financialYear: x.fy }));
    const year = schoolYear({ staff, lines, learners, enrolments, otherCosts, income });
    year.school.numberOnRoll = r.roll;
    return year;
  });

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
