/**
 * The ALN Code's decision clock (docs/costing-rules.md, "The decision clock"). Once a school is asked, or
 * itself notices, that a learner may have ALN, it has 35 school days to decide and, if they have ALN, to
 * give the IDP; a referral the local authority must decide has 12 weeks. Mapio counts the school days on
 * the school's own calendar (shared/schoolDays.ts).
 *
 * A referral is open while its decision date is blank and the learner has no IDP yet (an IDP given ends
 * the clock even when the date was not typed). Days are counted after the referral date: the 35th school
 * day after it is the date due. "Near" is 10 school days or fewer left; "overdue" is any day after the date
 * due. All as at the date the map is viewed at.
 */
import { hasIdp, type AlnDecider, type Calendar, type IsoDate, type Learner } from '../domain';
import { daysBetween } from '../calendar';
import { nthSchoolDayAfter, schoolDaysBetween, schoolDaysOf, type SchoolDays } from '../schoolDays';
import { addDays } from '../schoolTerms';

export const SCHOOL_DECISION_SCHOOL_DAYS = 35;
export const LA_DECISION_WEEKS = 12;
export const DECISION_NEAR_SCHOOL_DAYS = 10;

export type AlnDecisionState = 'running' | 'due_soon' | 'overdue';

/** One open referral and where its clock stands. */
export interface AlnDecisionClock {
  learnerId: number;
  referredOn: IsoDate;
  decider: AlnDecider;
  /** The date the decision (and IDP) is due; null when it falls after the last day of this year's calendar. */
  dueOn: IsoDate | null;
  /** School days of the 35 that fall after the calendar's last day (only when `dueOn` is null). */
  schoolDaysAfterYear: number;
  /** School days after the as-at date up to the date due (including those after the year, if any); 0 once due. */
  schoolDaysLeft: number;
  state: AlnDecisionState;
  /** Calendar days since the date due (overdue only; else 0). */
  daysOverdue: number;
}

/** Whether a learner's referral is still awaiting its decision. */
export function isOpenReferral(l: Learner): l is Learner & { referredOn: IsoDate } {
  return l.referredOn !== null && l.decidedOn === null && !hasIdp(l.alnStatus);
}

/**
 * Every open referral's clock as at `asAt` (without a date, as at the referral: nothing is near or
 * overdue), in due order: the earliest date due first, those due after the year last, then by learner id.
 */
export function decisionClocks(learners: readonly Learner[], calendar: Calendar, asAt: IsoDate | undefined): AlnDecisionClock[] {
  const clocks: AlnDecisionClock[] = [];
  // The school days are worked out from the terms only when there is a referral to count them for: every
  // recost runs this, and most edits happen with no referral open.
  let schoolDays: SchoolDays | null = null;
  for (const l of learners) {
    if (!isOpenReferral(l)) continue;
    const days = (schoolDays ??= schoolDaysOf(calendar));
    const from = asAt !== undefined && asAt > l.referredOn ? asAt : l.referredOn;
    let dueOn: IsoDate | null;
    let schoolDaysAfterYear = 0;
    if (l.referralDecider === 'la') {
      dueOn = addDays(l.referredOn, LA_DECISION_WEEKS * 7);
    } else {
      const due = nthSchoolDayAfter(days, l.referredOn, SCHOOL_DECISION_SCHOOL_DAYS);
      dueOn = due.date;
      schoolDaysAfterYear = due.beyond;
    }
    const overdue = asAt !== undefined && dueOn !== null && asAt > dueOn;
    const left = overdue ? 0 : dueOn !== null ? schoolDaysBetween(days, from, dueOn) : schoolDaysBetween(days, from, days.lastDay ?? from) + schoolDaysAfterYear;
    const state: AlnDecisionState = overdue ? 'overdue' : asAt !== undefined && left <= DECISION_NEAR_SCHOOL_DAYS ? 'due_soon' : 'running';
    clocks.push({
      learnerId: l.id,
      referredOn: l.referredOn,
      decider: l.referralDecider,
      dueOn,
      schoolDaysAfterYear,
      schoolDaysLeft: left,
      state,
      daysOverdue: overdue && dueOn !== null && asAt !== undefined ? daysBetween(dueOn, asAt) : 0,
    });
  }
  return clocks.sort((a, b) => (a.dueOn === b.dueOn ? a.learnerId - b.learnerId : a.dueOn === null ? 1 : b.dueOn === null ? -1 : a.dueOn < b.dueOn ? -1 : 1));
}
