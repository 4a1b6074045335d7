/**
 * A line's cost shared among the learners enrolled on it (docs/costing-rules.md, "Cost per learner"):
 * share = line cost × learner's enrolled weeks ÷ all enrolled weeks on the line, by largest remainder so
 * the shares sum exactly to the cost, ties to the earlier enrolment (lower id).
 *
 * Rules the contract leaves open, decided here:
 * - Enrolled weeks are clipped to the line's run: weeks outside it cost nothing (and raise the
 *   enrolment_outside_line check).
 * - An enrolment with no weeks inside the run is still listed, with 0 weeks and 0 pence.
 * - A line nobody is enrolled on (or only outside its run) is wholly unallocated, never dropped.
 * - Lines of a whole-school tier (docs/costing-rules.md, "Tiers and how each is costed") are whole-class
 *   provision costed per pupil on roll: enrolments on them are listed with 0 pence and the whole cost is
 *   unallocated. The tier's costing mode decides this, never its id.
 */
import type { Enrolment, InterventionLine } from '../domain';
import type { LearnerShare } from './types';
import { splitByWeights } from './largestRemainder';
import { inIdOrder } from './yearIndex';

/** Weeks of an enrolment inside the line's run (first..last inclusive), 0 when none or when start > end. */
export function enrolledWeeks(enrolment: Pick<Enrolment, 'startWeek' | 'endWeek'>, line: Pick<InterventionLine, 'startWeek' | 'weeks'>): number {
  const from = Math.max(enrolment.startWeek, line.startWeek);
  const to = Math.min(enrolment.endWeek, line.startWeek + line.weeks - 1);
  return to >= from ? to - from + 1 : 0;
}

/** The clipped weeks as a range, or null when the enrolment has no week inside the run. */
export function enrolledRange(enrolment: Pick<Enrolment, 'startWeek' | 'endWeek'>, line: Pick<InterventionLine, 'startWeek' | 'weeks'>): { from: number; to: number } | null {
  const from = Math.max(enrolment.startWeek, line.startWeek);
  const to = Math.min(enrolment.endWeek, line.startWeek + line.weeks - 1);
  return to >= from ? { from, to } : null;
}

export interface LineShares {
  shares: LearnerShare[];
  unallocatedPence: number;
  /** Distinct learners with at least one week on the line. */
  enrolledLearners: number;
}

/**
 * Shares of `costPence` among `enrolments` (all on `line`; any order: sorted by id here). `wholeSchool`:
 * the line's tier is costed per pupil on roll, so nothing is shared.
 */
export function shareLine(line: InterventionLine, costPence: number, enrolments: readonly Enrolment[], wholeSchool: boolean): LineShares {
  const sorted = inIdOrder(enrolments) ? enrolments : [...enrolments].sort((a, b) => a.id - b.id);
  const n = sorted.length;
  const weeks = new Array<number>(n);
  const lastWeek = line.startWeek + line.weeks - 1;
  let learners: Set<number> | null = null;
  let firstLearner: number | null = null;
  let totalWeeks = 0;
  for (let i = 0; i < n; i++) {
    const e = sorted[i] as Enrolment;
    // enrolledWeeks, inline: the weeks of the enrolment inside the run.
    const from = Math.max(e.startWeek, line.startWeek);
    const to = Math.min(e.endWeek, lastWeek);
    const w = to >= from ? to - from + 1 : 0;
    weeks[i] = w;
    totalWeeks += w;
    if (w > 0) {
      // Distinct learners: a Set only once a second learner appears (most lines' enrolments are few).
      if (firstLearner === null) firstLearner = e.learnerId;
      else if (learners !== null) learners.add(e.learnerId);
      else if (e.learnerId !== firstLearner) learners = new Set([firstLearner, e.learnerId]);
    }
  }
  const shared = !wholeSchool && totalWeeks > 0;
  const pence = shared ? splitByWeights(costPence, weeks) : null;
  const shares = new Array<LearnerShare>(n);
  for (let i = 0; i < n; i++) {
    const e = sorted[i] as Enrolment;
    shares[i] = { enrolmentId: e.id, learnerId: e.learnerId, weeks: weeks[i] as number, pence: pence === null ? 0 : (pence[i] as number) };
  }
  return {
    shares,
    unallocatedPence: shared ? 0 : costPence,
    enrolledLearners: learners !== null ? learners.size : firstLearner !== null ? 1 : 0,
  };
}
