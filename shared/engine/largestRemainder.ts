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
import { divideRoundedToNumber, floorDivide, toSafeInteger } from '../money';

/**
 * numerator ÷ denominator rounded half away from zero: money.ts's divideRoundedToNumber, which divides
 * whole numbers without BigInt while 2 × |numerator| + 3 × |denominator| is a safe integer.
 */
export function divideRoundedWhole(numerator: number, denominator: number): number {
  return divideRoundedToNumber(numerator, denominator);
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
    // The pennies go to the `left` largest remainders, ties to the earlier part: that is every part whose
    // remainder is above the left-th largest remainder, then the earliest parts at it. A numeric sort of
    // the remainders finds that cut without sorting indexes by a comparator.
    const sorted = Float64Array.from(remainders).sort();
    const cut = sorted[n - left] as number;
    for (let i = 0; i < n; i++) {
      if ((remainders[i] as number) > cut) {
        parts[i] = (parts[i] as number) + 1;
        left--;
      }
    }
    for (let i = 0; i < n && left > 0; i++) {
      if (remainders[i] === cut) {
        parts[i] = (parts[i] as number) + 1;
        left--;
      }
    }
  }
  return parts;
}

/**
 * splitByWeights(total, [a, b]) without its arrays: every line and other cost is split across the two
 * financial years on each recost. In whole numbers under splitByWeights's own bound (total ≥ 0 and
 * total × (a + b) + (a + b) a safe integer: every product, quotient and remainder is then exact), the
 * leftover penny (at most one) to the larger remainder, ties to the first part; anything else is
 * splitByWeights itself. Both give the same parts.
 */
export function splitInTwo(total: number, a: number, b: number): [number, number] {
  const sum = a + b;
  if (Number.isSafeInteger(total) && total >= 0 && Number.isSafeInteger(a) && Number.isSafeInteger(b) && a >= 0 && b >= 0 && sum > 0 && total * sum + sum <= Number.MAX_SAFE_INTEGER) {
    const t = Math.abs(total); // −0 becomes 0, as in splitByWeights
    const xa = t * a;
    const xb = t * b;
    let qa = floorDivide(xa, sum);
    let qb = floorDivide(xb, sum);
    if (t - qa - qb > 0) {
      if (xb - qb * sum > xa - qa * sum) qb += 1;
      else qa += 1;
    }
    return [qa, qb];
  }
  const [x = 0, y = 0] = splitByWeights(total, [a, b]);
  return [x, y];
}

/** Split a total equally into `count` parts (e.g. a line across its areas of need); extra pennies to the earlier parts. */
export function splitEqually(total: number, count: number): number[] {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`splitEqually: count must be a whole number ≥ 0, got ${count}`);
  return splitByWeights(total, new Array<number>(count).fill(1));
}
