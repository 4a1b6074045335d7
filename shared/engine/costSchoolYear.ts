/**
 * The costing engine: a school year in, every figure out (docs/costing-rules.md states the rules).
 * Pure and deterministic: no I/O, no clock (pass `today`), the same input always gives the same map.
 *
 * Decisions on the as-at week (the week cost-to-date figures are as at):
 * - `asAtWeek` when given, clamped to 0..N (N = teaching weeks in the calendar);
 * - otherwise the week containing `today` (0 before the first week, N after the last);
 * - with neither, N: the whole year as delivered, so cost to date = cost − undelivered weeks.
 *
 * Projected cost (costPence) is the planned cost of the whole run, undelivered weeks included; the cost
 * of undelivered weeks is shown beside it and left out of cost to date.
 */
import { CHARGED_TO_ALN_BUDGET, hasAln, type IsoDate, type SchoolYear } from '../domain';
import { decisionClocks, type AlnDecisionClock } from './alnDecisions';
import { academicFinancialYears, weekContaining, weekFinancialYearIndexes } from '../calendar';
import { divideRoundedToNumber } from '../money';
import { budgetPosition, workloadPosition } from './budget';
import { runChecks, type CheckInputs, type LearnerChecker } from './checks';
import { impactOf, learnerImpacts, lineImpact, lineImpactsOf, type LearnerImpacter, type LineImpacter, type LineImpactsOf } from './impact';
import { costToDateOfRun, financialYearSplitter, spreadRun, type Run } from './financialYear';
import { costLearners, learnerAlpMinutes, type LearnerAlpMinutes } from './learnerCosts';
import { costLine, costOtherLine } from './lineCost';
import { shareLine } from './shares';
import { allocateStaff } from './staffAllocation';
import { breakdownsOf, lineSumsOf, type CostedItem, type LineSums } from './totals';
import type { Check, CostedLine, CostedMap, CostedOtherLine, LearnerCost, StaffAllocation } from './types';
import { indexYear, isWholeSchoolLine, type YearIndex } from './yearIndex';
import type { Enrolment, InterventionLine, OtherCostLine } from '../domain';

export interface CostOptions {
  /** Week the to-date figures are as at (0 = before the year starts). */
  asAtWeek?: number;
  /** Today's date (the date the map is viewed at): the default as-at week, IDP reviews and the decision clock. */
  today?: IsoDate;
}

const NO_ENROLMENTS: readonly Enrolment[] = [];

export function resolveAsAtWeek(year: SchoolYear, options: CostOptions): number {
  const n = year.calendar.weekStarts.length;
  if (options.asAtWeek !== undefined) return Math.min(n, Math.max(0, Math.trunc(options.asAtWeek)));
  if (options.today !== undefined) return weekContaining(year.calendar, options.today);
  return n;
}

export function costSchoolYear(year: SchoolYear, options: CostOptions = {}): CostedMap {
  return costSchoolYearWith(year, options, costedLineOf, lineImpact);
}

/**
 * What a line's costed figures are made from besides the line, its enrolments and whether its tier is whole
 * school: the same for every line of one costing (the staff by id, the as-at week, the financial years).
 */
export interface LineCostingBasis {
  staffById: YearIndex['staffById'];
  asAtWeek: number;
  years: [number, number];
  splitAcrossFinancialYears: (cost: number, run: Run) => [number, number];
}

/** The way a costing gets a line's figures: `costedLineOf`, or a memo of it (shared/engine/yearCosting.ts). */
export type LineCoster = (line: InterventionLine, enrolments: readonly Enrolment[], wholeSchool: boolean, basis: LineCostingBasis) => CostedLine;

/** One line's costed figures: everything they depend on is in the arguments (yearCosting.ts keys its memo on them). */
export function costedLineOf(line: InterventionLine, enrolments: readonly Enrolment[], wholeSchool: boolean, basis: LineCostingBasis): CostedLine {
  const { years } = basis;
  const figures = costLine(line, basis.staffById);
  const { shares, unallocatedPence, enrolledLearners } = shareLine(line, figures.costPence, enrolments, wholeSchool);
  const run = spreadRun(line.startWeek, line.weeks);
  const [fy0, fy1] = basis.splitAcrossFinancialYears(figures.costPence, run);
  // Recorded undelivered weeks inside the line's own run (a week listed twice counts once).
  const undelivered = line.undeliveredWeeks.length === 0 ? [] : new Set(line.undeliveredWeeks.filter((w) => w >= line.startWeek && w < line.startWeek + line.weeks));
  const toDate = costToDateOfRun(figures.costPence, run, basis.asAtWeek, undelivered);
  const places = line.groups * line.groupCapacity;
  return {
    lineId: line.id,
    staffCostPence: figures.staffCostPence,
    nonStaffCostPence: figures.nonStaffCostPence,
    costPence: figures.costPence,
    places,
    costPerPlacePence: places > 0 ? divideRoundedToNumber(figures.costPence, places) : null,
    enrolledLearners,
    costPerLearnerPence: enrolledLearners > 0 ? divideRoundedToNumber(figures.costPence, enrolledLearners) : null,
    shares,
    unallocatedPence,
    financialYears: { years: [years[0], years[1]], pence: [fy0, fy1] },
    costToDatePence: toDate.costToDatePence,
    undeliveredPence: toDate.undeliveredPence,
    staffMinutesPerWeek: figures.staffMinutesPerWeek,
    learnerMinutesPerWeek: figures.learnerMinutesPerWeek,
    chargedToAlnBudget: CHARGED_TO_ALN_BUDGET.has(line.fundingSource),
  };
}

/** The way a costing gets every learner's ALP minutes, by learner id: `alpMinutesOfEvery`, or a memo of it (shared/engine/yearCosting.ts). */
export type AlpMinuter = (index: YearIndex, asAtWeek: number) => ReadonlyMap<number, LearnerAlpMinutes>;

/** The way a costing gets every learner's figures: `learnersFromScratch`, or a memo of it (shared/engine/yearCosting.ts). */
export type LearnerCoster = (index: YearIndex, costedLines: readonly CostedLine[], alpMinutes: ReadonlyMap<number, LearnerAlpMinutes>) => LearnerCost[];

/** What a costing reads of the learner list alone besides the calendar and today: the counts and the decision clocks. */
export interface LearnerCounts {
  learnersWithAln: number;
  learnersMonitored: number;
  decisions: AlnDecisionClock[];
}

/** How a costing gets each learner's figures and checks: made from scratch unless a memo is given. */
export interface LearnerWork {
  alpMinutesOf: AlpMinuter;
  /** Undefined: runChecks makes each learner's checks itself. */
  checksOfLearner: LearnerChecker | undefined;
  learnersOf: LearnerCoster;
  countsOf: (year: SchoolYear, today: IsoDate | undefined) => LearnerCounts;
  /** The year's checks: `runChecks`, or a memo of it. */
  checksOf: (input: CheckInputs) => Check[];
  learnerImpactsOf: LearnerImpacter;
  /** The staff allocations: `allocateStaff` of the year's staff, lines and other costs, or a memo of it. */
  staffOf: (year: SchoolYear, index: YearIndex) => StaffAllocation[];
  /** What the lines add up to (the year's lines and their figures, in the year's order): totals.ts `lineSumsOf`, or a memo of it. */
  lineSumsOf: (index: YearIndex, costedLines: readonly CostedLine[]) => LineSums;
  /** Every line's figures in the year's order, each by `costLineOf`: `costedLinesOf`, or a memo of it. */
  costedLinesOf: (year: SchoolYear, index: YearIndex, basis: LineCostingBasis, costLineOf: LineCoster) => CostedLine[];
  /** The impact report's line rows: impact.ts `lineImpactsOf`, or a memo of it. */
  lineImpactsOf: LineImpactsOf;
}

/** Every line's figures in the year's order, each by `costLineOf` from its enrolments and whether its tier is costed whole school. */
export function costedLinesOf(year: SchoolYear, index: YearIndex, basis: LineCostingBasis, costLineOf: LineCoster): CostedLine[] {
  const costedLines: CostedLine[] = [];
  for (const line of year.lines) costedLines.push(costLineOf(line, index.enrolmentsByLine.get(line.id) ?? NO_ENROLMENTS, isWholeSchoolLine(index, line), basis));
  return costedLines;
}

/** Every learner's ALP minutes by id, each made afresh. */
export function alpMinutesOfEvery(index: YearIndex, asAtWeek: number): Map<number, LearnerAlpMinutes> {
  const alpMinutes = new Map<number, LearnerAlpMinutes>();
  for (const l of index.year.learners) alpMinutes.set(l.id, learnerAlpMinutes(index, l.id, asAtWeek));
  return alpMinutes;
}

/** Each learner's pence: the sum of their shares, line by line in the lines' order (a line with unallocated pence shares nothing out). */
export function penceByLearnerOf(costedLines: readonly CostedLine[]): Map<number, number> {
  const penceByLearner = new Map<number, number>();
  for (const costed of costedLines)
    if (costed.unallocatedPence === 0) for (const s of costed.shares) if (s.pence !== 0) penceByLearner.set(s.learnerId, (penceByLearner.get(s.learnerId) ?? 0) + s.pence);
  return penceByLearner;
}

function learnersFromScratch(index: YearIndex, costedLines: readonly CostedLine[], alpMinutes: ReadonlyMap<number, LearnerAlpMinutes>): LearnerCost[] {
  return costLearners(index, penceByLearnerOf(costedLines), alpMinutes);
}

/**
 * Learners with ALN: an IDP or a decision that they have ALN (docs/costing-rules.md, "Who has ALN"); the
 * monitoring register is universal provision and is counted apart. And the open referrals' clocks.
 */
export function learnerCountsOf(year: SchoolYear, today: IsoDate | undefined): LearnerCounts {
  return {
    learnersWithAln: year.learners.filter((l) => hasAln(l.alnStatus)).length,
    learnersMonitored: year.learners.filter((l) => l.alnStatus === 'monitored').length,
    decisions: decisionClocks(year.learners, year.calendar, today),
  };
}

const FROM_SCRATCH: LearnerWork = {
  alpMinutesOf: alpMinutesOfEvery,
  checksOfLearner: undefined,
  learnersOf: learnersFromScratch,
  countsOf: learnerCountsOf,
  checksOf: (input) => runChecks(input),
  learnerImpactsOf: learnerImpacts,
  staffOf: (y, index) => allocateStaff(y.staff, y.lines, y.otherCosts, index.weeksInYear),
  lineSumsOf,
  costedLinesOf,
  lineImpactsOf,
};

/**
 * costSchoolYear with each line's figures from `costLineOf` and its impact row from `impactOfLine` (which
 * must give what `costedLineOf` and `lineImpact` give), the year indexed as `index` (which must be an
 * index of this `year`), and the learners' ALP minutes, figures, counts and checks by `learnerWork` (which
 * must give what `alpMinutesOfEvery`, `learnersFromScratch`, `learnerCountsOf`, `runChecks`, impact.ts `learnerImpacts`, `allocateStaff`, checks.ts
 * `checksOfLearner`, totals.ts `lineSumsOf`, `costedLinesOf` and impact.ts `lineImpactsOf` give).
 */
export function costSchoolYearWith(
  year: SchoolYear,
  options: CostOptions,
  costLineOf: LineCoster,
  impactOfLine: LineImpacter,
  index: YearIndex = indexYear(year),
  learnerWork: LearnerWork = FROM_SCRATCH,
): CostedMap {
  const asAtWeek = resolveAsAtWeek(year, options);
  const years = academicFinancialYears(year.calendar, year.school.academicYear);
  const weekFy = weekFinancialYearIndexes(year.calendar, years);
  const splitAcrossFinancialYears = financialYearSplitter(weekFy);
  const basis: LineCostingBasis = { staffById: index.staffById, asAtWeek, years, splitAcrossFinancialYears };

  const costedLines = learnerWork.costedLinesOf(year, index, basis, costLineOf);

  const costedOthers: CostedOtherLine[] = [];
  const otherItems: CostedItem<OtherCostLine>[] = [];
  for (const other of year.otherCosts) {
    const costPence = costOtherLine(other, index.staffById);
    const run = spreadRun(other.startWeek, other.weeks);
    const [fy0, fy1] = splitAcrossFinancialYears(costPence, run);
    const toDate = costToDateOfRun(costPence, run, asAtWeek, []);
    const charged = CHARGED_TO_ALN_BUDGET.has(other.fundingSource);
    costedOthers.push({
      otherCostId: other.id,
      costPence,
      financialYears: { years: [years[0], years[1]], pence: [fy0, fy1] },
      costToDatePence: toDate.costToDatePence,
      chargedToAlnBudget: charged,
    });
    otherItems.push({ item: other, costPence, charged });
  }

  // allocateStaff no longer sizes anything by the year's length (it sweeps change weeks), so the calendar's is passed.
  const staff = learnerWork.staffOf(year, index);

  const alpMinutes = learnerWork.alpMinutesOf(index, asAtWeek);
  const learners = learnerWork.learnersOf(index, costedLines, alpMinutes);

  // Totals: sums of the rounded lines (line by line in the year's order), then of the other costs after them.
  const lineSums = learnerWork.lineSumsOf(index, costedLines);
  const { linesCostPence, unallocatedPence, undeliveredPence, wholeSchoolPence } = lineSums;
  let otherCostsPence = 0;
  let chargedPence = lineSums.chargedPence;
  let costToDatePence = lineSums.costToDatePence;
  const fy: [number, number] = [lineSums.financialYearPence[0], lineSums.financialYearPence[1]];
  const chargedFy: [number, number] = [lineSums.chargedFinancialYearPence[0], lineSums.chargedFinancialYearPence[1]];
  // What every other cost adds: to date, by financial year, and charged to the ALN budget.
  const addCost = (c: CostedOtherLine) => {
    costToDatePence += c.costToDatePence;
    fy[0] += c.financialYears.pence[0];
    fy[1] += c.financialYears.pence[1];
    if (c.chargedToAlnBudget) {
      chargedPence += c.costPence;
      chargedFy[0] += c.financialYears.pence[0];
      chargedFy[1] += c.financialYears.pence[1];
    }
  };
  for (const c of costedOthers) {
    otherCostsPence += c.costPence;
    addCost(c);
  }

  const { learnersWithAln, learnersMonitored, decisions } = learnerWork.countsOf(year, options.today);
  const roll = year.school.numberOnRoll;

  return {
    asAtWeek,
    lines: costedLines,
    otherCosts: costedOthers,
    learners,
    staff,
    totals: {
      costPence: linesCostPence + otherCostsPence,
      chargedPence,
      linesCostPence,
      otherCostsPence,
      unallocatedPence,
      costToDatePence,
      undeliveredPence,
      financialYears: { years: [years[0], years[1]], pence: fy },
      ...breakdownsOf(lineSums, otherItems),
      learnersWithAln,
      learnersMonitored,
      chargedPerLearnerWithAlnPence: learnersWithAln > 0 ? divideRoundedToNumber(chargedPence, learnersWithAln) : null,
      wholeSchoolPerPupilPence: roll > 0 ? divideRoundedToNumber(wholeSchoolPence, roll) : null,
    },
    budget: budgetPosition(year.income, chargedPence, chargedFy, years, weekFy),
    workload: workloadPosition(year.workload, year.otherCosts, index.staffById),
    checks: learnerWork.checksOf({ index, asAtWeek, today: options.today, staff, alpMinutes, decisions, financialYears: years, checksOfLearner: learnerWork.checksOfLearner }),
    decisions,
    impact: impactOf(year, costedLines, index, impactOfLine, learnerWork.learnerImpactsOf, learnerWork.lineImpactsOf),
  };
}
