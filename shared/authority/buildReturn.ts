/**
 * Building a school's authority return from its year and costed figures (docs/authority-return.md): only
 * school-level figures, refused when a typed name would carry a learner's name or reference.
 * Runs anywhere (renderer, Node, tests): no I/O.
 */
import type { SchoolYear } from '../domain';
import type { CostedFigures } from '../engine';
import { OTHER_COSTS_KEY, UNSPECIFIED_AREA_KEY, incomeCountsIn } from '../engine';
import { academicFinancialYears } from '../calendar';
import { authorityName } from '../localAuthorities';
import { translatorFor } from '../i18n';
import { countsByStatus, publishedCount, type AuthorityReturn, type ReturnWelshNames } from './returnFormat';

/** A line or income name that would carry a learner's name or reference into the return. */
export class ReturnDisclosureError extends Error {
  constructor(
    message: string,
    readonly fields: string[],
  ) {
    super(message);
    this.name = 'ReturnDisclosureError';
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Names a person typed (line and income names) that contain a learner's full name or reference as whole
 * words. The return would otherwise carry them to the authority.
 */
export function learnerIdentifiersIn(year: SchoolYear): string[] {
  const needles = year.learners
    .flatMap((l) => [l.name.trim(), l.ref.trim()])
    .filter((s) => s.length >= 3)
    .map((s) => new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(s)}($|[^\\p{L}\\p{N}])`, 'iu'));
  const fields: string[] = [];
  const check = (text: string, field: string) => {
    if (needles.some((re) => re.test(text))) fields.push(field);
  };
  year.lines.forEach((l, i) => check(l.name, `lines.${i}.name (“${l.name}”)`));
  year.lines.forEach((l, i) => check(l.nameCy, `lines.${i}.nameCy (“${l.nameCy}”)`));
  year.income.forEach((l, i) => check(l.name, `income.${i}.name (“${l.name}”)`));
  year.income.forEach((l, i) => check(l.nameCy, `income.${i}.nameCy (“${l.nameCy}”)`));
  return fields;
}

/**
 * The return for a school year and its costed figures (from costSchoolYear). Copies only school-level
 * figures; throws ReturnDisclosureError when a line or income name contains a learner's name or
 * reference, naming the line to rename.
 */
export function buildAuthorityReturn(year: SchoolYear, costed: CostedFigures): AuthorityReturn {
  const disclosures = learnerIdentifiersIn(year);
  if (disclosures.length > 0) {
    throw new ReturnDisclosureError(
      `A return must not identify a learner, and ${disclosures.length === 1 ? 'this name contains' : 'these names contain'} a learner's name or reference: ${disclosures.join('; ')}. Rename ${disclosures.length === 1 ? 'it' : 'them'} and create the return again.`,
      disclosures,
    );
  }
  const tierById = new Map(year.tiers.map((t) => [t.id, t]));
  const areaById = new Map(year.areas.map((a) => [a.id, a]));
  const costedById = new Map(costed.lines.map((c) => [c.lineId, c]));
  const areaName = (id: string) => areaById.get(id)?.name ?? (id === UNSPECIFIED_AREA_KEY ? NO_AREA : id === OTHER_COSTS_KEY ? OTHER_COSTS_NO_AREA : id);

  const countOf = (status: string) => year.learners.filter((l) => l.alnStatus === status).length;
  const decisionsOverdue = costed.decisions.filter((d) => d.state === 'overdue').length;
  const financialYears = academicFinancialYears(year.calendar, year.school.academicYear);

  const s = year.school;
  const t = costed.totals;
  return {
    // Stamped by the writer when the .xlsx is made (backend/returns/returnWorkbook.ts).
    writtenAt: null,
    school: {
      name: s.name,
      nameCy: s.nameCy,
      localAuthority: authorityName(s, 'en'),
      localAuthorityCy: s.localAuthorityCode === '' ? s.localAuthorityCy : '',
      localAuthorityCode: s.localAuthorityCode,
      officialNumber: s.officialNumber,
      phase: s.phase,
      numberOnRoll: s.numberOnRoll,
      efsmBasisPoints: s.efsmBasisPoints,
      languageMedium: s.languageMedium,
      academicYear: s.academicYear,
      alpDefinitionSource: s.alpDefinitionSource,
      alpDefinitionSourceCy: s.alpDefinitionSourceCy,
      alpDefinitionDate: s.alpDefinitionDate,
    },
    // The income the figures count: a line for a financial year this school year does not run across counts in
    // neither year (docs/costing-rules.md, "Budget position"), so the lines sent add up to the income sent.
    income: year.income
      .filter((i) => incomeCountsIn(i.financialYear, financialYears))
      .map((i) => ({ kind: i.kind, name: i.name, amountPence: i.amountPence, financialYear: i.financialYear, endsOn: i.endsOn })),
    totals: {
      costPence: t.costPence,
      chargedPence: t.chargedPence,
      linesCostPence: t.linesCostPence,
      otherCostsPence: t.otherCostsPence,
      byTier: t.byTier.map((b) => {
        const tier = tierById.get(b.key);
        return {
          tierId: b.key,
          name: tier?.name ?? (b.key === OTHER_COSTS_KEY ? OTHER_COSTS_NO_TIER : b.key),
          isAlp: b.key === OTHER_COSTS_KEY ? null : (tier?.isAlp ?? false),
          costPence: b.costPence,
          chargedPence: b.chargedPence,
        };
      }),
      byAlp: t.byAlp.map((b) => ({ key: b.key, costPence: b.costPence, chargedPence: b.chargedPence })),
      byArea: t.byArea.map((b) => ({ areaId: b.key, name: areaName(b.key), costPence: b.costPence, chargedPence: b.chargedPence })),
      byFundingSource: t.byFundingSource.map((b) => ({ key: b.key, costPence: b.costPence, chargedPence: b.chargedPence })),
      financialYears: { years: [t.financialYears.years[0], t.financialYears.years[1]], pence: [t.financialYears.pence[0], t.financialYears.pence[1]] },
    },
    budget: {
      incomePence: costed.budget.incomePence,
      chargedPence: costed.budget.chargedPence,
      positionPence: costed.budget.positionPence,
      financialYears: costed.budget.financialYears.map((f) => ({ year: f.year, incomePence: f.incomePence, chargedPence: f.chargedPence, positionPence: f.positionPence })),
    },
    counts: countsByStatus({
      monitored: countOf('monitored'),
      idpPreparing: countOf('idp_preparing'),
      idpSchool: countOf('idp_school'),
      idpLa: countOf('idp_la'),
      decisionsDue: costed.decisions.length - decisionsOverdue,
      decisionsOverdue,
    }),
    lines: year.lines.map((line) => {
      const c = costedById.get(line.id);
      const tier = tierById.get(line.tierId);
      return {
        name: line.name,
        tierId: line.tierId,
        tierName: tier?.name ?? line.tierId,
        isAlp: tier?.isAlp ?? false,
        areas: [...new Set(line.areaIds)].map(areaName),
        deliveryLanguage: line.deliveryLanguage,
        welshMedium: line.deliveryLanguage !== 'english',
        fundingSource: line.fundingSource,
        contactMinutesPerWeek: c?.learnerMinutesPerWeek ?? 0,
        weeks: line.weeks,
        costPence: c?.costPence ?? 0,
        learners: publishedCount(c?.enrolledLearners ?? 0),
      };
    }),
    welshNames: welshNamesOf(year),
  };
}

/** The names the return gives the groups that are not the school's own tiers or areas, and their Welsh. */
const OTHER_COSTS_NO_TIER = 'Other costs (no tier)';
const OTHER_COSTS_NO_AREA = 'Other costs (no area)';
const NO_AREA = 'No area recorded';

/** The Welsh the school gave for each name it typed, keyed by the English the return carries; Mapio's own group names too. */
function welshNamesOf(year: SchoolYear): ReturnWelshNames {
  const t = translatorFor('cy');
  const given = (records: ReadonlyArray<{ name: string; nameCy: string }>): Record<string, string> =>
    Object.fromEntries(records.filter((r) => r.nameCy.trim() !== '' && r.nameCy !== r.name).map((r) => [r.name, r.nameCy]));
  return {
    tiers: { ...given(year.tiers), [OTHER_COSTS_NO_TIER]: t('budget.groupKey.other_costs') },
    areas: { ...given(year.areas), [OTHER_COSTS_NO_AREA]: t('budget.groupKey.other_costs'), [NO_AREA]: t('budget.groupKey.unspecified') },
    lines: given(year.lines),
    income: given(year.income),
  };
}
