/**
 * What the costing engine returns: every figure a screen, the governors' workbook or an authority
 * return shows. All money is integer pence; all time integer minutes.
 */
import type { AlnDecisionClock } from './alnDecisions';
import type { FundingSource, Minutes, Pence, WeekNumber } from '../domain';

/** A cost split across the two financial years (1 April – 31 March) that the academic year touches. */
export interface FinancialYearSplit {
  /** Calendar year in which each financial year starts, e.g. [2026, 2027]. */
  years: [number, number];
  pence: [Pence, Pence];
}

export interface LearnerShare {
  enrolmentId: number;
  learnerId: number;
  /** Enrolled weeks within the line's run. */
  weeks: number;
  pence: Pence;
}

export interface CostedLine {
  lineId: number;
  staffCostPence: Pence;
  nonStaffCostPence: Pence;
  /** round(staff cost) + non-staff costs: the projected cost for the year. */
  costPence: Pence;
  /** Places = groups × capacity per group. */
  places: number;
  /** Cost ÷ places, rounded; null when there are no places. */
  costPerPlacePence: Pence | null;
  enrolledLearners: number;
  /** Cost ÷ learners enrolled, rounded; null when nobody is enrolled. */
  costPerLearnerPence: Pence | null;
  /** Shares of the cost by enrolment, summing exactly to costPence (largest remainder). */
  shares: LearnerShare[];
  /** The whole cost when nobody is enrolled (lines of a whole-school tier are never shared: also whole). */
  unallocatedPence: Pence;
  financialYears: FinancialYearSplit;
  /** Cost of the weeks delivered up to and including the as-at week (undelivered weeks excluded). */
  costToDatePence: Pence;
  /** Cost of the weeks recorded as not delivered. */
  undeliveredPence: Pence;
  /** Staff minutes per week while the line runs (contact + planning) × staff × groups × sessions. */
  staffMinutesPerWeek: Minutes;
  /** Contact minutes per week a learner on this line receives. */
  learnerMinutesPerWeek: Minutes;
  chargedToAlnBudget: boolean;
}

export interface CostedOtherLine {
  otherCostId: number;
  costPence: Pence;
  financialYears: FinancialYearSplit;
  costToDatePence: Pence;
  chargedToAlnBudget: boolean;
}

export interface LearnerCost {
  learnerId: number;
  /** Sum of the learner's shares across all lines. */
  costPence: Pence;
  /** ALP contact minutes per week enrolled at the as-at week (or at peak when the year hasn't started). */
  alpMinutesPerWeek: Minutes;
  lineIds: number[];
}

export interface StaffAllocation {
  staffId: number;
  contractedMinutesPerWeek: Minutes;
  /** The highest weekly allocation over the year's weeks (lines and staff-time cost lines). */
  peakAllocatedMinutesPerWeek: Minutes;
  peakWeek: WeekNumber | null;
  overAllocated: boolean;
  /** Cost of this person's time across lines and other cost lines. */
  costPence: Pence;
  lineIds: number[];
}

export interface Breakdown<K extends string = string> {
  key: K;
  /** All costs in this group. */
  costPence: Pence;
  /** The part charged to the ALN budget. */
  chargedPence: Pence;
}

export interface BudgetPosition {
  incomePence: Pence;
  /** Costs charged to the ALN budget (funding aln_budget or aln_grant). */
  chargedPence: Pence;
  /** income − charged. Negative = overspent. */
  positionPence: Pence;
  /** Per financial year: income entered for that year (or the academic-year income split by weeks) against costs in it. */
  financialYears: Array<{ year: number; incomePence: Pence; chargedPence: Pence; positionPence: Pence }>;
}

export interface WorkloadPosition {
  minutesNeeded: Minutes;
  releaseMinutes: Minutes;
  /** release − needed; negative = short. */
  balanceMinutes: Minutes;
  /** Cost of the hours needed at the ALNCo's hourly cost; null when no ALNCo hourly cost is known. */
  neededCostPence: Pence | null;
  releaseCostPence: Pence | null;
}

export const CHECK_CODES = [
  'aln_decision_overdue',
  'aln_decision_due_soon',
  'alp_without_idp',
  'idp_without_alp',
  'alp_hours_short',
  'welsh_alp_in_english',
  'staff_over_allocated',
  'staff_without_cost',
  'group_over_capacity',
  'enrolment_outside_line',
  'idp_review_overdue',
  'alp_undelivered',
  'targeted_long_no_idp',
  'income_outside_year',
] as const;
export type CheckCode = (typeof CHECK_CODES)[number];

export type CheckSubject = { kind: 'learner'; id: number } | { kind: 'line'; id: number } | { kind: 'staff'; id: number } | { kind: 'enrolment'; id: number } | { kind: 'income'; id: number };

/** A warning for people to act on; the engine never changes anything itself. */
export interface Check {
  code: CheckCode;
  subject: CheckSubject;
  /** Values for the message (names are looked up by the screen from the subject). */
  params: Record<string, string | number>;
}

/**
 * Progress on one measure (same measureName and unit, compared case- and space-insensitively) among a
 * line's enrolments. Progress = exit − entry, in the measure's unit; only enrolments with both values
 * count. Measures are never mixed: a line with two measures has two of these.
 */
export interface MeasureImpact {
  measureName: string;
  measureUnit: string;
  /** Enrolments on this measure with both an entry and an exit value. */
  learnersMeasured: number;
  /** Σ (exit − entry). A measure, not money: may be a decimal; round only for display. */
  totalProgress: number;
  /** totalProgress ÷ learnersMeasured, unrounded. */
  averageProgress: number;
  /** The line's expected progress where it applies to this measure (the line has one measure); else null. */
  expectedProgress: number | null;
  /** Learners whose progress ≥ expectedProgress; null when no threshold applies. */
  madeExpectedProgress: number | null;
  /** madeExpectedProgress ÷ learnersMeasured in basis points (7500 = 75%), rounded half away from zero. */
  madeExpectedShareBasisPoints: number | null;
  /**
   * The part of the line's cost that paid for these learners' places: line cost × their enrolled weeks ÷
   * all enrolled weeks on the line (the whole line cost when everyone is measured on this one measure).
   */
  measuredCostPence: Pence;
  /** measured cost ÷ total progress (exact, rounded once half away from zero); null unless total progress > 0. */
  costPerUnitOfProgressPence: Pence | null;
}

export interface LineImpact {
  lineId: number;
  costPence: Pence;
  enrolments: number;
  /** Enrolments with both an entry and an exit value, whatever the measure. */
  learnersMeasured: number;
  /** Enrolments missing an entry or an exit value. */
  notMeasured: number;
  /** Line cost ÷ learners enrolled (as on the costed line); null when nobody is enrolled. */
  costPerLearnerPence: Pence | null;
  /** One entry per measure, most-measured first; never averaged together. */
  measures: MeasureImpact[];
  mixedMeasures: boolean;
}

export interface LearnerMeasureProgress {
  measureName: string;
  measureUnit: string;
  enrolmentsMeasured: number;
  /** Σ (exit − entry) across all the learner's provision on this measure. */
  totalProgress: number;
  lineIds: number[];
}

export interface LearnerImpact {
  learnerId: number;
  /** Only learners with at least one measured enrolment appear; one entry per measure. */
  measures: LearnerMeasureProgress[];
}

export interface ImpactReport {
  lines: LineImpact[];
  learners: LearnerImpact[];
}

export interface CostedMap {
  /** The week the to-date figures are as at. */
  asAtWeek: WeekNumber;
  lines: CostedLine[];
  otherCosts: CostedOtherLine[];
  learners: LearnerCost[];
  staff: StaffAllocation[];
  totals: {
    /** Every line and other cost, whoever pays. */
    costPence: Pence;
    chargedPence: Pence;
    linesCostPence: Pence;
    otherCostsPence: Pence;
    unallocatedPence: Pence;
    costToDatePence: Pence;
    undeliveredPence: Pence;
    financialYears: FinancialYearSplit;
    byTier: Breakdown[];
    /** The comparison that means the same at every school. */
    byAlp: Breakdown<'alp' | 'not_alp'>[];
    /** A line spanning several areas is split equally across them (largest remainder). */
    byArea: Breakdown[];
    byFundingSource: Breakdown<FundingSource>[];
    /** Learners with ALN: an IDP (school- or LA-maintained) or decided to have ALN with the IDP being prepared. */
    learnersWithAln: number;
    /** On the monitoring register (universal provision): not ALN, counted apart. */
    learnersMonitored: number;
    /** Charged cost ÷ learners with ALN (as above, never the monitoring register); null when none. */
    chargedPerLearnerWithAlnPence: Pence | null;
    /** Lines of whole-school tiers costed per pupil on roll; null when roll is 0. */
    wholeSchoolPerPupilPence: Pence | null;
  };
  budget: BudgetPosition;
  workload: WorkloadPosition;
  checks: Check[];
  /** Open referrals for an ALN decision, in due order (engine/alnDecisions.ts). */
  decisions: AlnDecisionClock[];
  /** Impact of provision: progress per line and per learner, and cost per unit of progress (engine/impact.ts). */
  impact: ImpactReport;
}

/** A line's figures without its per-learner shares. */
export type CostedLineFigures = Omit<CostedLine, 'shares'>;

/**
 * The costed map without each line's per-learner shares: what a view of the year carries. The shares
 * (about two fifths of a large secondary's costed figures as JSON) go only to the screens that show them (docs/performance.md).
 */
export interface CostedFigures extends Omit<CostedMap, 'lines'> {
  lines: CostedLineFigures[];
}
