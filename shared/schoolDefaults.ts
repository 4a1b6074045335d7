/**
 * What a new school file starts with: the default tiers, the four default areas of need and the typical
 * Welsh calendar (docs/costing-rules.md). The school then makes them its own on the School screen; nothing in
 * Mapio depends on these ids. The names are Mapio's own words, taken from the catalogues so the English
 * and Welsh defaults are written once.
 */
import type { AreaOfNeed, IsoDate, SchoolYear, Tier } from './domain';
import { cy } from './i18n/cy';
import { en } from './i18n/en';
import { academicYearLabel, defaultWelshCalendar } from './welshTermDates';

/**
 * Universal (whole school, per pupil on roll), targeted (shared, not ALP) and ALP (shared, ALP), each
 * described for parents in Mapio's words, which the school can change like the names.
 */
export const DEFAULT_TIERS: readonly Tier[] = [
  {
    id: 'universal',
    name: en.export.defaultTier.universal,
    nameCy: cy.export.defaultTier.universal,
    description: en.export.statement.universalIntro,
    descriptionCy: cy.export.statement.universalIntro,
    isAlp: false,
    costing: 'whole_school',
    sortOrder: 1,
  },
  {
    id: 'targeted',
    name: en.export.defaultTier.targeted,
    nameCy: cy.export.defaultTier.targeted,
    description: en.export.statement.targetedIntro,
    descriptionCy: cy.export.statement.targetedIntro,
    isAlp: false,
    costing: 'shared',
    sortOrder: 2,
  },
  {
    id: 'alp',
    name: en.export.defaultTier.alp,
    nameCy: cy.export.defaultTier.alp,
    description: en.export.statement.alpIntro,
    descriptionCy: cy.export.statement.alpIntro,
    isAlp: true,
    costing: 'shared',
    sortOrder: 3,
  },
];

/** The four areas of need of the ALN Code's guidance. */
export const DEFAULT_AREAS: readonly AreaOfNeed[] = (['cognition_learning', 'communication_interaction', 'besd', 'sensory_physical'] as const).map((id, i) => ({
  id,
  name: en.export.defaultArea[id],
  nameCy: cy.export.defaultArea[id],
  sortOrder: i + 1,
}));

/**
 * The school year a new school file is for, from today's date: from 1 July, the one that starts in September
 * (an ALNCo plans the coming year in the summer term's last weeks); before then, the one under way. The
 * set-up's first step can change it.
 */
export function newSchoolStartYear(today: IsoDate): number {
  const year = Number(today.slice(0, 4));
  return Number(today.slice(5, 7)) >= 7 ? year : year - 1;
}

/** A new, empty school year: default tiers, areas and calendar, nothing else; named in the language Mapio is used in. */
export function emptySchoolYear(startYear = 2026, lang: 'en' | 'cy' = 'en'): SchoolYear {
  return {
    school: {
      name: (lang === 'cy' ? cy : en).export.newSchoolName,
      nameCy: '',
      localAuthority: '',
      localAuthorityCy: '',
      localAuthorityCode: '',
      officialNumber: '',
      phase: 'primary',
      numberOnRoll: 0,
      efsmBasisPoints: null,
      languageMedium: 'english',
      academicYear: academicYearLabel(startYear),
      alpDefinitionSource: '',
      alpDefinitionSourceCy: '',
      alpDefinitionDate: null,
    },
    calendar: defaultWelshCalendar(startYear),
    tiers: DEFAULT_TIERS.map((t) => ({ ...t })),
    areas: DEFAULT_AREAS.map((a) => ({ ...a })),
    staff: [],
    lines: [],
    learners: [],
    enrolments: [],
    income: [],
    otherCosts: [],
    workload: { alncoStaffId: null, idpsToPrepare: 0, minutesPerIdp: 600, idpReviews: 0, minutesPerReview: 180 },
  };
}
