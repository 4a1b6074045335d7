import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitByWeights, splitEqually } from './largestRemainder';

describe('splitByWeights (largest remainder)', () => {
  it('gives leftover pennies to the largest remainders', () => {
    // 10 × 1/3 = 3.33, 10 × 2/3 = 6.67: the extra penny goes to the second part.
    expect(splitByWeights(10, [1, 2])).toEqual([3, 7]);
    // 27,720 over enrolled weeks 12, 6, 6: exact.
    expect(splitByWeights(27720, [12, 6, 6])).toEqual([13860, 6930, 6930]);
    // 100 over 12, 6, 6 = 50, 25, 25.
    expect(splitByWeights(101, [12, 6, 6])).toEqual([51, 25, 25]);
  });

  it('breaks ties in favour of the earlier part', () => {
    expect(splitByWeights(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(splitByWeights(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(splitEqually(1, 4)).toEqual([1, 0, 0, 0]);
  });

  it('gives nothing to a zero weight and refuses to share money among nobody', () => {
    expect(splitByWeights(7, [0, 3, 0])).toEqual([0, 7, 0]);
    expect(splitByWeights(0, [0, 0])).toEqual([0, 0]);
    expect(() => splitByWeights(5, [0, 0])).toThrow(/every weight is 0/);
  });

  it('always sums exactly, each part within a penny of its exact quota', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 40 }).filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const parts = splitByWeights(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          const sum = BigInt(weights.reduce((a, b) => a + b, 0));
          parts.forEach((p, i) => {
            const exactTimesSum = BigInt(total) * BigInt(weights[i] ?? 0);
            // floor(quota) ≤ p ≤ floor(quota) + 1
            expect(BigInt(p) * sum <= exactTimesSum + sum).toBe(true);
            expect(BigInt(p) * sum + sum > exactTimesSum).toBe(true);
            expect(Number.isSafeInteger(p)).toBe(true);
          });
        },
      ),
    );
  });
});

describe('splitByWeights: whole-number arithmetic gives the same pennies as exact BigInt arithmetic', () => {
  /** The rule written out in BigInt, as the engine did before the fast path. */
  function exactSplit(total: number, weights: number[]): number[] {
    if (total < 0) return exactSplit(-total, weights).map((p) => (p === 0 ? 0 : -p));
    const sum = weights.reduce((s, w) => s + BigInt(w), 0n);
    const t = BigInt(total);
    const parts = weights.map((w) => (t * BigInt(w)) / sum);
    const remainders = weights.map((w) => (t * BigInt(w)) % sum);
    let left = Number(t - parts.reduce((s, p) => s + p, 0n));
    const order = weights.map((_, i) => i).sort((a, b) => (remainders[a] === remainders[b] ? a - b : remainders[a]! > remainders[b]! ? -1 : 1));
    for (const i of order) if (left-- > 0) parts[i]! += 1n;
    return parts.map(Number);
  }

  it('on thousands of seeded splits, from a few pence to totals near the limit of exact numbers', () => {
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let k = 0; k < 5000; k++) {
      const total = Math.floor(random() * [100, 1e6, 1e10, 4e15][k % 4]!) * (k % 10 === 0 ? -1 : 1);
      const weights = Array.from({ length: 1 + Math.floor(random() * 8) }, () => Math.floor(random() * [3, 40, 1e4, 1e7][k % 4]!));
      if (weights.reduce((a, b) => a + b, 0) === 0) weights[0] = 1;
      expect(splitByWeights(total, weights)).toEqual(exactSplit(total, weights));
    }
  });
});
