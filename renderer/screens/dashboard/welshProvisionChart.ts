/**
 * The dashboard's Welsh-medium panel: ALP hours a week that learners whose IDP requires ALP in
 * Welsh receive in Welsh, bilingually and in English, against the hours their IDPs specify, beside the
 * hours of Welsh-speaking staff. Figures from shared/engine/welshProvision.ts; this file only labels them.
 */
import type { YearView } from '../../../shared/api/contract';
import { welshProvision } from '../../../shared/engine';

type Translate = (key: string, params: Record<string, string | number>) => string;

export interface WelshProvisionChart {
  title: string;
  rows: Array<{ name: string; minutes: number }>;
  seriesLabel: string;
}

export function welshProvisionChart(view: YearView, t: Translate): WelshProvisionChart {
  const w = welshProvision(view.data, view.costed);
  return {
    title: t('welshProvision.title', { count: w.learnersRequiringWelshAlp }),
    seriesLabel: t('welshProvision.hours', {}),
    rows: [
      { name: t('welshProvision.idpHours', {}), minutes: w.idpAlpMinutesPerWeek },
      { name: t('welshProvision.inWelsh', {}), minutes: w.alpMinutesPerWeek.welsh },
      { name: t('welshProvision.bilingual', {}), minutes: w.alpMinutesPerWeek.bilingual },
      { name: t('welshProvision.inEnglish', {}), minutes: w.alpMinutesPerWeek.english },
      { name: t('welshProvision.staffContracted', {}), minutes: w.welshStaffContractedMinutesPerWeek },
      { name: t('welshProvision.staffAllocated', {}), minutes: w.welshStaffAllocatedMinutesPerWeek },
    ],
  };
}
