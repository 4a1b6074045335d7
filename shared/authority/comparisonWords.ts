/**
 * The authority comparison in words, in the reader's language: why a figure is not shown, what a share is
 * a share of, the outlier rule, and each outlier as a question with the school's context. The comparison
 * itself (comparison.ts) carries only codes and numbers; the screen, the workbook and the CLI word them here.
 * The school's own words (its name, whose ALP definition it applied) are read in the reader's language as
 * everywhere else (docs/welsh.md): the Welsh the school gave, for a Welsh reader, and the English where it gave none.
 */
import type { TFunction } from 'i18next';
import type { Lang } from '../i18n';
import { inLanguage } from '../i18n/schoolWords';
import { countInWords } from './countWords';
import {
  formatMeasure,
  MIN_SCHOOLS_FOR_OUTLIERS,
  type AuthorityTotals,
  type ClassificationSide,
  type ComparisonNote,
  type InterventionGroup,
  type MeasureKey,
  type Outlier,
  type PhaseMeasureSummary,
  type SchoolComparisonRow,
  type SchoolContext,
  type Share,
  type ShareOf,
} from './comparison';

export interface ComparisonWords {
  note(code: ComparisonNote): string;
  shareOf(of: ShareOf): string;
  /** "18.34% of pupils on roll (57 of 311)"; "not shown" when there is no share. */
  share(share: Share | null): string;
  measure(key: MeasureKey): string;
  /** How a measure is made: what it is divided by, or that it is an amount of money. */
  measureMade(key: MeasureKey, denominator: ShareOf | null): string;
  rule(): string;
  /** An outlier as a question to ask, with the school's context. */
  question(outlier: Outlier, row: SchoolComparisonRow | undefined): string;
  /** Why no outliers were looked for in a measure among a phase's schools: the count and the minimum. */
  tooFew(summary: PhaseMeasureSummary): string;
  /**
   * Where no school is an outlier, what was looked at: every measure; only the measures that had fences (the
   * others are listed as not looked for); or none at all, with why (too few schools with a figure).
   */
  noOutliers(phaseMeasures: readonly PhaseMeasureSummary[]): string;
  /** The school's context in one phrase: phase, medium, roll, eFSM, learners with ALN, ALP definition. */
  context(row: SchoolComparisonRow): string;
  /** Whose ALP definition the school applied, in the reader's language; "not stated" when the school left it blank. */
  definition(context: SchoolContext): string;
  /** The intervention's name in the reader's language: the Welsh the schools gave it, for a Welsh reader (else the English). */
  intervention(group: InterventionGroup): string;
  /** The names the schools wrote for it, most used first: for a Welsh reader each line's Welsh name where the school gave one. */
  variants(group: InterventionGroup): string[];
  /** The tiers a school classed an intervention in, each named in the reader's language as its own return gives it, joined by ", ". */
  tiers(school: ClassificationSide['schools'][number]): string;
  /** The label of the authority's total of published allocations: said to cover only the schools with one, where some have none. */
  publishedLabel(totals: AuthorityTotals): string;
}

/** The school's name as a reader of `lang` reads it: the Welsh it gave, for a Welsh reader, else the English. */
export function shownSchoolName(context: Pick<SchoolContext, 'name' | 'nameCy'>, lang: Lang): string {
  return inLanguage(context.name, context.nameCy, lang);
}

/**
 * Schools in the order of the names their reader reads (numbers in names in numeric order): by the English
 * names for an English reader, and for a Welsh reader by the names shown, in Welsh alphabetical order
 * (ch after c, dd after d, ll after l). Only the order rows are shown in: keys and matching stay on the English.
 */
export function byShownSchoolName(lang: Lang): (a: Pick<SchoolContext, 'name' | 'nameCy'>, b: Pick<SchoolContext, 'name' | 'nameCy'>) => number {
  const locale = lang === 'cy' ? 'cy' : 'en-GB';
  return (a, b) => shownSchoolName(a, lang).localeCompare(shownSchoolName(b, lang), locale, { numeric: true });
}

export function comparisonWords(t: TFunction, lang: Lang): ComparisonWords {
  const value = (unit: 'pence' | 'basis_points', v: number) => formatMeasure(unit, v);
  const words: ComparisonWords = {
    note: (code) => t(`authority.notes.${code}`),
    shareOf: (of) => t(`authority.shareOf.${of}`),
    share(s) {
      if (!s || s.basisPoints === null) return t('authority.notShown');
      const money = s.of === 'line_cost' || s.of === 'alp_cost' || s.of === 'published_allocation';
      const fraction = money
        ? t('authority.fractionMoney', { numerator: value('pence', s.numerator), denominator: value('pence', s.denominator) })
        : t('authority.fraction', { numerator: s.numerator, denominator: s.denominator });
      return t('authority.shareText', { percent: value('basis_points', s.basisPoints), of: words.shareOf(s.of), fraction });
    },
    measure: (key) => t(`authority.measure.${key}`),
    // The denominator stands alone after "Denominator:" / "Enwadur:": its own words, not shareOf's (which
    // follow "of", and in Welsh are soft-mutated after "o").
    measureMade: (key, denominator) => (denominator ? t('authority.measureDenominator', { of: t(`authority.denominatorOf.${denominator}`) }) : t('authority.measureMoney')),
    rule: () => t('authority.outliers.rule'),
    tooFew: (m) =>
      t('authority.outliers.phaseTooFew', { measure: words.measure(m.measure.key), phaseSchools: t(`authority.outliers.phaseSchools.${m.phase}`), schools: m.schools, minimum: m.minimumForFences }),
    noOutliers(phaseMeasures) {
      const checked = phaseMeasures.filter((m) => m.lowerFence !== null).length;
      if (checked === 0) return t('authority.outliers.noneLookedFor', { minimum: MIN_SCHOOLS_FOR_OUTLIERS });
      return checked < phaseMeasures.length ? t('authority.outliers.noneOnMeasuresChecked') : t('authority.outliers.none');
    },
    context(row) {
      const c = row.context;
      return t('authority.outliers.context', {
        phase: t(`authority.phase.${c.phase}`),
        medium: t(`authority.medium.${c.languageMedium}`),
        roll: c.numberOnRoll,
        efsm: c.efsmBasisPoints === null ? t('authority.outliers.efsmNotGiven') : value('basis_points', c.efsmBasisPoints),
        aln: countInWords(t, c.learnersWithAln),
        definition: words.definition(c),
      });
    },
    definition: (c) => inLanguage(c.alpDefinitionSource, c.alpDefinitionSourceCy, lang) || t('authority.outliers.notStated'),
    intervention: (g) => inLanguage(g.displayName, g.displayNameCy, lang),
    variants: (g) => (lang === 'cy' ? g.variantsCy : g.variants),
    tiers: (s) => s.tierNames.map((name, i) => inLanguage(name, s.tierNamesCy[i] ?? '', lang)).join(', '),
    publishedLabel: (totals) => {
      const some = totals.schoolsWithPublishedAllocation;
      return some > 0 && some < totals.schools ? t('compareBook.block.publishedSome', { withAllocation: some, schools: totals.schools }) : t('compareBook.block.published');
    },
    question(o, row) {
      return t(`authority.outliers.question.${o.direction}`, {
        measure: words.measure(o.measure),
        school: inLanguage(o.schoolName, o.schoolNameCy, lang),
        value: value(o.unit, o.value),
        median: value(o.unit, o.median),
        phaseSchools: t(`authority.outliers.phaseSchools.${o.phase}`),
        context: row ? words.context(row) : '',
      });
    },
  };
  return words;
}
