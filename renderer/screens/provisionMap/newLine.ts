import type { SchoolYear } from '../../../shared/domain';
import type { OperationInput } from '../../../shared/api/contract';

/**
 * A new line's starting values: a half-term targeted group of six, 30 minutes three times a week,
 * delivered in the school's own language, charged to the delegated ALN budget. Every value is then
 * edited in the line editor; nothing is assumed about cost.
 */
export function newLineFields(data: SchoolYear, tierId: string | undefined, name: string): OperationInput<'lines.create'> {
  const tiers = [...data.tiers].sort((a, b) => a.sortOrder - b.sortOrder);
  // With no tier chosen: the first tier that is shared and not ALP (targeted support, by default).
  const tier = tierId ?? tiers.find((t) => !t.isAlp && t.costing === 'shared')?.id ?? tiers[0]?.id ?? 'targeted';
  const yearWeeks = data.calendar.weekStarts.length || 38;
  return {
    name,
    nameCy: '',
    description: '',
    descriptionCy: '',
    rationale: '',
    tierId: tier,
    areaIds: [],
    deliveryLanguage: data.school.languageMedium === 'welsh' ? 'welsh' : 'english',
    fundingSource: 'aln_budget',
    fundingNote: '',
    fundingNoteCy: '',
    staff: [],
    minutesPerSession: 30,
    planningMinutesPerSession: 0,
    sessionsPerWeekHundredths: 300,
    startWeek: 1,
    weeks: Math.min(6, yearWeeks),
    groups: 1,
    groupCapacity: 6,
    nonStaffCosts: [],
    undeliveredWeeks: [],
  };
}
