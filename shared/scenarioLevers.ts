/**
 * Quick levers on a scenario: one change across the year, as a pure function that returns
 * the changed year and what changed, so the handler can apply it as one undo step and the screen can
 * say what happened. They run on a scenario only (the handler refuses the baseline).
 *
 * Percentages are integer basis points: 250 = +2.5%, -1000 = -10%. Money stays integer pence: each
 * figure is scaled exactly in integers and rounded once, half away from zero.
 */
import type { HourlyCostBasis, IncomeLine, Pence, SchoolYear, StaffAssignment } from './domain';
import { divideRoundedToNumber } from './money';

/** `pence` changed by `percentBasisPoints` (250 = +2.5%), rounded half away from zero to the penny. */
export function scaledPence(pence: Pence, percentBasisPoints: number): Pence {
  if (!Number.isInteger(pence) || !Number.isInteger(percentBasisPoints)) throw new RangeError('scaledPence needs whole pence and whole basis points');
  return divideRoundedToNumber(BigInt(pence) * BigInt(10_000 + percentBasisPoints), 10_000n);
}

export interface HourlyCostChange {
  staffId: number;
  name: string;
  fromPence: Pence;
  toPence: Pence;
  /** The calculator's inputs with the annual salary changed by the same percentage (null when none was kept). */
  hourlyCostBasis: HourlyCostBasis | null;
}

export interface PayAwardOutcome {
  year: SchoolYear;
  changes: HourlyCostChange[];
}

/**
 * A pay award or on-cost change: every person's hourly cost (and the annual salary in their calculator
 * inputs, where kept) changed by the same percentage, rounded per person half away from zero.
 */
export function applyPayAward(year: SchoolYear, percentBasisPoints: number): PayAwardOutcome {
  const changes: HourlyCostChange[] = [];
  const staff = year.staff.map((s) => {
    const toPence = scaledPence(s.hourlyCostPence, percentBasisPoints);
    const hourlyCostBasis = s.hourlyCostBasis ? { ...s.hourlyCostBasis, annualSalaryPence: scaledPence(s.hourlyCostBasis.annualSalaryPence, percentBasisPoints) } : null;
    changes.push({ staffId: s.id, name: s.name, fromPence: s.hourlyCostPence, toPence, hourlyCostBasis });
    return { ...s, hourlyCostPence: toPence, hourlyCostBasis };
  });
  return { year: { ...year, staff }, changes };
}

export interface IncomeChange {
  incomeId: number;
  name: string;
  /** The income line's Welsh name ('' when the school gave none). */
  nameCy: string;
  fromPence: Pence;
  toPence: Pence;
}

/** One income line changed by a percentage (-10000 = the income ends: £0). Throws RangeError on an unknown id. */
export function scaleIncomeLine(year: SchoolYear, incomeId: number, percentBasisPoints: number): { year: SchoolYear; change: IncomeChange } {
  const line = year.income.find((i) => i.id === incomeId);
  if (!line) throw new RangeError(`no income line with id ${incomeId}`);
  const toPence = scaledPence(line.amountPence, percentBasisPoints);
  const income: IncomeLine[] = year.income.map((i) => (i.id === incomeId ? { ...i, amountPence: toPence } : i));
  return { year: { ...year, income }, change: { incomeId, name: line.name, nameCy: line.nameCy, fromPence: line.amountPence, toPence } };
}

/** A line that lost a deliverer when someone was removed. */
export interface LineLosingDeliverer {
  lineId: number;
  name: string;
  /** The line's Welsh name ('' when the school gave none). */
  nameCy: string;
  /** The staff left on the line after the removal. */
  staff: StaffAssignment[];
  /** True when nobody is left to deliver it: the line stays in the map, costs no staff time, and its learners' provision has no one to run it. */
  nowUnstaffed: boolean;
  /** Learners enrolled on the line (any weeks). */
  enrolledLearners: number;
}

export interface StaffRemoval {
  year: SchoolYear;
  staffId: number;
  name: string;
  linesLosingDeliverer: LineLosingDeliverer[];
  /** Other cost lines (e.g. ALNCo release time) that named this person: they keep existing with no one named, so they cost nothing until someone is. */
  otherCostsWithoutStaff: Array<{ otherCostId: number; name: string; nameCy: string }>;
  /** The person was the ALNCo named for the statutory workload; that is now unset. */
  alncoCleared: boolean;
}

/**
 * Remove a person from a scenario and say which lines lose their deliverer. Lines are kept (never
 * deleted) so the gap shows: their assignment for this person is removed, and a line with no one left
 * has no staff at all. Throws RangeError on an unknown id.
 */
export function removeStaffMember(year: SchoolYear, staffId: number): StaffRemoval {
  const person = year.staff.find((s) => s.id === staffId);
  if (!person) throw new RangeError(`no staff member with id ${staffId}`);
  const linesLosingDeliverer: LineLosingDeliverer[] = [];
  const lines = year.lines.map((line) => {
    if (!line.staff.some((s) => s.staffId === staffId)) return line;
    const staff = line.staff.filter((s) => s.staffId !== staffId).map((s) => ({ ...s }));
    const enrolledLearners = new Set(year.enrolments.filter((e) => e.lineId === line.id).map((e) => e.learnerId)).size;
    linesLosingDeliverer.push({ lineId: line.id, name: line.name, nameCy: line.nameCy, staff, nowUnstaffed: staff.length === 0, enrolledLearners });
    return { ...line, staff };
  });
  const otherCostsWithoutStaff: StaffRemoval['otherCostsWithoutStaff'] = [];
  const otherCosts = year.otherCosts.map((o) => {
    if (o.staffId !== staffId) return o;
    otherCostsWithoutStaff.push({ otherCostId: o.id, name: o.name, nameCy: o.nameCy });
    return { ...o, staffId: null };
  });
  const alncoCleared = year.workload.alncoStaffId === staffId;
  return {
    year: {
      ...year,
      staff: year.staff.filter((s) => s.id !== staffId),
      lines,
      otherCosts,
      workload: alncoCleared ? { ...year.workload, alncoStaffId: null } : year.workload,
    },
    staffId,
    name: person.name,
    linesLosingDeliverer,
    otherCostsWithoutStaff,
    alncoCleared,
  };
}
