/** The plain-text summary `mapio summary` prints: what a headteacher would want on one screen. */
import type { YearView } from '../../shared/api/contract';
import { formatPounds } from '../../shared/money';

const pad = (label: string, value: string, width = 44) => `${label.padEnd(width, ' ')}${value.padStart(14, ' ')}`;

export function summaryLines(view: YearView): string[] {
  const { data, costed } = view;
  const { totals, budget, workload } = costed;
  const tierName = new Map(data.tiers.map((t) => [t.id, t.name]));
  const areaName = new Map(data.areas.map((a) => [a.id, a.name]));
  const hours = (m: number) => `${(m / 60).toFixed(1)} h`;
  const lines = [
    `${data.school.name} — ${data.school.academicYear} (${data.school.localAuthority || 'no authority set'})`,
    `${data.lines.length} intervention lines, ${data.learners.length} learners, ${data.staff.length} staff; figures as at week ${costed.asAtWeek}`,
    '',
    pad('Income', formatPounds(budget.incomePence)),
    pad('Committed spend charged to the ALN budget', formatPounds(budget.chargedPence)),
    pad('Budget position', formatPounds(budget.positionPence)),
    pad('All provision, whoever pays', formatPounds(totals.costPence)),
    pad('Cost to date', formatPounds(totals.costToDatePence)),
    pad('Unallocated (nobody enrolled)', formatPounds(totals.unallocatedPence)),
    '',
    'By tier:',
    ...totals.byTier.map((b) => pad(`  ${tierName.get(b.key) ?? (b.key === 'other_costs' ? 'Other costs' : b.key)}`, formatPounds(b.costPence))),
    'By area of need:',
    ...totals.byArea.map((b) => pad(`  ${areaName.get(b.key) ?? (b.key === 'other_costs' ? 'Other costs' : b.key === 'unspecified' ? 'No area given' : b.key)}`, formatPounds(b.costPence))),
    'By financial year (charged against income for that year):',
    ...budget.financialYears.map((fy) => pad(`  April ${fy.year} – March ${fy.year + 1}`, `${formatPounds(fy.chargedPence)} of ${formatPounds(fy.incomePence)}`, 34)),
    '',
    pad('ALNCo statutory workload needed', hours(workload.minutesNeeded)),
    pad('ALNCo release time', hours(workload.releaseMinutes)),
    '',
    costed.checks.length === 0 ? 'No warnings.' : `${costed.checks.length} warning(s):`,
    ...costed.checks.map((c) => `  - ${c.code} (${c.subject.kind} ${c.subject.id})`),
  ];
  return lines;
}
