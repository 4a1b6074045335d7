/**
 * Welsh-medium ALP against the learners whose IDP requires ALP in Welsh (Estyn R4/R6): how many
 * hours a week of ALP those learners receive in Welsh, bilingually and in English, against the hours their
 * IDPs specify, beside the hours of the school's Welsh-speaking staff. Pure: figures for the dashboard.
 *
 * Minutes are measured as learnerAlpMinutes measures them (the as-at week, or the learner's peak week
 * before the year starts), so these hours add up to the "ALP a week" the learner's page shows.
 * Bilingual lines are counted apart from Welsh ones: the welsh_alp_in_english check accepts either, a
 * governor may want to see the difference.
 */
import type { DeliveryLanguage, Minutes, SchoolYear } from '../domain';
import type { CostedMap } from './types';
import { enrolledRange } from './shares';
import { learnerAlpMinutes } from './learnerCosts';
import { indexYear, isAlpLine } from './yearIndex';
import { divideRoundedToNumber } from '../money';

export interface WelshAlpLearner {
  learnerId: number;
  /** ALP minutes a week the IDP specifies; null when not recorded. */
  idpAlpMinutesPerWeek: Minutes | null;
  /** ALP contact minutes a week enrolled, by the line's delivery language, at `week`. */
  minutesPerWeek: Record<DeliveryLanguage, Minutes>;
  /** The week measured (null: no ALP). */
  week: number | null;
}

export interface WelshProvision {
  /** Learners whose IDP requires ALP in Welsh. */
  learnersRequiringWelshAlp: number;
  /** Sum of the ALP minutes a week their IDPs specify (where recorded). */
  idpAlpMinutesPerWeek: Minutes;
  /** How many of them have no ALP hours recorded from their IDP. */
  learnersWithoutIdpHours: number;
  /** ALP contact minutes a week those learners are enrolled for, by delivery language. */
  alpMinutesPerWeek: Record<DeliveryLanguage, Minutes>;
  learners: WelshAlpLearner[];
  welshSpeakingStaff: number;
  /** Contracted minutes a week of the staff who work in Welsh (placeholders included). */
  welshStaffContractedMinutesPerWeek: Minutes;
  /** The sum of each Welsh-speaking person's peak allocated minutes a week. */
  welshStaffAllocatedMinutesPerWeek: Minutes;
}

export function welshProvision(year: SchoolYear, costed: Pick<CostedMap, 'asAtWeek' | 'staff'>): WelshProvision {
  const index = indexYear(year);
  const totals: Record<DeliveryLanguage, Minutes> = { welsh: 0, bilingual: 0, english: 0 };
  const learners: WelshAlpLearner[] = [];
  let idpMinutes = 0;
  let withoutIdpHours = 0;
  for (const learner of [...year.learners].sort((a, b) => a.id - b.id)) {
    if (!learner.welshAlp) continue;
    if (learner.idpAlpMinutesPerWeek === null) withoutIdpHours++;
    else idpMinutes += learner.idpAlpMinutesPerWeek;
    const { week } = learnerAlpMinutes(index, learner.id, costed.asAtWeek);
    const hundredths: Record<DeliveryLanguage, number> = { welsh: 0, bilingual: 0, english: 0 };
    if (week !== null) {
      for (const e of index.enrolmentsByLearner.get(learner.id) ?? []) {
        const line = index.lineById.get(e.lineId);
        if (!line || !isAlpLine(index, line)) continue;
        const r = enrolledRange(e, line);
        if (r && r.from <= week && week <= r.to) hundredths[line.deliveryLanguage] += line.minutesPerSession * line.sessionsPerWeekHundredths;
      }
    }
    const minutesPerWeek: Record<DeliveryLanguage, Minutes> = {
      welsh: divideRoundedToNumber(hundredths.welsh, 100),
      bilingual: divideRoundedToNumber(hundredths.bilingual, 100),
      english: divideRoundedToNumber(hundredths.english, 100),
    };
    for (const lang of ['welsh', 'bilingual', 'english'] as const) totals[lang] += minutesPerWeek[lang];
    learners.push({ learnerId: learner.id, idpAlpMinutesPerWeek: learner.idpAlpMinutesPerWeek, minutesPerWeek, week });
  }
  const welshStaff = year.staff.filter((s) => s.worksInWelsh);
  const allocation = new Map(costed.staff.map((s) => [s.staffId, s.peakAllocatedMinutesPerWeek]));
  return {
    learnersRequiringWelshAlp: learners.length,
    idpAlpMinutesPerWeek: idpMinutes,
    learnersWithoutIdpHours: withoutIdpHours,
    alpMinutesPerWeek: totals,
    learners,
    welshSpeakingStaff: welshStaff.length,
    welshStaffContractedMinutesPerWeek: welshStaff.reduce((sum, s) => sum + s.contractedMinutesPerWeek, 0),
    welshStaffAllocatedMinutesPerWeek: welshStaff.reduce((sum, s) => sum + (allocation.get(s.id) ?? 0), 0),
  };
}
