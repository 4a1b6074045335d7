/**
 * The hourly-cost calculator (docs/costing-rules.md, "Staff cost per hour"):
 *
 *     hourly = round(annual salary × (1 + on-cost rate) ÷ paid hours per year)
 *     paid hours per year = paid weeks × paid minutes per week ÷ 60
 *
 * With the basis's integer units (basis points, hundredths of a week, minutes) this is one exact fraction:
 *
 *     salary × (10000 + onCostBp) × 100 × 60  ÷  (10000 × paidWeeksHundredths × paidMinutesPerWeek)
 *
 * rounded once, half away from zero. The result is stored on the staff member; changing this rule later
 * never moves a stored figure.
 */
import type { HourlyCostBasis, Pence } from '../domain';
import { divideRoundedToNumber } from '../money';

export function deriveHourlyCost(basis: HourlyCostBasis): Pence {
  const { annualSalaryPence, onCostBasisPoints, paidWeeksHundredths, paidMinutesPerWeek } = basis;
  for (const [name, v] of Object.entries(basis)) {
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${name} must be a whole number of at least 0, got ${v}`);
  }
  if (paidWeeksHundredths === 0) throw new RangeError('Paid weeks per year must be more than 0 to work out an hourly cost.');
  if (paidMinutesPerWeek === 0) throw new RangeError('Paid hours per week must be more than 0 to work out an hourly cost.');
  const numerator = BigInt(annualSalaryPence) * BigInt(10_000 + onCostBasisPoints) * 6_000n;
  const denominator = 10_000n * BigInt(paidWeeksHundredths) * BigInt(paidMinutesPerWeek);
  return divideRoundedToNumber(numerator, denominator);
}
