/**
 * The cost of one intervention line and of one other cost line (docs/costing-rules.md, "An intervention line",
 * "Other cost lines"), computed exactly and rounded once per line, half away from zero:
 *
 *     staff cost = Σ staff: hourly × count × groups × (contact + planning minutes)/60 × sessions/100 × weeks
 *     line cost  = round(staff cost) + Σ non-staff costs
 *
 * All the divisions are gathered into one denominator (60 × 100 = 6000), so the sum over staff is an exact
 * integer numerator until the single rounding.
 */
import type { InterventionLine, Minutes, OtherCostLine, Pence, StaffMember } from '../domain';
import { divideRoundedToNumber, toSafeInteger } from '../money';

/** 60 minutes an hour × 100 hundredths of a session. */
const STAFF_COST_DENOMINATOR = 6_000;

export type StaffById = ReadonlyMap<number, StaffMember>;

/** Hundredths of a minute per week one assignment of staff spends on a line (count × groups × (contact+planning) × sessions). */
export function assignmentMinuteHundredthsPerWeek(line: InterventionLine, count: number): number {
  return count * line.groups * (line.minutesPerSession + line.planningMinutesPerSession) * line.sessionsPerWeekHundredths;
}

/** The exact staff cost of one assignment over the line's run, as a numerator over 6000 (pence × 6000). */
export function assignmentCostNumerator(line: InterventionLine, hourlyCostPence: Pence, count: number): bigint {
  return BigInt(hourlyCostPence) * BigInt(assignmentMinuteHundredthsPerWeek(line, count)) * BigInt(line.weeks);
}

export interface LineCostFigures {
  staffCostPence: Pence;
  nonStaffCostPence: Pence;
  costPence: Pence;
  /** Staff minutes per week while the line runs (all staff, all groups), rounded once. */
  staffMinutesPerWeek: Minutes;
  /** Contact minutes per week one learner receives (a learner sits in one group). */
  learnerMinutesPerWeek: Minutes;
}

/**
 * A line's cost. A staff id with no staff member (which the database's foreign keys prevent) costs 0
 * rather than stopping the whole map from costing.
 */
export function costLine(line: InterventionLine, staffById: StaffById): LineCostFigures {
  // The numerator in whole JavaScript numbers while every product and partial sum is a safe integer (a
  // product or sum whose exact value reaches 2⁵³ never rounds back below it, so each test is exact);
  // otherwise, in BigInt from the start. Both give the same numerator.
  let numerator: number | bigint = 0;
  let minuteHundredths = 0;
  let whole = Number.isSafeInteger(line.weeks);
  for (const a of line.staff) {
    const member = staffById.get(a.staffId);
    const m = assignmentMinuteHundredthsPerWeek(line, a.count);
    minuteHundredths += m;
    if (member && whole) {
      const cost = member.hourlyCostPence * m * line.weeks;
      const sum: number = (numerator as number) + cost;
      if (Number.isSafeInteger(member.hourlyCostPence) && Number.isSafeInteger(m) && Number.isSafeInteger(member.hourlyCostPence * m) && Number.isSafeInteger(cost) && Number.isSafeInteger(sum)) {
        numerator = sum;
      } else whole = false;
    }
  }
  if (!whole) {
    numerator = 0n;
    for (const a of line.staff) {
      const member = staffById.get(a.staffId);
      if (member) numerator += assignmentCostNumerator(line, member.hourlyCostPence, a.count);
    }
  }
  const staffCostPence = divideRoundedToNumber(numerator, STAFF_COST_DENOMINATOR);
  let nonStaffCostPence = 0;
  for (const c of line.nonStaffCosts) nonStaffCostPence += c.pence;
  return {
    staffCostPence,
    nonStaffCostPence,
    costPence: staffCostPence + nonStaffCostPence,
    staffMinutesPerWeek: divideRoundedToNumber(minuteHundredths, 100),
    learnerMinutesPerWeek: divideRoundedToNumber(line.minutesPerSession * line.sessionsPerWeekHundredths, 100),
  };
}

/** The cost of a staff member's time as an exact numerator over 60 (pence × 60): hourly × minutes. */
export function staffTimeNumerator(hourlyCostPence: Pence, minutes: number): bigint {
  return BigInt(hourlyCostPence) * BigInt(minutes);
}

/**
 * An other cost line: staff time (staffId set: hourly × minutes per week ÷ 60 × weeks, rounded once) or
 * quantity × unit price (staffId null; exact already). An unknown staff id costs 0, as for lines.
 */
export function costOtherLine(other: OtherCostLine, staffById: StaffById): Pence {
  if (other.staffId !== null) {
    const member = staffById.get(other.staffId);
    if (!member) return 0;
    const minutes = other.minutesPerWeek * other.weeks;
    const numerator = member.hourlyCostPence * minutes;
    // In whole numbers while the product is a safe integer (then it is exact), else in BigInt.
    if (Number.isSafeInteger(member.hourlyCostPence) && Number.isSafeInteger(minutes) && Number.isSafeInteger(numerator)) return divideRoundedToNumber(numerator, 60);
    return divideRoundedToNumber(staffTimeNumerator(member.hourlyCostPence, minutes), 60n);
  }
  const pence = other.quantity * other.unitPence;
  if (Number.isSafeInteger(other.quantity) && Number.isSafeInteger(other.unitPence) && Number.isSafeInteger(pence)) return pence === 0 ? 0 : pence;
  return toSafeInteger(BigInt(other.quantity) * BigInt(other.unitPence));
}

/** The weeks a run covers, first..last inclusive; empty when it has no weeks. */
export function runWeeks(startWeek: number, weeks: number): { first: number; last: number } {
  return { first: startWeek, last: startWeek + weeks - 1 };
}
