/**
 * The recost's whole-number fast paths against deliberately simple exact references (BigInt, week by week,
 * one comparator sort), over thousands of random inputs, values near 2⁵³ included, so that using plain
 * JavaScript numbers where they are exact changed no figure: money.ts's divideRoundedToNumber, the
 * largest-remainder split and its two-part form, the financial-year split, a line's and an other cost's
 * cost, and the group_over_capacity peak (docs/costing-rules.md; docs/performance.md, "Round 6").
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { divideRoundedToNumber } from '../money';
import { splitByWeights, splitInTwo } from './largestRemainder';
import { financialYearSplitter, splitAcrossFinancialYears } from './financialYear';
import { costLine, costOtherLine } from './lineCost';
import { costSchoolYear } from './costSchoolYear';
import { enrolment, interventionLine, learner, otherCost, schoolYear, staffMember } from '../../test/support/schoolYearBuilder';

const RUNS = 3000;

/** Half away from zero in BigInt: the rule, stated plainly. */
function referenceDivide(n: bigint, d: bigint): bigint {
  const negative = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = (2n * an + ad) / (2n * ad);
  return negative ? -q : q;
}

/** Largest remainder in BigInt: floors, then one penny each to the largest remainders, ties to the earlier part. */
function referenceSplit(total: number, weights: readonly number[]): number[] {
  const negative = total < 0;
  const t = BigInt(Math.abs(total));
  const sum = weights.reduce((s, w) => s + BigInt(w), 0n);
  const parts = weights.map((w) => (t * BigInt(w)) / sum);
  const remainders = weights.map((w) => (t * BigInt(w)) % sum);
  let left = t - parts.reduce((s, p) => s + p, 0n);
  const order = weights.map((_, i) => i).sort((a, b) => (remainders[a] === remainders[b] ? a - b : (remainders[a] as bigint) > (remainders[b] as bigint) ? -1 : 1));
  for (const i of order) {
    if (left === 0n) break;
    parts[i] = (parts[i] as bigint) + 1n;
    left--;
  }
  return parts.map((p) => (negative && p !== 0n ? -Number(p) : Number(p)));
}

/** A whole number anywhere up to 2⁵³, often near the top: both sides of every bound are reached. */
const wideInteger = (max = Number.MAX_SAFE_INTEGER) =>
  fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 0, max: Math.min(max, 2 ** 45) }), fc.integer({ min: Math.floor(max / 4), max }));

describe('whole-number paths give the exact paths’ figures', () => {
  it('divideRoundedToNumber equals half away from zero in BigInt', () => {
    fc.assert(
      fc.property(wideInteger(), wideInteger(), fc.boolean(), fc.boolean(), (n, d, negN, negD) => {
        if (d === 0) return;
        const numerator = negN ? -n : n;
        const denominator = negD ? -d : d;
        const expected = referenceDivide(BigInt(numerator), BigInt(denominator));
        if (Number.isSafeInteger(Number(expected))) expect(divideRoundedToNumber(numerator, denominator)).toBe(Number(expected));
        else expect(() => divideRoundedToNumber(numerator, denominator)).toThrow(RangeError);
      }),
      { numRuns: RUNS },
    );
    // Halves, either side of zero, and results of zero never come back as −0.
    expect(divideRoundedToNumber(5, 2)).toBe(3);
    expect(divideRoundedToNumber(-5, 2)).toBe(-3);
    expect(Object.is(divideRoundedToNumber(-1, 3), 0)).toBe(true);
    expect(divideRoundedToNumber(Number.MAX_SAFE_INTEGER, 1)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('splitByWeights and splitInTwo equal largest remainder in BigInt, ties to the earlier part', () => {
    const weights = fc.array(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 53 }), wideInteger(2 ** 40)), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(wideInteger(), weights, fc.boolean(), (t, ws, negative) => {
        const total = negative ? -t : t;
        if (!ws.some((w) => w > 0)) ws[0] = 1;
        const expected = referenceSplit(total, ws);
        expect(splitByWeights(total, ws)).toEqual(expected);
        const [a = 0, b = 0] = ws;
        if (a + b > 0) expect(splitInTwo(total, a, b)).toEqual(referenceSplit(total, [a, b]));
      }),
      { numRuns: RUNS },
    );
  });

  it('the financial-year splitter equals the week-by-week split for any run over any calendar', () => {
    const calendar = fc.array(fc.constantFrom(0 as const, 1 as const), { maxLength: 45 });
    fc.assert(
      fc.property(calendar, fc.integer({ min: -5, max: 60 }), fc.integer({ min: 1, max: 60 }), wideInteger(2 ** 46), (weekFy, first, weeks, cost) => {
        const run = { first, weeks };
        expect(financialYearSplitter(weekFy)(cost, run)).toEqual(splitAcrossFinancialYears(cost, run, weekFy));
      }),
      { numRuns: RUNS },
    );
  });

  it('a line’s and an other cost’s cost equal the BigInt formula, or are refused alike beyond the exact range', () => {
    const staffArb = fc.array(fc.record({ hourly: wideInteger(2 ** 40), count: fc.integer({ min: 1, max: 200 }) }), { maxLength: 4 });
    fc.assert(
      fc.property(
        staffArb,
        fc.record({
          groups: fc.integer({ min: 1, max: 3000 }),
          minutes: fc.integer({ min: 0, max: 600 }),
          planning: fc.integer({ min: 0, max: 600 }),
          sessions: fc.integer({ min: 0, max: 5000 }),
          weeks: fc.integer({ min: 0, max: 53 }),
          nonStaff: fc.array(fc.integer({ min: 0, max: 100_000_000_000 }), { maxLength: 3 }),
        }),
        (assigned, l) => {
          const staff = assigned.map((a, i) => staffMember({ id: i + 1, hourlyCostPence: a.hourly }));
          const line = interventionLine({
            id: 1,
            staff: assigned.map((a, i) => ({ staffId: i + 1, count: a.count })),
            groups: l.groups,
            minutesPerSession: l.minutes,
            planningMinutesPerSession: l.planning,
            sessionsPerWeekHundredths: l.sessions,
            weeks: l.weeks,
            nonStaffCosts: l.nonStaff.map((pence) => ({ label: 'x', pence })),
          });
          let numerator = 0n;
          for (const a of assigned) numerator += BigInt(a.hourly) * BigInt(a.count * l.groups * (l.minutes + l.planning) * l.sessions) * BigInt(l.weeks);
          const staffCost = referenceDivide(numerator, 6000n);
          const byId = new Map(staff.map((s) => [s.id, s]));
          if (Number.isSafeInteger(Number(staffCost))) expect(costLine(line, byId).staffCostPence).toBe(Number(staffCost));
          else expect(() => costLine(line, byId)).toThrow(RangeError);

          const hourly = assigned[0]?.hourly ?? 0;
          const other = otherCost({ id: 1, staffId: 1, minutesPerWeek: l.minutes * l.groups, weeks: l.weeks });
          const bought = otherCost({ id: 2, quantity: l.groups, unitPence: hourly });
          if (staff.length > 0) {
            const expected = referenceDivide(BigInt(hourly) * BigInt(l.minutes * l.groups * l.weeks), 60n);
            if (Number.isSafeInteger(Number(expected))) expect(costOtherLine(other, byId)).toBe(Number(expected));
            else expect(() => costOtherLine(other, byId)).toThrow(RangeError);
          }
          const product = BigInt(l.groups) * BigInt(hourly);
          if (Number.isSafeInteger(Number(product))) expect(costOtherLine(bought, byId)).toBe(Number(product));
          else expect(() => costOtherLine(bought, byId)).toThrow(RangeError);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('group_over_capacity reports the peak and its first week that a week-by-week count finds', () => {
    const enrolments = fc.array(fc.record({ line: fc.nat(3), start: fc.integer({ min: -3, max: 60 }), len: fc.integer({ min: -3, max: 60 }) }), { maxLength: 40 });
    const lines = fc.array(
      fc.record({ start: fc.integer({ min: -2, max: 55 }), weeks: fc.integer({ min: 0, max: 53 }), groups: fc.integer({ min: 1, max: 2 }), capacity: fc.integer({ min: 0, max: 4 }) }),
      {
        minLength: 1,
        maxLength: 4,
      },
    );
    fc.assert(
      fc.property(lines, enrolments, (ls, es) => {
        const year = schoolYear({
          lines: ls.map((l, i) => interventionLine({ id: i + 1, startWeek: l.start, weeks: l.weeks, groups: l.groups, groupCapacity: l.capacity })),
          learners: [learner({ id: 1 })],
          enrolments: es.map((e, i) => enrolment({ id: es.length - i, lineId: (e.line % ls.length) + 1, learnerId: 1, startWeek: e.start, endWeek: e.start + e.len })),
        });
        const expected = year.lines.flatMap((line) => {
          let peak = 0;
          let week = 0;
          for (let w = line.startWeek; w < line.startWeek + line.weeks; w++) {
            const n = year.enrolments.filter((e) => e.lineId === line.id && e.startWeek <= w && w <= e.endWeek).length;
            if (n > peak) [peak, week] = [n, w];
          }
          const places = line.groups * line.groupCapacity;
          return peak > places ? [{ id: line.id, peak, week }] : [];
        });
        const found = costSchoolYear(year, { asAtWeek: 10 })
          .checks.filter((c) => c.code === 'group_over_capacity')
          .map((c) => ({ id: c.subject.id, peak: c.params.peakEnrolled, week: c.params.week }));
        expect(found).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
