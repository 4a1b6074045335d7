/**
 * Budget position and the ALNCo's statutory workload (docs/costing-rules.md, "Budget position", "ALNCo statutory workload").
 *
 *     budget position = income − costs charged to the ALN budget (funding aln_budget or aln_grant)
 *
 * Rules the contract leaves open, decided here:
 * - Per financial year, an income line naming that year counts in it; an income line with no financial
 *   year (income for the academic year as a whole) is split across the two years by the share of the
 *   calendar's teaching weeks in each, largest remainder (ties to the first year).
 * - An income line naming some other financial year counts nowhere: the whole year's income is the sum
 *   of its two financial years' income, always. The income_outside_year check names the line.
 * - Income is taken as entered; end dates (grants ending) are for scenarios, not applied here.
 */
import type { AlncoWorkload, IncomeLine, OtherCostLine, StaffMember } from '../domain';
import { divideRoundedToNumber } from '../money';
import { splitByWeights } from './largestRemainder';
import type { BudgetPosition, WorkloadPosition } from './types';

/** Whether income for `financialYear` (null: the academic year as a whole) counts in a year running across `years`. */
export function incomeCountsIn(financialYear: number | null, years: readonly [number, number]): boolean {
  return financialYear === null || financialYear === years[0] || financialYear === years[1];
}

export function budgetPosition(
  income: readonly IncomeLine[],
  chargedPence: number,
  chargedByFinancialYear: [number, number],
  years: [number, number],
  weekFyIndex: readonly (0 | 1)[],
): BudgetPosition {
  let weeksFirst = 0;
  for (const i of weekFyIndex) if (i === 0) weeksFirst++;
  const weeksSecond = weekFyIndex.length - weeksFirst;
  // An empty calendar: academic-year income goes to the first financial year.
  const weights = weeksFirst + weeksSecond === 0 ? [1, 0] : [weeksFirst, weeksSecond];

  const byYear: [number, number] = [0, 0];
  for (const line of income) {
    if (line.financialYear === null) {
      const [a = 0, b = 0] = splitByWeights(line.amountPence, weights);
      byYear[0] += a;
      byYear[1] += b;
    } else if (line.financialYear === years[0]) byYear[0] += line.amountPence;
    else if (line.financialYear === years[1]) byYear[1] += line.amountPence;
  }
  const incomePence = byYear[0] + byYear[1];
  return {
    incomePence,
    chargedPence,
    positionPence: incomePence - chargedPence,
    financialYears: years.map((year, i) => {
      const inc = byYear[i as 0 | 1];
      const charged = chargedByFinancialYear[i as 0 | 1];
      return { year, incomePence: inc, chargedPence: charged, positionPence: inc - charged };
    }),
  };
}

/**
 * needed = IDPs to prepare × minutes per IDP + reviews × minutes per review;
 * release = Σ minutes per week × weeks over other cost lines of kind 'alnco_release';
 * both costed at the ALNCo's hourly cost (null when no ALNCo is named or found), rounded once each.
 */
export function workloadPosition(workload: AlncoWorkload, otherCosts: readonly OtherCostLine[], staffById: ReadonlyMap<number, StaffMember>): WorkloadPosition {
  const minutesNeeded = workload.idpsToPrepare * workload.minutesPerIdp + workload.idpReviews * workload.minutesPerReview;
  let releaseMinutes = 0;
  for (const o of otherCosts) if (o.kind === 'alnco_release') releaseMinutes += o.minutesPerWeek * o.weeks;
  const alnco = workload.alncoStaffId === null ? undefined : staffById.get(workload.alncoStaffId);
  const atHourly = (minutes: number): number | null => (alnco ? divideRoundedToNumber(BigInt(alnco.hourlyCostPence) * BigInt(minutes), 60n) : null);
  return {
    minutesNeeded,
    releaseMinutes,
    balanceMinutes: releaseMinutes - minutesNeeded,
    neededCostPence: atHourly(minutesNeeded),
    releaseCostPence: atHourly(releaseMinutes),
  };
}
