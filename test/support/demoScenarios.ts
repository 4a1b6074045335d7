/**
 * The demo school's two worked scenarios, compared with its plan: "Grant ends" (the ALN grant income is
 * gone) and "Two fewer TAs" (Paul and Claire removed, plus a 3% pay award), costed as at 24 November 2026.
 */
import type { SchoolYear } from '../../shared/domain';
import { demoSchoolYear } from '../../shared/demo/demoSchool';
import { compareScenarios, costSchoolYear, type CostedYear } from '../../shared/engine';
import { applyPayAward, removeStaffMember } from '../../shared/scenarioLevers';

export const TODAY = '2026-11-24';
export const costed = (id: number | null, name: string, year: SchoolYear): CostedYear => ({ id, name, year, costed: costSchoolYear(year, { today: TODAY }) });
const staffId = (year: SchoolYear, prefix: string) => year.staff.find((s) => s.name.startsWith(prefix))?.id as number;

export const baselineYear = demoSchoolYear();
export const grantEnds: SchoolYear = { ...baselineYear, income: baselineYear.income.filter((i) => i.kind !== 'aln_grant') };
export const twoFewerTas: SchoolYear = applyPayAward(removeStaffMember(removeStaffMember(baselineYear, staffId(baselineYear, 'Paul')).year, staffId(baselineYear, 'Claire')).year, 300).year;

export const comparison = compareScenarios(costed(null, 'Baseline', baselineYear), [costed(1, 'Grant ends', grantEnds), costed(2, 'Two fewer TAs', twoFewerTas)]);
