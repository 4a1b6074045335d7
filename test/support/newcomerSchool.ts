/** Test support: a school just starting, made from the demo, for the print tests of each document. */
import { demoSchoolYear } from '../../shared/demo/demoSchool';
import type { SchoolYear } from '../../shared/domain';

/**
 * One tier with one line and its staff; no learners, no income, no other costs, no ALNCo chosen. Named
 * "Ysgol Newydd" with no Welsh name; `school` changes any other of the school's details.
 */
export function newcomerSchool(school: Partial<SchoolYear['school']> = {}): SchoolYear {
  const year = demoSchoolYear();
  const line = year.lines.find((l) => l.tierId === 'universal' && l.staff.length > 0) as SchoolYear['lines'][number];
  const staff = new Set(line.staff.map((a) => a.staffId));
  return {
    ...year,
    school: { ...year.school, name: 'Ysgol Newydd', nameCy: '', ...school },
    tiers: year.tiers.filter((tier) => tier.id === line.tierId),
    lines: [line],
    staff: year.staff.filter((s) => staff.has(s.id)),
    learners: [],
    enrolments: [],
    income: [],
    otherCosts: [],
    workload: { ...year.workload, alncoStaffId: null },
  };
}
