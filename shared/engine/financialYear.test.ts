import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { costToDate, splitAcrossFinancialYears, spreadRun, weeklyCosts } from './financialYear';

describe('spreading a cost over its weeks', () => {
  it('per-week costs sum to the cost and every prefix is the rounded proportional cost', () => {
    expect(weeklyCosts(10, 3)).toEqual([3, 4, 3]); // prefixes 3, 7, 10 = round(10/3), round(20/3), 10
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), fc.integer({ min: 1, max: 53 }), (cost, n) => {
        const weekly = weeklyCosts(cost, n);
        expect(weekly.reduce((a, b) => a + b, 0)).toBe(cost);
        let prefix = 0;
        weekly.forEach((c, i) => {
          prefix += c;
          expect(c).toBeGreaterThanOrEqual(0);
          // the two-part largest-remainder split at this week gives the same first part
          expect(
            splitAcrossFinancialYears(
              cost,
              { first: 1, weeks: n },
              Array.from({ length: n }, (_, w) => (w <= i ? 0 : 1)),
            )[0],
          ).toBe(prefix);
        });
      }),
    );
  });

  it('splits a 12-week line running across 1 April by its weeks in each year', () => {
    // Weeks 20–31 of the 2026-27 calendar: weeks 20–25 before April, 26–31 after.
    const fy = Array.from({ length: 38 }, (_, i) => (i < 25 ? 0 : 1) as 0 | 1);
    expect(splitAcrossFinancialYears(32220, { first: 20, weeks: 12 }, fy)).toEqual([16110, 16110]);
    expect(splitAcrossFinancialYears(32221, { first: 20, weeks: 12 }, fy)).toEqual([16111, 16110]); // tie → first year
    // Weeks past the calendar's end count in the year of its last week.
    expect(splitAcrossFinancialYears(100, { first: 37, weeks: 4 }, fy)).toEqual([0, 100]);
  });

  it('a run with no weeks falls in its start week', () => {
    expect(spreadRun(5, 0)).toEqual({ first: 5, weeks: 1 });
  });

  it('cost to date leaves out undelivered weeks, and to date + undelivered + still to come = cost', () => {
    const run = { first: 3, weeks: 10 };
    const weekly = weeklyCosts(1000, 10); // 100 a week, weeks 3..12
    expect(costToDate(weekly, run, 7, new Set([5, 10]))).toEqual({ costToDatePence: 400, undeliveredPence: 200 });
    expect(costToDate(weekly, run, 0, new Set())).toEqual({ costToDatePence: 0, undeliveredPence: 0 });
    expect(costToDate(weekly, run, 38, new Set())).toEqual({ costToDatePence: 1000, undeliveredPence: 0 });
  });
});
