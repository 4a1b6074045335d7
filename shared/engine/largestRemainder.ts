/**
 * Largest-remainder (Hamilton) apportionment: split an integer total of pence into integer parts
 * proportional to integer weights, so the parts always sum exactly to the total.
 *
 * Each part first gets floor(total × weight ÷ Σweights); the pennies left over go one each to the parts
 * with the largest remainders, ties to the earlier part (the caller orders parts, e.g. enrolments by id).
 * Exact whatever the size of total × weight: in whole JavaScript numbers while total × Σweights stays a
 * safe integer (every school's figures; profiling measured BigInt as most of the time spent sharing), in
 * BigInt beyond that. Both paths give the same parts.
 */
import { divideRoundedToNumber, toSafeInteger } from '../money';

/**
 * floor(a ÷ b) exactly, for whole numbers a ≥ 0 and b > 0 with a + b a safe integer: the floating
 * quotient can be one off near a whole number, so it is corrected by its remainder.
 */
function floorDivide(a: number, b: number): number {
  let q = Math.floor(a / b);
  let r = a - q * b;
  while (r < 0) {
    q -= 1;
    r += b;
  }
  while (r >= b) {
    q += 1;
    r -= b;
  }
  return q;
}

/**
 * numerator ÷ denominator rounded half away from zero (as money.ts's divideRoundedToNumber), on whole
 * numbers without BigInt while 2 × |numerator| + |denominator| is a safe integer.
 */
export function divideRoundedWhole(numerator: number, denominator: number): number {
  const an = Math.abs(numerator);
  const ad = Math.abs(denominator);
  if (ad === 0 || !Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || 2 * an + 3 * ad > Number.MAX_SAFE_INTEGER) {
    return divideRoundedToNumber(numerator, denominator);
  }
  const q = floorDivide(2 * an + ad, 2 * ad);
  return numerator < 0 !== denominator < 0 && q !== 0 ? -q : q;
}

export function splitByWeights(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total)) throw new RangeError(`splitByWeights: total must be a whole number, got ${total}`);
  if (total < 0) return splitByWeights(-total, weights).map((p) => (p === 0 ? 0 : -p));
  let wholeSum = 0;
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0) throw new RangeError(`splitByWeights: weights must be whole numbers ≥ 0, got ${w}`);
    wholeSum += w;
  }
  if (wholeSum === 0) {
    if (total === 0) return weights.map(() => 0);
    throw new RangeError(`splitByWeights: cannot share ${total} when every weight is 0`);
  }
  // total × weight ≤ total × Σweights, so every product, quotient and remainder below is exact.
  // (Math.abs turns a −0 total into 0, as BigInt does.)
  if (Number.isSafeInteger(wholeSum) && total * wholeSum + wholeSum <= Number.MAX_SAFE_INTEGER) return splitWhole(Math.abs(total), weights, wholeSum);
  let sum = 0n;
  for (const w of weights) sum += BigInt(w);
  const t = BigInt(total);
  const parts: bigint[] = [];
  const remainders: bigint[] = [];
  let given = 0n;
  for (const w of weights) {
    const x = t * BigInt(w);
    const q = x / sum;
    parts.push(q);
    remainders.push(x % sum);
    given += q;
  }
  let left = Number(t - given); // < weights.length
  if (left > 0) {
    const order = weights.map((_, i) => i);
    order.sort((a, b) => {
      const ra = remainders[a] as bigint;
      const rb = remainders[b] as bigint;
      return ra === rb ? a - b : ra > rb ? -1 : 1;
    });
    for (const i of order) {
      if (left === 0) break;
      parts[i] = (parts[i] as bigint) + 1n;
      left--;
    }
  }
  return parts.map(toSafeInteger);
}

/** splitByWeights on whole numbers: total ≥ 0, sum = Σweights > 0, total × sum + sum a safe integer. */
function splitWhole(total: number, weights: readonly number[], sum: number): number[] {
  const n = weights.length;
  const parts = new Array<number>(n);
  const remainders = new Array<number>(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const x = total * (weights[i] as number);
    const q = floorDivide(x, sum);
    parts[i] = q;
    remainders[i] = x - q * sum;
    given += q;
  }
  let left = total - given; // < n
  if (left > 0) {
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => (remainders[b] as number) - (remainders[a] as number) || a - b);
    for (const i of order) {
      if (left === 0) break;
      parts[i] = (parts[i] as number) + 1;
      left--;
    }
  }
  return parts;
}

/** Split a total equally into `count` parts (e.g. a line across its areas of need); extra pennies to the earlier parts. */
export function splitEqually(total: number, count: number): number[] {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`splitEqually: count must be a whole number ≥ 0, got ${count}`);
  return splitByWeights(total, new Array<number>(count).fill(1));
}
