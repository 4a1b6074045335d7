/**
 * The governors' workbook splits figures by formula where the engine splits them by largest remainder
 * (docs/costing-rules.md, "Units"). These check, across many random lines, that the formulas the workbook
 * writes give exactly the engine's parts, computed in doubles as a spreadsheet does:
 *
 *     FY1 = ROUND(cost × weeks in FY1 ÷ weeks, 0), FY2 = cost − FY1   (two parts, by weeks)
 *     area i of k = INT(cost ÷ k) + IF(MOD(cost, k) > i, 1, 0)       (equal parts, odd pennies first)
 */
import { describe, expect, it } from 'vitest';
import { splitByWeights, splitEqually } from '../../../shared/engine';

/** A spreadsheet's ROUND(x, 0): half away from zero. */
const spreadsheetRound = (x: number): number => Math.sign(x) * Math.round(Math.abs(x));

/** A small deterministic generator, so a failure can be repeated. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('the workbook’s split formulas', () => {
  it('ROUND(cost × weeks in FY1 ÷ weeks) and cost − FY1 are the engine’s two-part largest-remainder split', () => {
    const next = random(20261205);
    let halves = 0;
    for (let n = 0; n < 100_000; n++) {
      // Costs from a penny to £5m (in pence), runs up to 60 weeks, any number of them in the first year.
      const cost = n % 3 === 0 ? Math.floor(next() * 2000) : Math.floor(next() * 500_000_000);
      const weeks = 1 + Math.floor(next() * 60);
      const first = Math.floor(next() * (weeks + 1));
      // The workbook writes pounds and turns them back to pence with ROUND(£ × 100, 0).
      const pence = spreadsheetRound((cost / 100) * 100);
      const fy1 = spreadsheetRound((pence * first) / weeks);
      const fy2 = pence - fy1;
      if ((cost * first) % weeks !== 0 && (2 * cost * first) % weeks === 0) halves++;
      expect([fy1, fy2], `${cost}p over ${weeks} weeks, ${first} in the first year`).toEqual(splitByWeights(cost, [first, weeks - first]));
    }
    // Ties (exactly half a penny) were met and went to the first year, as the engine's ties do.
    expect(halves).toBeGreaterThan(50);
  });

  it('the income split by the calendar’s weeks is the same rule, whatever the amount', () => {
    const next = random(7);
    for (let n = 0; n < 50_000; n++) {
      const amount = Math.floor(next() * 10_000_000_000);
      const all = 1 + Math.floor(next() * 52);
      const first = Math.floor(next() * (all + 1));
      const fy1 = spreadsheetRound((amount * first) / all);
      expect([fy1, amount - fy1]).toEqual(splitByWeights(amount, [first, all - first]));
    }
  });

  it('INT(cost ÷ k) + IF(MOD(cost, k) > i, 1, 0) is the engine’s equal split across a line’s areas of need', () => {
    const next = random(42);
    for (let n = 0; n < 50_000; n++) {
      const cost = Math.floor(next() * 500_000_000);
      const k = 1 + Math.floor(next() * 8);
      const parts = Array.from({ length: k }, (_, i) => Math.floor(cost / k) + (cost % k > i ? 1 : 0));
      expect(parts).toEqual(splitEqually(cost, k));
    }
  });
});
