/**
 * Largest-remainder (Hamilton) apportionment: split an integer total of pence into integer parts
 * proportional to integer weights, so the parts always sum exactly to the total.
 *
 * Each part first gets floor(total × weight ÷ Σweights); the pennies left over go one each to the parts
 * with the largest remainders, ties to the earlier part (the caller orders parts, e.g. enrolments by id).
 * Exact in BigInt, whatever the size of total × weight.
 */
import { toSafeInteger } from '../money';

export function splitByWeights(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total)) throw new RangeError(`splitByWeights: total must be a whole number, got ${total}`);
  if (total < 0) return splitByWeights(-total, weights).map((p) => (p === 0 ? 0 : -p));
  let sum = 0n;
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0) throw new RangeError(`splitByWeights: weights must be whole numbers ≥ 0, got ${w}`);
    sum += BigInt(w);
  }
  if (sum === 0n) {
    if (total === 0) return weights.map(() => 0);
    throw new RangeError(`splitByWeights: cannot share ${total} when every weight is 0`);
  }
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

/** Split a total equally into `count` parts (e.g. a line across its areas of need); extra pennies to the earlier parts. */
export function splitEqually(total: number, count: number): number[] {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`splitEqually: count must be a whole number ≥ 0, got ${count}`);
  return splitByWeights(total, new Array<number>(count).fill(1));
}
