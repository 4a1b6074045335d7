import { describe, expect, it } from 'vitest';
import { type AuthorityReturn } from './returnFormat';
import { buildAuthorityReturn } from './buildReturn';
import type { LanguageMedium, Phase, SchoolYear } from '../domain';
import { compareReturns, normaliseInterventionName, type ComparedReturn } from './comparison';
import { comparisonWords } from './comparisonWords';
import { createI18n } from '../i18n';
import { costSchoolYear } from '../engine';
import { enrolOn, incomeLine, interventionLine, learner, schoolYear, staffMember } from '../../test/support/schoolYearBuilder';

/**
 * A school with `alnLearners` learners with ALN (half with school IDPs, half decided with the IDP being
 * prepared) and as many again on the monitoring register (not ALN), and the lines given (each filled with 6 learners).
 */
function school(
  name: string,
  lines: Array<{ name: string; tierId: string; language?: 'welsh' | 'english' | 'bilingual' }>,
  options: { roll?: number; alnLearners?: number; income?: number } = {},
): SchoolYear {
  const aln = options.alnLearners ?? 10;
  const built = lines.map((l, i) => interventionLine({ id: i + 1, name: l.name, tierId: l.tierId, deliveryLanguage: l.language ?? 'english', weeks: 12 }));
  const learners = [
    ...Array.from({ length: aln }, (_, i) => learner({ id: i + 1, alnStatus: i % 2 === 0 ? 'idp_school' : 'idp_preparing' })),
    ...Array.from({ length: aln }, (_, i) => learner({ id: aln + i + 1, alnStatus: 'monitored' })),
  ];
  const enrolments = built.flatMap((line, li) => [0, 1, 2, 3, 4, 5].map((k) => enrolOn(line, li * 6 + k + 1, (k % aln) + 1)));
  return schoolYear({
    school: { ...schoolYear().school, name, numberOnRoll: options.roll ?? 200, localAuthority: 'Sir Prawf', alpDefinitionSource: 'Sir Prawf guidance 2025' },
    staff: [staffMember({ id: 1, hourlyCostPence: 1540 })],
    lines: built,
    learners,
    enrolments,
    income: [incomeLine({ id: 1, amountPence: options.income ?? 1_000_000 })],
  });
}

const compared = (year: SchoolYear, key = year.school.name): ComparedReturn => ({ schoolKey: key, ret: buildAuthorityReturn(year, costSchoolYear(year)) });

describe('normaliseInterventionName', () => {
  it('matches the variants schools write for the same intervention', () => {
    const n = normaliseInterventionName;
    expect(n('Precision Teaching (spelling)')).toBe('precision teaching');
    expect(n('precision-teaching')).toBe('precision teaching');
    expect(n('  PRECISION   teaching group ')).toBe('precision teaching');
    expect(n('ELSA sessions')).toBe('elsa');
    expect(n('Cymorth Llythrennedd: ŵyr & âl')).toBe('cymorth llythrennedd wyr and al');
    expect(n('1:1 reading')).toBe(n('One-to-one reading'));
    expect(n('Group')).toBe('group');
    expect(n('Lego therapy')).not.toBe(n('Lego based therapy'));
  });
});

describe('compareReturns: each school’s figures', () => {
  it('gives every share with its numerator, denominator and what it is a share of', () => {
    const year = school(
      'Ysgol A',
      [
        { name: 'ELSA', tierId: 'alp', language: 'welsh' },
        { name: 'Phonics', tierId: 'targeted' },
      ],
      { roll: 300, alnLearners: 40, income: 1_000_000 },
    );
    const costed = costSchoolYear(year);
    const [row] = compareReturns([compared(year)]).schools;
    // Each line: £15.40 × 30/60 × 3 × 12 = £277.20
    expect(row?.committedPence).toBe(55_440);
    expect(row?.committedPence).toBe(costed.totals.chargedPence);
    expect(row?.alnBudgetPence).toBe(1_000_000);
    expect(row?.budgetPositionPence).toBe(1_000_000 - 55_440);
    expect(row?.spendPerLearnerWithAlnPence).toBe(1386); // 55 440 ÷ 40
    expect(row?.spendPerLearnerWithAlnPence).toBe(costed.totals.chargedPerLearnerWithAlnPence);
    expect(row?.spendPerPupilPence).toBe(185); // 55 440 ÷ 300 = 184.8 → 185
    expect(row?.alnShareOfRoll).toEqual({ numerator: 40, denominator: 300, of: 'pupils_on_roll', basisPoints: 1333 });
    expect(row?.idpShareOfAln).toEqual({ numerator: 20, denominator: 40, of: 'learners_with_aln', basisPoints: 5000 });
    expect(row?.alpShareOfLineCost).toEqual({ numerator: 27_720, denominator: 55_440, of: 'line_cost', basisPoints: 5000 });
    expect(row?.welshMediumShareOfAlpCost?.basisPoints).toBe(10_000);
    expect(comparisonWords(createI18n('en').t, 'en').share(row!.alnShareOfRoll)).toBe('13.33% of pupils on roll (40 of 300)');
    expect(comparisonWords(createI18n('cy').t, 'cy').share(row!.alnShareOfRoll)).toBe('13.33% o ddisgyblion ar y gofrestr (40 o 300)');
    expect(row?.context).toMatchObject({ numberOnRoll: 300, languageMedium: 'english', alpDefinitionSource: 'Sir Prawf guidance 2025', learnersWithAln: { value: 40, suppressed: false } });
  });

  it('names each measure’s denominator standing alone, in Welsh unmutated (the share’s words follow “o” and are mutated)', () => {
    const made = (lang: 'en' | 'cy') =>
      (['pupils_on_roll', 'learners_with_aln', 'line_cost', 'alp_cost'] as const).map((of) => comparisonWords(createI18n(lang).t, lang).measureMade('alnShareOfRoll', of));
    expect(made('cy')).toEqual(['Enwadur: disgyblion ar y gofrestr.', 'Enwadur: dysgwyr ag ADY.', 'Enwadur: cost llinellau ymyrraeth.', 'Enwadur: cost llinellau DDY.']);
    expect(made('en')).toEqual(['Denominator: pupils on roll.', 'Denominator: learners with ALN.', 'Denominator: the cost of intervention lines.', 'Denominator: the cost of ALP lines.']);
    // The share's words carry "o", mutated after it, and "o’r" before the published allocation (of the
    // allocation, as in English), never "o ddyraniad" (of an allocation).
    const words = comparisonWords(createI18n('cy').t, 'cy');
    expect(words.shareOf('pupils_on_roll')).toBe('o ddisgyblion ar y gofrestr');
    expect(words.share({ basisPoints: 2500, of: 'published_allocation', numerator: 100_00, denominator: 400_00 })).toMatch(/^25\.00% o’r dyraniad a gyhoeddwyd \(/);
  });

  it('leaves out per-learner figures when the count of learners with ALN is withheld, and says why', () => {
    const year = school('Ysgol Fach', [{ name: 'ELSA', tierId: 'alp' }], { roll: 60, alnLearners: 3 });
    const [row] = compareReturns([compared(year)]).schools;
    expect(row?.spendPerLearnerWithAlnPence).toBeNull();
    expect(row?.alnShareOfRoll).toBeNull();
    expect(row?.committedPence).toBe(27_720); // money is never hidden
    expect(row?.notes).toContain('aln_withheld');
    expect(comparisonWords(createI18n('cy').t, 'cy').note('aln_withheld')).toMatch(/wedi’u dal yn ôl/);
  });
});

describe('compareReturns: the authority’s lists', () => {
  const numbered = (name: string, officialNumber: string) => {
    const year = school(name, [{ name: 'ELSA', tierId: 'alp' }]);
    year.school.officialNumber = officialNumber;
    return compared(year);
  };
  const returns = [numbered('Ysgol A', '6601001'), numbered('Ysgol B', '6601002')];

  it('counts no list when none was imported, and knows no school not to have returned', () => {
    // Both schools have official numbers: they are not a list of the authority's.
    expect(compareReturns(returns)).toMatchObject({ listedSchools: null, notReturned: [] });
    expect(compareReturns(returns, {}, { listedSchools: [] })).toMatchObject({ listedSchools: null, notReturned: [] });
  });

  it('totals no published allocation when none was imported or entered, and counts the schools a total covers', () => {
    expect(compareReturns(returns).totals).toMatchObject({ publishedAllocationPence: null, schoolsWithPublishedAllocation: 0 });
    const [a, b] = returns as [ComparedReturn, ComparedReturn];
    expect(compareReturns([{ ...a, publishedAllocationPence: 2_000_000 }, b]).totals).toMatchObject({ publishedAllocationPence: 2_000_000, schoolsWithPublishedAllocation: 1 });
    // An allocation of £0 is one the authority published.
    expect(
      compareReturns([
        { ...a, publishedAllocationPence: 2_000_000 },
        { ...b, publishedAllocationPence: 0 },
      ]).totals,
    ).toMatchObject({ publishedAllocationPence: 2_000_000, schoolsWithPublishedAllocation: 2 });
    const totals = compareReturns([{ ...a, publishedAllocationPence: 2_000_000 }, b]).totals;
    expect(comparisonWords(createI18n('en').t, 'en').publishedLabel(totals)).toBe('Published allocations (only the schools with one: 1 of 2)');
    expect(comparisonWords(createI18n('cy').t, 'cy').publishedLabel({ ...totals, schoolsWithPublishedAllocation: 2 })).toBe('Dyraniadau a gyhoeddwyd');
  });

  it('counts the schools on the list, whether or not they returned', () => {
    const listed = ['6601001', '6601003', '6601004'].map((officialNumber) => ({ officialNumber, name: officialNumber, nameCy: '', phase: 'primary' as const, languageMedium: 'english' as const }));
    const comparison = compareReturns(returns, {}, { listedSchools: listed });
    expect(comparison.listedSchools).toBe(3);
    expect(comparison.notReturned.map((s) => s.officialNumber)).toEqual(['6601003', '6601004']);
  });
});

describe('compareReturns: medians and outliers', () => {
  const base = compared(school('Base', [{ name: 'ELSA', tierId: 'alp' }]));
  const withIncome = (name: string, incomePence: number): ComparedReturn => {
    const ret: AuthorityReturn = structuredClone(base.ret);
    ret.school.name = name;
    ret.budget.incomePence = incomePence;
    ret.budget.positionPence = incomePence - ret.budget.chargedPence;
    return { schoolKey: name, ret };
  };
  /** A school of 100 pupils whose committed spend is `perPupilPence` a pupil. */
  const withSpend = (name: string, perPupilPence: number, phase: Phase = 'primary', medium: LanguageMedium = 'english'): ComparedReturn => {
    const ret: AuthorityReturn = structuredClone(base.ret);
    Object.assign(ret.school, { name, phase, languageMedium: medium, numberOnRoll: 100 });
    ret.totals.chargedPence = perPupilPence * 100;
    return { schoolKey: name, ret };
  };

  it('finds the authority median of every measure, and flags per-pupil figures beyond the fences of the phase as questions, in the order the schools were given', () => {
    const schools = [withSpend('F', 100_000), withSpend('A', 1_000_000), withSpend('C', 11_000), withSpend('B', 10_000), withSpend('E', 14_000), withSpend('D', 12_000), withSpend('G', 13_000)];
    const comparison = compareReturns(schools);
    const perPupil = comparison.phaseMeasures.find((m) => m.measure.key === 'spendPerPupilPence' && m.phase === 'primary');
    // sorted: 10 000, 11 000, 12 000, 13 000, 14 000, 100 000, 1 000 000 → median 13 000; Q1 = 11 000, Q3 = 100 000
    expect(perPupil).toMatchObject({ schools: 7, median: 13_000, lowerQuartile: 11_000, upperQuartile: 100_000, minimumForFences: 4 });
    expect(perPupil?.upperFence).toBe(100_000 + 133_500);
    expect(comparison.measures.find((m) => m.measure.key === 'spendPerPupilPence')?.median).toBe(13_000);
    const flagged = comparison.outliers.filter((o) => o.measure === 'spendPerPupilPence');
    expect(flagged.map((o) => [o.schoolName, o.direction, o.phase])).toEqual([['A', 'above', 'primary']]);
    // Worded at the edge, in either language, with the school's context
    const row = comparison.schools.find((s) => s.schoolKey === 'A');
    const en = comparisonWords(createI18n('en').t, 'en');
    expect(en.question(flagged[0]!, row)).toMatch(/^Committed spend per pupil on roll at A is £10,000\.00, well above the median of primary schools \(£130\.00\)\. What lies behind it\?/);
    expect(en.question(flagged[0]!, row)).toMatch(/100 on roll/);
    const cy = comparisonWords(createI18n('cy').t, 'cy');
    expect(cy.question(flagged[0]!, row)).toMatch(
      /^Gwariant ymrwymedig fesul disgybl ar y gofrestr yn A: £10,000\.00, ymhell uwchlaw canolrif ysgolion cynradd, sef £130\.00\. Beth sydd y tu ôl i hyn\?/,
    );
    expect(comparison.schools.map((s) => s.context.name)).toEqual(['F', 'A', 'C', 'B', 'E', 'D', 'G']);
    expect(en.rule()).toMatch(/Q1 − 1\.5 × IQR/);
  });

  it('never flags absolute spend, and never compares a school with schools of another phase', () => {
    const schools = [withIncome('A', 101), withIncome('B', 102), withIncome('C', 103), withIncome('D', 104), withIncome('E', 900_000)];
    expect(compareReturns(schools).outliers.filter((o) => o.measure === 'alnBudgetPence' || o.measure === 'committedPence')).toEqual([]);
    // A secondary spending ten times the primaries' per pupil is not an outlier among primaries.
    const mixed = compareReturns([withSpend('P1', 100), withSpend('P2', 110), withSpend('P3', 120), withSpend('P4', 130), withSpend('S1', 1_300, 'secondary')]);
    expect(mixed.outliers).toEqual([]);
  });

  it('says why a phase with too few schools has no fences: the count and the minimum', () => {
    const comparison = compareReturns([withSpend('P1', 100), withSpend('P2', 110), withSpend('P3', 120), withSpend('P4', 130), withSpend('S1', 100, 'secondary'), withSpend('S2', 9_000, 'secondary')]);
    const secondary = comparison.phaseMeasures.find((m) => m.measure.key === 'spendPerPupilPence' && m.phase === 'secondary');
    expect(secondary).toMatchObject({ schools: 2, lowerFence: null, upperFence: null, minimumForFences: 4 });
    expect(comparison.outliers.filter((o) => o.phase === 'secondary')).toEqual([]);
    expect(comparisonWords(createI18n('en').t, 'en').tooFew(secondary!)).toBe(
      'Outliers in “Committed spend per pupil on roll” among secondary schools are not looked for: schools with a figure: 2; the fences need at least 4.',
    );
    expect(comparisonWords(createI18n('cy').t, 'cy').tooFew(secondary!)).toMatch(/ymhlith ysgolion uwchradd: ysgolion gyda ffigur: 2; mae angen o leiaf 4 ar y ffensys/);
  });

  it('rounds an even median half away from zero, and needs 4 schools before calling anything an outlier', () => {
    const comparison = compareReturns([withSpend('A', 101), withSpend('B', 102), withSpend('C', 900_000)]);
    const perPupil = comparison.phaseMeasures.find((m) => m.measure.key === 'spendPerPupilPence');
    expect(perPupil?.median).toBe(102);
    expect(perPupil?.upperFence).toBeNull();
    expect(comparison.outliers).toEqual([]);
    const two = compareReturns([withIncome('A', 101), withIncome('B', 102)]).measures.find((m) => m.measure.key === 'alnBudgetPence');
    expect(two?.median).toBe(102); // 101.5 → 102
  });
});

describe('compareReturns: classification differences', () => {
  const schools = [
    compared(
      school('Ysgol 1', [
        { name: 'ELSA', tierId: 'alp' },
        { name: 'Precision teaching', tierId: 'alp' },
        { name: 'Lego therapy', tierId: 'targeted' },
      ]),
    ),
    compared(
      school('Ysgol 2', [
        { name: 'ELSA sessions', tierId: 'targeted' },
        { name: 'Precision Teaching (spelling)', tierId: 'targeted' },
        { name: 'LEGO-based therapy', tierId: 'alp' },
      ]),
    ),
    compared(
      school('Ysgol 3', [
        { name: 'E.L.S.A.', tierId: 'targeted' },
        { name: 'precision-teaching', tierId: 'targeted' },
      ]),
    ),
  ];

  it('lists interventions classed ALP at some schools and not at others, with schools, learners and cost on each side', () => {
    const { classificationDifferences } = compareReturns(schools);
    const precision = classificationDifferences.find((g) => g.matchKey === 'precision teaching');
    expect(precision?.variants.sort()).toEqual(['Precision Teaching (spelling)', 'Precision teaching', 'precision-teaching']);
    expect(precision?.alp).toMatchObject({ schoolCount: 1, learners: { known: 6, linesWithFewerThan5: 0 }, costPence: 27_720 });
    expect(precision?.notAlp).toMatchObject({ schoolCount: 2, learners: { known: 12, linesWithFewerThan5: 0 }, costPence: 55_440 });
    expect(precision?.notAlp.schools.map((s) => [s.schoolName, s.tierNames])).toEqual([
      ['Ysgol 2', ['Targeted']],
      ['Ysgol 3', ['Targeted']],
    ]);
    // "E.L.S.A." normalises to "e l s a", not "elsa": without a mapping it is a different intervention.
    const elsa = classificationDifferences.find((g) => g.matchKey === 'elsa');
    expect(elsa?.alp.schoolCount).toBe(1);
    expect(elsa?.notAlp.schoolCount).toBe(1);
    // Lego therapy and LEGO-based therapy are different names: no difference until the officer says they are the same.
    expect(classificationDifferences.some((g) => g.matchKey.includes('lego'))).toBe(false);
  });

  it('applies the officer’s mapping', () => {
    const mapping = { 'e l s a': 'ELSA', 'lego based therapy': 'Lego therapy' };
    const { classificationDifferences, interventions } = compareReturns(schools, mapping);
    const elsa = classificationDifferences.find((g) => g.matchKey === 'elsa');
    expect(elsa?.displayName).toBe('ELSA');
    expect(elsa?.normalisedNames).toEqual(['e l s a', 'elsa']);
    expect(elsa?.notAlp.schoolCount).toBe(2);
    const lego = classificationDifferences.find((g) => g.matchKey === 'lego therapy');
    expect(lego).toMatchObject({ displayName: 'Lego therapy', mapped: true, alp: { schoolCount: 1 }, notAlp: { schoolCount: 1 } });
    expect(interventions.length).toBe(3);
  });

  it('names the intervention and each school’s tiers in Welsh for a Welsh reader: the Welsh most lines carry, a tie going to the school whose key sorts first', () => {
    const withWelsh = (key: string, lineCy: string[], tierId: string) => {
      const year = school(
        `Ysgol ${key}`,
        lineCy.map((_, i) => ({ name: i === 0 ? 'Precision teaching' : `Precision teaching (${i})`, tierId })),
      );
      year.lines = year.lines.map((l, i) => ({ ...l, nameCy: lineCy[i] as string }));
      return compared(year, key);
    };
    // Given out of key order: "b" before "a", each giving its own Welsh once, and "c" giving none.
    const tied = compareReturns([withWelsh('b', ['Addysgu manwl gywir'], 'alp'), withWelsh('a', ['Addysgu manwl'], 'targeted'), withWelsh('c', [''], 'targeted')]);
    const group = tied.classificationDifferences.find((g) => g.matchKey === 'precision teaching')!;
    expect(group.displayName).toBe('Precision teaching');
    expect(group.displayNameCy).toBe('Addysgu manwl');
    const cy = comparisonWords(createI18n('cy').t, 'cy');
    const en = comparisonWords(createI18n('en').t, 'en');
    expect(cy.intervention(group)).toBe('Addysgu manwl');
    expect(en.intervention(group)).toBe('Precision teaching');
    expect(group.notAlp.schools.map((s) => [cy.tiers(s), en.tiers(s)])).toEqual([
      ['Wedi’i thargedu', 'Targeted'],
      ['Wedi’i thargedu', 'Targeted'],
    ]);
    expect(cy.tiers(group.alp.schools[0]!)).toBe('DDY');
    // The names the schools wrote: for a Welsh reader the Welsh each gave, and the English where a school gave none.
    expect(cy.variants(group)).toEqual(['Addysgu manwl', 'Addysgu manwl gywir', 'Precision teaching']);
    expect(en.variants(group)).toEqual(['Precision teaching']);
    // More lines carrying a name outweigh the key: "b" gives its Welsh on two lines.
    const most = compareReturns([withWelsh('b', ['Addysgu manwl gywir', 'Addysgu manwl gywir'], 'alp'), withWelsh('a', ['Addysgu manwl'], 'targeted')]);
    expect(most.classificationDifferences.find((g) => g.matchKey === 'precision teaching')?.displayNameCy).toBe('Addysgu manwl gywir');
    // No Welsh given: the Welsh reader reads the English.
    const none = compareReturns([withWelsh('b', [''], 'alp'), withWelsh('a', [''], 'targeted')]);
    const english = none.classificationDifferences.find((g) => g.matchKey === 'precision teaching')!;
    expect(english.displayNameCy).toBe('');
    expect(cy.intervention(english)).toBe('Precision teaching');
  });
});
