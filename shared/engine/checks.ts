/**
 * The checks the product makes (docs/costing-rules.md, "Checks the product makes"): warnings for people to act on,
 * never silent fixes. Each carries the values its message needs; screens look names up from the subject.
 *
 * Output order is stable: by check code (CHECK_CODES order), then by subject id, then by line id; the
 * decision clock's checks come in due order instead (the earliest date due first).
 *
 * Rules the contract leaves open, decided here (one comment per check below):
 * - "Enrolled on a line" means at least one enrolled week inside the line's run; an enrolment wholly
 *   outside its line raises enrolment_outside_line only.
 */
import { hasAln, hasIdp, type Enrolment, type InterventionLine, type Learner } from '../domain';
import { addMonths, daysBetween } from '../calendar';
import { divideRoundedToNumber } from '../money';
import type { LearnerAlpMinutes } from './learnerCosts';
import type { AlnDecisionClock } from './alnDecisions';
import { incomeCountsIn } from './budget';
import { enrolledRange } from './shares';
import type { Check, CheckCode, StaffAllocation } from './types';
import { CHECK_CODES } from './types';
import { inIdOrder, isAlpLine, isWholeSchoolLine, type YearIndex } from './yearIndex';

/** A term is taken as 12 teaching weeks (a 38-week year has three terms of 12–13): three terms = 36 weeks. */
export const TARGETED_REVIEW_WEEKS = 36;
/** IDPs are reviewed at least every 12 months (ALN Code); the default due date is 12 months after the last review. */
export const IDP_REVIEW_MONTHS = 12;

export interface CheckInputs {
  index: YearIndex;
  asAtWeek: number;
  /** Today's date; without it the review-overdue check is not made (the engine never reads the clock). */
  today: string | undefined;
  staff: readonly StaffAllocation[];
  alpMinutes: ReadonlyMap<number, LearnerAlpMinutes>;
  /** Open referrals' clocks, in due order. */
  decisions: readonly AlnDecisionClock[];
  /** The two financial years the school year runs across (its income may name only these). */
  financialYears: readonly [number, number];
  /** How each learner's own checks are made (`checksOfLearner` when not given). */
  checksOfLearner?: LearnerChecker | undefined;
}

interface LearnerLine {
  line: InterventionLine;
  from: number;
  to: number;
  /** The line's tier is ALP (looked up once per enrolment). */
  alp: boolean;
}

/**
 * The year's checks in parts, each part made from fewer inputs than the whole (yearCosting.ts keeps a part
 * whose inputs are the same as at its last costing). Each part lists its checks in the order they are
 * listed within their code; every code is made by one part alone.
 */
export interface CheckParts {
  /** aln_decision_overdue, aln_decision_due_soon: from the decision clocks alone. */
  decisions: readonly Check[];
  /** Each learner's own checks (learners in id order): from what checksOfLearner reads. */
  learners: readonly Check[];
  /** staff_over_allocated: from the staff allocations alone. */
  staff: readonly Check[];
  /** group_over_capacity: from each line's places and run, and its enrolments. */
  lines: readonly Check[];
  /** enrolment_outside_line: from the enrolments and the run of the line each is on. */
  enrolments: readonly Check[];
  /** idp_review_overdue: from the learner records and today. */
  reviews: readonly Check[];
  /** income_outside_year: from the income lines and the two financial years. */
  income: readonly Check[];
}

/** The way a costing gets the check parts: `checkParts`, or a memo of it (shared/engine/yearCosting.ts). */
export type CheckParter = (input: CheckInputs) => CheckParts;

export function runChecks(input: CheckInputs, partsOf: CheckParter = checkParts): Check[] {
  return checksOfParts(partsOf(input));
}

/** The parts' checks in one list: by code in CHECK_CODES order, each code's checks in their part's order. */
export function checksOfParts(parts: CheckParts): Check[] {
  const buckets = new Map<CheckCode, Check[]>(CHECK_CODES.map((c) => [c, []]));
  for (const part of [parts.decisions, parts.learners, parts.staff, parts.lines, parts.enrolments, parts.reviews, parts.income]) for (const c of part) (buckets.get(c.code) as Check[]).push(c);
  const checks: Check[] = [];
  for (const bucket of buckets.values()) for (const c of bucket) checks.push(c);
  return checks;
}

export function checkParts(input: CheckInputs): CheckParts {
  return {
    decisions: decisionChecks(input.decisions),
    learners: learnersChecksOf(input),
    staff: staffChecks(input.staff),
    lines: lineChecks(input.index),
    enrolments: enrolmentChecks(input.index),
    reviews: reviewChecks(input.index, input.today),
    income: incomeChecks(input.index, input.financialYears),
  };
}

/** The learners in id order (the list itself when it is in that order already). */
export function learnersInIdOrder(index: YearIndex): readonly Learner[] {
  return inIdOrder(index.year.learners) ? index.year.learners : [...index.year.learners].sort((a, b) => a.id - b.id);
}

/**
 * aln_decision_overdue / aln_decision_due_soon: one per open referral whose date due has passed, or is 10
 * school days away or fewer; listed in due order (the earliest first), not by learner id.
 */
export function decisionChecks(decisions: readonly AlnDecisionClock[]): Check[] {
  const checks: Check[] = [];
  for (const d of decisions) {
    const subject = { kind: 'learner', id: d.learnerId } as const;
    // dueDate '' = due after the end of this year's calendar, `afterYear` school days into the next.
    const common = { referredOn: d.referredOn, decider: d.decider, dueDate: d.dueOn ?? '', afterYear: d.schoolDaysAfterYear };
    if (d.state === 'overdue') checks.push({ code: 'aln_decision_overdue', subject, params: { ...common, daysOverdue: d.daysOverdue } });
    else if (d.state === 'due_soon') checks.push({ code: 'aln_decision_due_soon', subject, params: { ...common, schoolDaysLeft: d.schoolDaysLeft } });
  }
  return checks;
}

/**
 * Each learner's own checks (every code but idp_review_overdue), the learners taken in id order, so each
 * code's checks are in subject-id order.
 */
export function learnersChecksOf(input: CheckInputs): Check[] {
  const { index, asAtWeek } = input;
  const checksOf = input.checksOfLearner ?? checksOfLearner;
  const checks: Check[] = [];
  for (const learner of learnersInIdOrder(index)) for (const c of checksOf(learner, index, asAtWeek, input.alpMinutes.get(learner.id))) checks.push(c);
  return checks;
}

/**
 * staff_over_allocated: peak weekly allocation above contracted minutes. staff_without_cost: a person who
 * delivers provision whose time costs nothing (no hourly cost entered), so every line they deliver is costed
 * at £0.00 and the map and every document undercount it; a volunteer is the one case where that is true.
 */
export function staffChecks(staff: readonly StaffAllocation[]): Check[] {
  const over: Check[] = [];
  const free: Check[] = [];
  for (const s of [...staff].sort((a, b) => a.staffId - b.staffId)) {
    if (s.peakAllocatedMinutesPerWeek > 0 && s.costPence === 0) {
      free.push({ code: 'staff_without_cost', subject: { kind: 'staff', id: s.staffId }, params: { peakMinutes: s.peakAllocatedMinutesPerWeek } });
    }
    if (s.overAllocated) {
      over.push({
        code: 'staff_over_allocated',
        subject: { kind: 'staff', id: s.staffId },
        params: {
          contractedMinutes: s.contractedMinutesPerWeek,
          peakMinutes: s.peakAllocatedMinutesPerWeek,
          overByMinutes: s.peakAllocatedMinutesPerWeek - s.contractedMinutesPerWeek,
          peakWeek: s.peakWeek ?? 0,
        },
      });
    }
  }
  return [...over, ...free];
}

/** The lines in id order (the list itself when it is in that order already). */
function linesInIdOrder(index: YearIndex): readonly InterventionLine[] {
  return inIdOrder(index.year.lines) ? index.year.lines : [...index.year.lines].sort((a, b) => a.id - b.id);
}

/**
 * group_over_capacity: at some week, more enrolments inside the run than groups × places per group.
 * Counted per enrolment; the first week at the peak is reported. Reads each line's id, groups, places per
 * group, start week and weeks, and its enrolments.
 */
export function lineChecks(index: YearIndex): Check[] {
  const checks: Check[] = [];
  for (const line of linesInIdOrder(index)) {
    const peak = peakEnrolled(line, index.enrolmentsByLine.get(line.id) ?? NO_ENROLMENTS);
    const places = line.groups * line.groupCapacity;
    if (peak.enrolled > places) {
      checks.push({ code: 'group_over_capacity', subject: { kind: 'line', id: line.id }, params: { places, peakEnrolled: peak.enrolled, week: peak.week, overBy: peak.enrolled - places } });
    }
  }
  return checks;
}

/**
 * enrolment_outside_line: an enrolment starting before the line starts, ending after it ends, or ending
 * before it starts. Enrolments on a line that no longer exists are ignored (the database prevents them).
 * Reads the enrolments and the id, start week and weeks of the line each finds.
 */
export function enrolmentChecks(index: YearIndex): Check[] {
  const checks: Check[] = [];
  for (const e of index.enrolmentsById) {
    const line = index.lineById.get(e.lineId);
    if (!line) continue;
    const lineEnd = line.startWeek + line.weeks - 1;
    if (e.startWeek < line.startWeek || e.endWeek > lineEnd || e.endWeek < e.startWeek) {
      checks.push({
        code: 'enrolment_outside_line',
        subject: { kind: 'enrolment', id: e.id },
        params: {
          lineId: line.id,
          learnerId: e.learnerId,
          startWeek: e.startWeek,
          endWeek: e.endWeek,
          lineStartWeek: line.startWeek,
          lineEndWeek: lineEnd,
        },
      });
    }
  }
  return checks;
}

/**
 * idp_review_overdue: due = idpReviewDue, or 12 months after idpLastReviewed; overdue when due < today.
 * A learner with an IDP but neither date recorded is not flagged (nothing to count from). Without today,
 * none. Reads the learner records and today alone.
 */
export function reviewChecks(index: YearIndex, today: string | undefined): Check[] {
  const checks: Check[] = [];
  if (today === undefined) return checks;
  // Many learners share a last-review date: each distinct date is moved on 12 months once.
  const dueAfter = new Map<string, string>();
  const reviewDue = (lastReviewed: string): string => {
    let due = dueAfter.get(lastReviewed);
    if (due === undefined) dueAfter.set(lastReviewed, (due = addMonths(lastReviewed, IDP_REVIEW_MONTHS)));
    return due;
  };
  for (const learner of learnersInIdOrder(index)) {
    if (!hasIdp(learner.alnStatus)) continue;
    const due = learner.idpReviewDue ?? (learner.idpLastReviewed ? reviewDue(learner.idpLastReviewed) : null);
    if (due !== null && due < today) checks.push({ code: 'idp_review_overdue', subject: { kind: 'learner', id: learner.id }, params: { dueDate: due, daysOverdue: daysBetween(due, today) } });
  }
  return checks;
}

/**
 * income_outside_year: an income line naming a financial year the school year does not run across (an
 * older file, an import, a school year changed after the line was entered). Its amount is in neither
 * financial year, so not in the year's income (budget.ts); the check says so. Lines in id order.
 */
export function incomeChecks(index: YearIndex, years: readonly [number, number]): Check[] {
  const checks: Check[] = [];
  const income = inIdOrder(index.year.income) ? index.year.income : [...index.year.income].sort((a, b) => a.id - b.id);
  for (const line of income) {
    if (incomeCountsIn(line.financialYear, years)) continue;
    checks.push({
      code: 'income_outside_year',
      subject: { kind: 'income', id: line.id },
      params: { financialYear: line.financialYear ?? 0, amountPence: line.amountPence, firstYear: years[0], secondYear: years[1] },
    });
  }
  return checks;
}

const NO_ENROLMENTS: readonly Enrolment[] = [];

/**
 * The way a costing gets one learner's checks: `checksOfLearner`, or a memo of it (shared/engine/yearCosting.ts).
 * It must give what `checksOfLearner` gives.
 */
export type LearnerChecker = (learner: Learner, index: YearIndex, asAtWeek: number, alpMinutes: LearnerAlpMinutes | undefined) => readonly Check[];

/**
 * One learner's checks, every code but idp_review_overdue (which reads today's date), in CHECK_CODES order
 * and within a code in the order made. Read: the learner record; their enrolments
 * (`index.enrolmentsByLearner`), the line each is on (`index.lineById`) and whether that line's tier is ALP
 * or whole school (`index.tierById`); the as-at week; and their ALP minutes, which are made from those same
 * enrolments, lines, tiers and week (learnerCosts.ts). yearCosting.ts keys its memo on exactly these.
 */
export function checksOfLearner(learner: Learner, index: YearIndex, asAtWeek: number, alpMinutes: LearnerAlpMinutes | undefined): Check[] {
  const checks: Check[] = [];
  const push = (code: CheckCode, params: Check['params'] = {}): void => {
    checks.push({ code, subject: { kind: 'learner', id: learner.id }, params });
  };
  const enrolled = linesOf(index, learner);
  const alp = enrolled.length === 0 ? enrolled : enrolled.filter((x) => x.alp);
  const idp = hasIdp(learner.alnStatus);
  const alpLineIds = alp.length === 0 ? [] : distinctLineIds(alp);

  // alp_without_idp: one per ALP line the learner is enrolled on while they have no IDP and no decision that
  // they have ALN (a learner whose IDP is being prepared is the decision clock's concern, not this one's).
  if (!hasAln(learner.alnStatus)) for (const lineId of alpLineIds) push('alp_without_idp', { lineId });

  // idp_without_alp: an IDP and no ALP line enrolled at any week of the year.
  if (idp && alp.length === 0) push('idp_without_alp');

  // alp_hours_short: enrolled ALP contact minutes per week (at the as-at week, or the peak week before the
  // year starts: see learnerCosts.ts) below the minutes the IDP specifies. Only for learners with an IDP
  // and a recorded figure.
  if (idp && learner.idpAlpMinutesPerWeek !== null && learner.idpAlpMinutesPerWeek > 0) {
    const m = alpMinutes ?? { hundredths: 0, week: null };
    const required = learner.idpAlpMinutesPerWeek * 100;
    if (m.hundredths < required) {
      push('alp_hours_short', {
        requiredMinutes: learner.idpAlpMinutesPerWeek,
        enrolledMinutes: divideRoundedToNumber(m.hundredths, 100),
        shortByMinutes: divideRoundedToNumber(required - m.hundredths, 100),
        week: m.week ?? 0,
      });
    }
  }

  // welsh_alp_in_english: the IDP requires ALP in Welsh and the learner is on an ALP line delivered only in
  // English: one check per such line, naming it, whatever their other lines are (a Welsh line elsewhere
  // does not make this one Welsh). A learner with no ALP at all is idp_without_alp's case.
  if (learner.welshAlp) {
    const english = new Set(alp.filter((x) => x.line.deliveryLanguage === 'english').map((x) => x.line.id));
    for (const lineId of alpLineIds) if (english.has(lineId)) push('welsh_alp_in_english', { lineId });
  }

  if (enrolled.length === 0) return checks;

  // alp_undelivered: for a learner with an IDP on an ALP line, the recorded undelivered weeks that fall in
  // their enrolment up to the as-at week ("so far": a week recorded ahead, such as a known closure, is
  // counted once it has come). One check per learner per line.
  if (idp) {
    const weeksByLine = new Map<number, Set<number>>();
    for (const x of enrolled) {
      if (!x.alp || x.line.undeliveredWeeks.length === 0) continue;
      let set = weeksByLine.get(x.line.id);
      if (!set) weeksByLine.set(x.line.id, (set = new Set()));
      for (const w of x.line.undeliveredWeeks) if (w >= x.from && w <= Math.min(x.to, asAtWeek)) set.add(w);
    }
    for (const lineId of [...weeksByLine.keys()].sort((a, b) => a - b)) {
      const set = weeksByLine.get(lineId) as Set<number>;
      if (set.size > 0) push('alp_undelivered', { lineId, weeks: set.size, asAtWeek });
    }
  }

  // targeted_long_no_idp: a learner without an IDP enrolled on targeted provision (not ALP, not a whole-school tier)
  // for 36 or more distinct teaching weeks so far, up to the as-at week (three terms of 12 weeks): a prompt
  // to review. Weeks planned beyond the as-at week are not yet support the learner has had.
  if (!hasAln(learner.alnStatus)) {
    // Distinct weeks = the length of the union of the enrolled ranges (merged in start order, not week by week).
    const ranges: Array<{ from: number; to: number }> = [];
    for (const x of enrolled) {
      if (x.alp || x.from > asAtWeek || isWholeSchoolLine(index, x.line)) continue;
      ranges.push({ from: x.from, to: Math.min(x.to, asAtWeek) });
    }
    const weeks = distinctWeeks(ranges);
    if (weeks >= TARGETED_REVIEW_WEEKS) push('targeted_long_no_idp', { weeks, thresholdWeeks: TARGETED_REVIEW_WEEKS, asAtWeek });
  }
  return checks;
}

/** The lines the learner is enrolled on, one per enrolment with at least one week inside its line's run. */
function linesOf(index: YearIndex, learner: Learner): LearnerLine[] {
  const result: LearnerLine[] = [];
  const enrolments = index.enrolmentsByLearner.get(learner.id);
  if (enrolments === undefined) return result;
  for (const e of enrolments) {
    const line = index.lineById.get(e.lineId);
    if (!line) continue;
    // enrolledRange, inline: the enrolment's weeks inside the line's run.
    const from = Math.max(e.startWeek, line.startWeek);
    const to = Math.min(e.endWeek, line.startWeek + line.weeks - 1);
    if (to >= from) result.push({ line, from, to, alp: isAlpLine(index, line) });
  }
  return result;
}

/** The distinct ids of the lines, ascending (a learner is on a handful, so a scan beats a Set). */
function distinctLineIds(enrolled: readonly LearnerLine[]): number[] {
  const ids: number[] = [];
  let ascending = true;
  for (const x of enrolled) {
    const id = x.line.id;
    if (ids.includes(id)) continue;
    if (ids.length > 0 && id < (ids[ids.length - 1] as number)) ascending = false;
    ids.push(id);
  }
  return ascending ? ids : ids.sort((a, b) => a - b);
}

/**
 * The most enrolments inside the line's run at any one week, and the first week at that peak: a count per
 * week of the run, changed at each enrolment's first week and the week after its last. Runs are at most
 * 53 weeks (shared/schemas.ts); a run of any other length is swept by its change weeks in order instead.
 * Both find the same peak and week: the running count only changes at a change week.
 */
function peakEnrolled(line: InterventionLine, enrolments: readonly Enrolment[]): { enrolled: number; week: number } {
  const first = line.startWeek;
  const last = first + line.weeks - 1;
  let running = 0;
  let peak = 0;
  let peakWeek = 0;
  if (Number.isSafeInteger(first) && Number.isSafeInteger(line.weeks) && line.weeks >= 0 && line.weeks <= 64) {
    const delta = new Array<number>(line.weeks + 1).fill(0); // index = week − first
    for (const e of enrolments) {
      const from = Math.max(e.startWeek, first);
      const to = Math.min(e.endWeek, last);
      if (to < from) continue;
      if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to)) return peakEnrolledByChangeWeeks(line, enrolments);
      (delta[from - first] as number)++;
      (delta[to + 1 - first] as number)--;
    }
    for (let i = 0; i <= line.weeks; i++) {
      running += delta[i] as number;
      if (running > peak) {
        peak = running;
        peakWeek = first + i;
      }
    }
    return { enrolled: peak, week: peakWeek };
  }
  return peakEnrolledByChangeWeeks(line, enrolments);
}

function peakEnrolledByChangeWeeks(line: InterventionLine, enrolments: readonly Enrolment[]): { enrolled: number; week: number } {
  const delta = new Map<number, number>();
  for (const e of enrolments) {
    const r = enrolledRange(e, line);
    if (!r) continue;
    delta.set(r.from, (delta.get(r.from) ?? 0) + 1);
    delta.set(r.to + 1, (delta.get(r.to + 1) ?? 0) - 1);
  }
  let running = 0;
  let peak = 0;
  let peakWeek = 0;
  for (const w of [...delta.keys()].sort((a, b) => a - b)) {
    running += delta.get(w) ?? 0;
    if (running > peak) {
      peak = running;
      peakWeek = w;
    }
  }
  return { enrolled: peak, week: peakWeek };
}

/** How many distinct weeks the ranges (first..last inclusive) cover between them. */
function distinctWeeks(ranges: Array<{ from: number; to: number }>): number {
  if (ranges.length === 0) return 0;
  ranges.sort((a, b) => a.from - b.from);
  let count = 0;
  let from = (ranges[0] as { from: number }).from;
  let to = from - 1;
  for (const r of ranges) {
    if (r.from > to + 1) {
      count += to - from + 1;
      from = r.from;
      to = r.to;
    } else if (r.to > to) to = r.to;
  }
  return count + (to - from + 1);
}
