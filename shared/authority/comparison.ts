/**
 * The authority's comparison of its schools' returns: pure, no I/O.
 *
 * Context, not league tables (docs/authority-return.md): every school's figures travel with its roll, eFSM share,
 * language medium, ALN and IDP counts and the ALP definition it applied; every share names its
 * denominator; outliers are questions to ask, never a ranking (rows keep the order they were given).
 *
 * Numbers: money is integer pence; a share is kept as its exact fraction (numerator / denominator) and
 * also given in basis points rounded half away from zero, for display and sorting only. A median of an
 * even number of values is the mean of the middle two, rounded half away from zero (to the penny, or to
 * the basis point).
 *
 * Outlier rule (Tukey's fences): a value is an outlier when it lies below Q1 − 1.5 × IQR or above
 * Q3 + 1.5 × IQR, where Q1 and Q3 are the medians of the lower and upper halves of the schools' values
 * (the middle value left out when the count is odd) and IQR = Q3 − Q1. Computed exactly in integers.
 * Needs at least 4 schools with a value for that measure.
 *
 * Classification differences: lines are matched across schools by a normalised name
 * (`normaliseInterventionName`), after the officer's mapping (normalised name → canonical name) is
 * applied. An intervention classed as ALP at some schools and not ALP at others is listed with the
 * schools, learners and cost on each side.
 */
import type { LanguageMedium, Pence, Phase } from '../domain';
import type { AuthorityReturn, ReturnCount } from './returnFormat';
import { divideRounded, divideRoundedToNumber, toSafeInteger } from '../money';

export const MIN_SCHOOLS_FOR_OUTLIERS = 4;

/** What a share is a share of (words at the edge: shared/authority/comparisonWords.ts). */
export type ShareOf = 'pupils_on_roll' | 'learners_with_aln' | 'line_cost' | 'alp_cost';

/** Why a school's figure is not shown. */
export type ComparisonNote = 'matched_by_name' | 'aln_withheld' | 'no_aln' | 'idps_withheld' | 'roll_zero' | 'no_line_cost' | 'no_alp';

/** One school's return as the comparison sees it. */
export interface ComparedReturn {
  /** Stable key for the school within the authority file. */
  schoolKey: string;
  ret: AuthorityReturn;
  /** The school's published (Section 52) ALN allocation for the year, where the officer entered it. */
  publishedAllocationPence?: Pence | null;
  fileName?: string;
  importedOn?: string;
  /** The files of earlier returns a newer one replaced, oldest first (the school's history). */
  replacedFiles?: string[];
}

/** A share with its exact fraction and what it is a share of. */
export interface Share {
  numerator: number;
  denominator: number;
  of: ShareOf;
  /** numerator ÷ denominator in basis points (1834 = 18.34%), rounded half away from zero; null when the denominator is 0. */
  basisPoints: number | null;
}

export const MEASURES = [
  'alnShareOfRoll',
  'idpShareOfAln',
  'alnBudgetPence',
  'committedPence',
  'budgetPositionPence',
  'spendPerLearnerWithAlnPence',
  'spendPerPupilPence',
  'alpShareOfLineCost',
  'welshMediumShareOfAlpCost',
] as const;
export type MeasureKey = (typeof MEASURES)[number];

export interface MeasureInfo {
  key: MeasureKey;
  unit: 'pence' | 'basis_points';
  /** For shares: what it is a share of. For money per head: what it is divided by. */
  denominator: ShareOf | null;
}

export const MEASURE_INFO: Record<MeasureKey, MeasureInfo> = {
  alnShareOfRoll: { key: 'alnShareOfRoll', unit: 'basis_points', denominator: 'pupils_on_roll' },
  idpShareOfAln: { key: 'idpShareOfAln', unit: 'basis_points', denominator: 'learners_with_aln' },
  alnBudgetPence: { key: 'alnBudgetPence', unit: 'pence', denominator: null },
  committedPence: { key: 'committedPence', unit: 'pence', denominator: null },
  budgetPositionPence: { key: 'budgetPositionPence', unit: 'pence', denominator: null },
  spendPerLearnerWithAlnPence: { key: 'spendPerLearnerWithAlnPence', unit: 'pence', denominator: 'learners_with_aln' },
  spendPerPupilPence: { key: 'spendPerPupilPence', unit: 'pence', denominator: 'pupils_on_roll' },
  alpShareOfLineCost: { key: 'alpShareOfLineCost', unit: 'basis_points', denominator: 'line_cost' },
  welshMediumShareOfAlpCost: { key: 'welshMediumShareOfAlpCost', unit: 'basis_points', denominator: 'alp_cost' },
};

export interface SchoolContext {
  name: string;
  /** The official school number (7 digits) that matches its returns; empty when the return carries none. */
  officialNumber: string;
  localAuthority: string;
  phase: Phase;
  academicYear: string;
  numberOnRoll: number;
  efsmBasisPoints: number | null;
  languageMedium: LanguageMedium;
  learnersWithAln: ReturnCount;
  idps: ReturnCount;
  idpsSchoolMaintained: ReturnCount;
  idpsLaMaintained: ReturnCount;
  alpDefinitionSource: string;
  alpDefinitionDate: string | null;
}

export interface SchoolComparisonRow {
  schoolKey: string;
  fileName: string | null;
  importedOn: string | null;
  /** The files of earlier returns this one replaced, oldest first. */
  replacedFiles: string[];
  context: SchoolContext;
  alnShareOfRoll: Share | null;
  idpShareOfAln: Share | null;
  alnBudgetPence: Pence;
  committedPence: Pence;
  /** All costs, whoever pays (core budget, authority, health board included). */
  totalCostPence: Pence;
  budgetPositionPence: Pence;
  /** Committed ÷ learners with ALN, rounded to the penny; null when that count is withheld or 0. */
  spendPerLearnerWithAlnPence: Pence | null;
  /** Committed ÷ pupils on roll; null when the roll is 0. */
  spendPerPupilPence: Pence | null;
  alpShareOfLineCost: Share | null;
  notAlpShareOfLineCost: Share | null;
  welshMediumShareOfAlpCost: Share | null;
  alpCostPence: Pence;
  notAlpCostPence: Pence;
  welshMediumAlpCostPence: Pence;
  publishedAllocationPence: Pence | null;
  /** Why a figure is missing (worded at the edge). */
  notes: ComparisonNote[];
}

export interface MeasureSummary {
  measure: MeasureInfo;
  /** Schools with a value for the measure. */
  schools: number;
  /** null when no school has a value. */
  median: number | null;
  lowerQuartile: number | null;
  upperQuartile: number | null;
  /** The fences, rounded outward to whole units; null when fewer than MIN_SCHOOLS_FOR_OUTLIERS schools have a value. */
  lowerFence: number | null;
  upperFence: number | null;
}

export interface Outlier {
  schoolKey: string;
  schoolName: string;
  measure: MeasureKey;
  unit: 'pence' | 'basis_points';
  value: number;
  median: number;
  direction: 'above' | 'below';
}

export interface ClassificationSide {
  schools: Array<{ schoolKey: string; schoolName: string; tierNames: string[]; lines: number; learners: LearnerTally; costPence: Pence }>;
  schoolCount: number;
  learners: LearnerTally;
  costPence: Pence;
}

/** Learners summed over lines: the published counts, plus how many lines had "fewer than 5" (withheld). */
export interface LearnerTally {
  known: number;
  linesWithFewerThan5: number;
}

export interface InterventionGroup {
  /** The key lines are matched on (the canonical name's normalised form when the officer mapped it). */
  matchKey: string;
  /** The officer's canonical name, or the most common name used by schools. */
  displayName: string;
  /** Every normalised name feeding this group (what setMapping takes). */
  normalisedNames: string[];
  /** The names schools wrote, as written. */
  variants: string[];
  mapped: boolean;
  alp: ClassificationSide;
  notAlp: ClassificationSide;
  /** True when classed ALP at some schools and not ALP at others. */
  classedDifferently: boolean;
}

export interface AuthorityComparison {
  schools: SchoolComparisonRow[];
  measures: MeasureSummary[];
  /** Each a question for the officer to ask, worded at the edge with the school's context (comparisonWords.ts). */
  outliers: Outlier[];
  /** Interventions classed ALP at some schools and not ALP at others, most schools first. */
  classificationDifferences: InterventionGroup[];
  /** Every intervention, for the officer's mapping screen. */
  interventions: InterventionGroup[];
  mapping: Record<string, string>;
}

// ---------------------------------------------------------------------------------------------------
// Names

/** Generic trailing words that do not change what an intervention is ("ELSA sessions" = "ELSA"). */
const TRAILING_GENERIC = new Set(['group', 'groups', 'session', 'sessions', 'intervention', 'interventions', 'programme', 'program']);

/**
 * The name lines are matched on: lower case, diacritics removed (ŵ → w), bracketed qualifiers removed
 * ("Precision Teaching (spelling)" → "precision teaching"), "&" → "and", 1:1 / one-to-one → "1 to 1",
 * punctuation and hyphens → spaces, spaces collapsed, and a trailing generic word (group, sessions,
 * intervention, programme) dropped.
 */
export function normaliseInterventionName(name: string): string {
  let s = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  s = s.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
  s = s.replace(/&/g, ' and ');
  s = s.replace(/\b(?:1\s*[:\-/]\s*1|one[\s-]+to[\s-]+one)\b/g, ' 1 to 1 ');
  s = s
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
  const words = s.split(' ');
  while (words.length > 1 && TRAILING_GENERIC.has(words[words.length - 1] as string)) words.pop();
  return words.join(' ');
}

// ---------------------------------------------------------------------------------------------------
// Figures

function share(numerator: number, denominator: number, of: ShareOf): Share {
  return { numerator, denominator, of, basisPoints: denominator > 0 ? divideRoundedToNumber(BigInt(numerator) * 10_000n, denominator) : null };
}

function schoolRow(input: ComparedReturn): SchoolComparisonRow {
  const r = input.ret;
  const s = r.school;
  const notes: ComparisonNote[] = [];
  const aln = r.counts.learnersWithAln.value;
  const idps = r.counts.idps.value;
  const roll = s.numberOnRoll;
  const alpCost = r.totals.byAlp.find((b) => b.key === 'alp')?.costPence ?? 0;
  const notAlpCost = r.totals.byAlp.find((b) => b.key === 'not_alp')?.costPence ?? 0;
  const linesCost = alpCost + notAlpCost;
  const welshAlp = r.lines.filter((l) => l.isAlp && l.welshMedium).reduce((a, l) => a + l.costPence, 0);

  if (!/^\d{7}$/.test(s.officialNumber)) notes.push('matched_by_name');
  if (aln === null) notes.push('aln_withheld');
  else if (aln === 0) notes.push('no_aln');
  if (idps === null && aln !== null) notes.push('idps_withheld');
  if (roll === 0) notes.push('roll_zero');
  if (linesCost === 0) notes.push('no_line_cost');
  if (alpCost === 0 && linesCost > 0) notes.push('no_alp');

  return {
    schoolKey: input.schoolKey,
    fileName: input.fileName ?? null,
    importedOn: input.importedOn ?? null,
    replacedFiles: input.replacedFiles ?? [],
    context: {
      officialNumber: s.officialNumber,
      name: s.name,
      localAuthority: s.localAuthority,
      phase: s.phase,
      academicYear: s.academicYear,
      numberOnRoll: roll,
      efsmBasisPoints: s.efsmBasisPoints,
      languageMedium: s.languageMedium,
      learnersWithAln: r.counts.learnersWithAln,
      idps: r.counts.idps,
      idpsSchoolMaintained: r.counts.idpsSchoolMaintained,
      idpsLaMaintained: r.counts.idpsLaMaintained,
      alpDefinitionSource: s.alpDefinitionSource,
      alpDefinitionDate: s.alpDefinitionDate,
    },
    alnShareOfRoll: aln !== null && roll > 0 ? share(aln, roll, 'pupils_on_roll') : null,
    idpShareOfAln: idps !== null && aln !== null && aln > 0 ? share(idps, aln, 'learners_with_aln') : null,
    alnBudgetPence: r.budget.incomePence,
    committedPence: r.totals.chargedPence,
    totalCostPence: r.totals.costPence,
    budgetPositionPence: r.budget.positionPence,
    spendPerLearnerWithAlnPence: aln !== null && aln > 0 ? divideRoundedToNumber(r.totals.chargedPence, aln) : null,
    spendPerPupilPence: roll > 0 ? divideRoundedToNumber(r.totals.chargedPence, roll) : null,
    alpShareOfLineCost: linesCost > 0 ? share(alpCost, linesCost, 'line_cost') : null,
    notAlpShareOfLineCost: linesCost > 0 ? share(notAlpCost, linesCost, 'line_cost') : null,
    welshMediumShareOfAlpCost: alpCost > 0 ? share(welshAlp, alpCost, 'alp_cost') : null,
    alpCostPence: alpCost,
    notAlpCostPence: notAlpCost,
    welshMediumAlpCostPence: welshAlp,
    publishedAllocationPence: input.publishedAllocationPence ?? null,
    notes,
  };
}

export function measureValue(row: SchoolComparisonRow, key: MeasureKey): number | null {
  switch (key) {
    case 'alnShareOfRoll':
    case 'idpShareOfAln':
    case 'alpShareOfLineCost':
    case 'welshMediumShareOfAlpCost':
      return row[key]?.basisPoints ?? null;
    default:
      return row[key];
  }
}

/** Twice the median of sorted integers (an exact integer). */
function doubledMedian(sorted: readonly number[]): number {
  const n = sorted.length;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? 2 * (sorted[mid] as number) : (sorted[mid - 1] as number) + (sorted[mid] as number);
}

const halve = (doubled: number) => toSafeInteger(divideRounded(doubled, 2));

function summarise(info: MeasureInfo, values: number[]): MeasureSummary & { fences4: [bigint, bigint] | null } {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const base = { measure: info, schools: n };
  if (n === 0) return { ...base, median: null, lowerQuartile: null, upperQuartile: null, lowerFence: null, upperFence: null, fences4: null };
  const median = halve(doubledMedian(sorted));
  if (n < MIN_SCHOOLS_FOR_OUTLIERS) return { ...base, median, lowerQuartile: null, upperQuartile: null, lowerFence: null, upperFence: null, fences4: null };
  const half = Math.floor(n / 2);
  const q1d = BigInt(doubledMedian(sorted.slice(0, half)));
  const q3d = BigInt(doubledMedian(sorted.slice(n - half)));
  // 4 × fence = 2 × (2Q1) − 3 × (2Q3 − 2Q1), and likewise above: all integers, no rounding before comparing.
  const lower4 = 2n * q1d - 3n * (q3d - q1d);
  const upper4 = 2n * q3d + 3n * (q3d - q1d);
  const floorDiv = (a: bigint, b: bigint) => (a >= 0n ? a / b : -((-a + b - 1n) / b));
  return {
    ...base,
    median,
    lowerQuartile: halve(Number(q1d)),
    upperQuartile: halve(Number(q3d)),
    lowerFence: toSafeInteger(floorDiv(lower4, 4n)),
    upperFence: toSafeInteger(-floorDiv(-upper4, 4n)),
    fences4: [lower4, upper4],
  };
}

function formatMeasure(unit: 'pence' | 'basis_points', value: number): string {
  if (unit === 'basis_points') {
    const negative = value < 0;
    const abs = Math.abs(value);
    return `${negative ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}%`;
  }
  const negative = value < 0;
  const abs = Math.abs(value);
  const pounds = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}£${pounds}.${String(abs % 100).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------------
// Classification

const emptyTally = (): LearnerTally => ({ known: 0, linesWithFewerThan5: 0 });
const addCount = (t: LearnerTally, c: ReturnCount) => {
  if (c.value === null) t.linesWithFewerThan5 += 1;
  else t.known += c.value;
};

function groupInterventions(returns: readonly ComparedReturn[], mapping: Readonly<Record<string, string>>): InterventionGroup[] {
  interface Building {
    matchKey: string;
    canonical: string | null;
    normalisedNames: Set<string>;
    variantCounts: Map<string, number>;
    sides: { alp: Map<string, ClassificationSide['schools'][number]>; notAlp: Map<string, ClassificationSide['schools'][number]> };
  }
  const groups = new Map<string, Building>();
  for (const input of returns) {
    for (const line of input.ret.lines) {
      const normalised = normaliseInterventionName(line.name);
      if (normalised === '') continue;
      const canonical = mapping[normalised]?.trim() || null;
      const matchKey = canonical ? normaliseInterventionName(canonical) || normalised : normalised;
      let g = groups.get(matchKey);
      if (!g) groups.set(matchKey, (g = { matchKey, canonical: null, normalisedNames: new Set(), variantCounts: new Map(), sides: { alp: new Map(), notAlp: new Map() } }));
      if (canonical && !g.canonical) g.canonical = canonical;
      g.normalisedNames.add(normalised);
      g.variantCounts.set(line.name, (g.variantCounts.get(line.name) ?? 0) + 1);
      const side = line.isAlp ? g.sides.alp : g.sides.notAlp;
      let school = side.get(input.schoolKey);
      if (!school) side.set(input.schoolKey, (school = { schoolKey: input.schoolKey, schoolName: input.ret.school.name, tierNames: [], lines: 0, learners: emptyTally(), costPence: 0 }));
      if (!school.tierNames.includes(line.tierName)) school.tierNames.push(line.tierName);
      school.lines += 1;
      addCount(school.learners, line.learners);
      school.costPence += line.costPence;
    }
  }
  const sideOf = (schools: Map<string, ClassificationSide['schools'][number]>): ClassificationSide => {
    const list = [...schools.values()];
    const learners = emptyTally();
    for (const s of list) {
      learners.known += s.learners.known;
      learners.linesWithFewerThan5 += s.learners.linesWithFewerThan5;
    }
    return { schools: list, schoolCount: list.length, learners, costPence: list.reduce((a, s) => a + s.costPence, 0) };
  };
  return [...groups.values()]
    .map((g) => {
      const variants = [...g.variantCounts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      const alp = sideOf(g.sides.alp);
      const notAlp = sideOf(g.sides.notAlp);
      return {
        matchKey: g.matchKey,
        displayName: g.canonical ?? (variants[0]?.[0] as string),
        normalisedNames: [...g.normalisedNames].sort(),
        variants: variants.map(([v]) => v),
        mapped: g.canonical !== null,
        alp,
        notAlp,
        classedDifferently: alp.schoolCount > 0 && notAlp.schoolCount > 0,
      };
    })
    .sort((a, b) => b.alp.schoolCount + b.notAlp.schoolCount - (a.alp.schoolCount + a.notAlp.schoolCount) || (a.displayName < b.displayName ? -1 : 1));
}

// ---------------------------------------------------------------------------------------------------

/** Schools side by side, the authority's medians, outliers as questions, and classification differences. */
export function compareReturns(returns: readonly ComparedReturn[], mapping: Readonly<Record<string, string>> = {}): AuthorityComparison {
  const schools = returns.map(schoolRow);
  const measures: MeasureSummary[] = [];
  const outliers: Outlier[] = [];
  for (const key of MEASURES) {
    const info = MEASURE_INFO[key];
    const withValues = schools.map((row) => ({ row, value: measureValue(row, key) })).filter((x): x is { row: SchoolComparisonRow; value: number } => x.value !== null);
    const { fences4, ...summary } = summarise(
      info,
      withValues.map((x) => x.value),
    );
    measures.push(summary);
    if (!fences4 || summary.median === null) continue;
    for (const { row, value } of withValues) {
      const v4 = 4n * BigInt(value);
      const direction = v4 < fences4[0] ? 'below' : v4 > fences4[1] ? 'above' : null;
      if (!direction) continue;
      outliers.push({ schoolKey: row.schoolKey, schoolName: row.context.name, measure: key, unit: info.unit, value, median: summary.median, direction });
    }
  }
  const interventions = groupInterventions(returns, mapping);
  return {
    schools,
    measures,
    outliers,
    classificationDifferences: interventions.filter((g) => g.classedDifferently),
    interventions,
    mapping: { ...mapping },
  };
}

export { formatMeasure };
