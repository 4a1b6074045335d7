/**
 * Rolling a school year forward into next year's file: what carries over and what doesn't.
 *
 * - Staff, intervention lines and other cost lines carry over as they are (the plan is the starting
 *   point for next year); recorded undelivered weeks are this year's history and are cleared.
 * - Learners move up a year group; those who would pass the school's last year group leave.
 * - Enrolments end: next year's groups are decided by people, not copied.
 * - Income lines carry over, moved on a financial year where they name one, except those that end
 *   before next year starts (a grant that ends must show as a gap, not as money that isn't there).
 * - The calendar is the default Welsh calendar for the new year (the school edits it).
 * - ALNCo workload: reviews carry (every IDP is reviewed at least every 12 months); IDPs to prepare
 *   start at 0.
 * Ids are kept, so a line or learner is recognisably the same record in both files.
 */
import type { IncomeLine, Learner, Phase, SchoolYear } from './domain';
import { hasIdp } from './domain';
import { academicStartYear, academicYearLabel, defaultWelshCalendar } from './welshTermDates';

/** The last year group a school of each phase teaches (-1 nursery, 0 reception, 1..14). */
export const LAST_YEAR_GROUP: Record<Phase, number> = {
  nursery: 0,
  primary: 6,
  secondary: 13,
  all_through: 13,
  special: 14,
  pru: 11,
};

export interface RollForwardResult {
  year: SchoolYear;
  leavers: Learner[];
  endedIncome: IncomeLine[];
}

export function rollForward(current: SchoolYear): RollForwardResult {
  const startYear = academicStartYear(current.school.academicYear) + 1;
  const calendar = defaultWelshCalendar(startYear);
  const firstDay = calendar.weekStarts[0] as string;
  const lastWeek = calendar.weekStarts.length;
  const lastYearGroup = LAST_YEAR_GROUP[current.school.phase];

  const leavers = current.learners.filter((l) => l.yearGroup + 1 > lastYearGroup);
  const learners = current.learners.filter((l) => l.yearGroup + 1 <= lastYearGroup).map((l) => ({ ...l, yearGroup: l.yearGroup + 1, areaIds: [...l.areaIds] }));

  const endedIncome = current.income.filter((i) => i.endsOn !== null && i.endsOn < firstDay);
  const income = current.income.filter((i) => !(i.endsOn !== null && i.endsOn < firstDay)).map((i) => ({ ...i, financialYear: i.financialYear === null ? null : i.financialYear + 1 }));

  const clampRun = <T extends { startWeek: number; weeks: number }>(item: T): T => {
    const startWeek = Math.min(item.startWeek, lastWeek);
    return { ...item, startWeek, weeks: Math.min(item.weeks, lastWeek - startWeek + 1) };
  };

  const year: SchoolYear = {
    school: { ...current.school, academicYear: academicYearLabel(startYear) },
    calendar,
    tiers: current.tiers.map((t) => ({ ...t })),
    areas: current.areas.map((a) => ({ ...a })),
    staff: current.staff.map((s) => ({ ...s, hourlyCostBasis: s.hourlyCostBasis ? { ...s.hourlyCostBasis } : null })),
    lines: current.lines.map((l) =>
      clampRun({
        ...l,
        areaIds: [...l.areaIds],
        staff: l.staff.map((s) => ({ ...s })),
        nonStaffCosts: l.nonStaffCosts.map((c) => ({ ...c })),
        undeliveredWeeks: [],
      }),
    ),
    learners,
    enrolments: [],
    income,
    otherCosts: current.otherCosts.map((o) => clampRun({ ...o })),
    workload: { ...current.workload, idpsToPrepare: 0, idpReviews: learners.filter((l) => hasIdp(l.alnStatus)).length },
  };
  return { year, leavers, endedIncome };
}
