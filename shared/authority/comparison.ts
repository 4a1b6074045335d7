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
 * Like with like: fences are drawn within each phase, only for the measures that are relative to the
 * school's size (spend per pupil, spend per learner with ALN, and shares), never for absolute spend; a
 * Welsh-medium school is never compared on its Welsh-medium share of ALP (it is expected to be high).
 * Needs at least 4 schools of the phase with a value for that measure; with fewer, the comparison says so
 * (`phaseMeasures` with no fences) rather than flagging nothing silently.
 *
 * The authority's lists: a school's published allocation is set beside the delegated ALN income it
 * reported (its `delegated_aln` income lines only: not grant, top-up or its own contribution), and a
 * listed school whose official number has no return this year is listed as not yet returned.
 *
 * Classification differences: lines are matched across schools by a normalised name
 * (`normaliseInterventionName`), after the officer's mapping (normalised name → canonical name) is
 * applied. An intervention classed as ALP at some schools and not ALP at others is listed with the
 * schools, learners and cost on each side.
 */
import type { LanguageMedium, Pence, Phase } from '../domain';
import type { ListedSchool } from './authorityLists';
import { returnWelshName, type AuthorityReturn, type ReturnCount } from './returnFormat';
import { divideRounded, divideRoundedToNumber, toSafeInteger } from '../money';

export const MIN_SCHOOLS_FOR_OUTLIERS = 4;

/** What a share is a share of (words at the edge: shared/authority/comparisonWords.ts). */
export type ShareOf = 'pupils_on_roll' | 'learners_with_aln' | 'line_cost' | 'alp_cost' | 'published_allocation';

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

/** The measures outliers are looked for in: relative to the school's size, never absolute spend. */
export const OUTLIER_MEASURES: readonly MeasureKey[] = ['spendPerPupilPence', 'spendPerLearnerWithAlnPence', 'alnShareOfRoll', 'idpShareOfAln', 'alpShareOfLineCost', 'welshMediumShareOfAlpCost'];

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
  /** The school's Welsh name as its return gives it ('' when none, or a return before version 5): what a Welsh reader sees. */
  nameCy: string;
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
  /** The Welsh the school gave for it ('' when none, or a return before version 6). */
  alpDefinitionSourceCy: string;
  alpDefinitionDate: string | null;
}

export interface SchoolComparisonRow {
  schoolKey: string;
  /** The school's official number as its return gives it ('' when the school had not entered it). */
  officialNumber: string;
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
  /** The delegated ALN income the school reported: its `delegated_aln` income lines (not grant, top-up or its own contribution). */
  delegatedIncomePence: Pence;
  /** Reported delegated income − published allocation; null without a published allocation. */
  allocationDifferencePence: Pence | null;
  /** Committed spend as a share of the published allocation; null without one (or when it is 0). */
  committedShareOfAllocation: Share | null;
  /** The officer's note on the school, if any. */
  note: string | null;
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

/** A measure's summary among the schools of one phase: the fences outliers are judged by. */
export interface PhaseMeasureSummary extends MeasureSummary {
  phase: Phase;
  /** The fewest schools with a value a fence needs (MIN_SCHOOLS_FOR_OUTLIERS). */
  minimumForFences: number;
}

export interface Outlier {
  schoolKey: string;
  schoolName: string;
  /** The school's Welsh name ('' when its return gives none). */
  schoolNameCy: string;
  /** The phase it was compared within; `median` is that phase's median. */
  phase: Phase;
  measure: MeasureKey;
  unit: 'pence' | 'basis_points';
  value: number;
  median: number;
  direction: 'above' | 'below';
}

export interface ClassificationSide {
  /**
   * Each school on this side: `tierNames` as its return gives them (English), and beside each, in
   * `tierNamesCy`, the Welsh its return gives for that tier ('' when none, or a return before version 5).
   */
  schools: Array<{ schoolKey: string; schoolName: string; schoolNameCy: string; tierNames: string[]; tierNamesCy: string[]; lines: number; learners: LearnerTally; costPence: Pence }>;
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
  /**
   * What a Welsh reader reads for it: the Welsh name the matched lines' returns give most often (a tie goes to
   * the name given by the school whose key sorts first); '' when no school gave one (the reader reads `displayName`).
   */
  displayNameCy: string;
  /** Every normalised name feeding this group (what setMapping takes). */
  normalisedNames: string[];
  /** The names schools wrote, as written (in English), most used first. */
  variants: string[];
  /**
   * The names schools wrote as a Welsh reader reads them: each line's Welsh name where its return gives one,
   * its English name where not (or in a return before version 5); most used first.
   */
  variantsCy: string[];
  mapped: boolean;
  alp: ClassificationSide;
  notAlp: ClassificationSide;
  /** True when classed ALP at some schools and not ALP at others. */
  classedDifferently: boolean;
}

/** The authority as a whole: its own block, never a row among the schools. */
export interface AuthorityTotals {
  schools: number;
  numberOnRoll: number;
  /** The published allocations of the schools that have one; null when none has (none was imported or entered). */
  publishedAllocationPence: Pence | null;
  /** How many schools have a published allocation: the total covers these only. */
  schoolsWithPublishedAllocation: number;
  delegatedIncomePence: Pence;
  committedPence: Pence;
  totalCostPence: Pence;
}

export interface AuthorityComparison {
  schools: SchoolComparisonRow[];
  /** Authority-wide medians (for its own block). */
  measures: MeasureSummary[];
  /** The outlier measures within each phase; those without fences say there were too few schools. */
  phaseMeasures: PhaseMeasureSummary[];
  totals: AuthorityTotals;
  /**
   * How many schools the authority's list holds; null when no list was imported (a reader is then told
   * so, never shown a count of a list that is not there, nor "none" not yet returned).
   */
  listedSchools: number | null;
  /** Schools on the authority's list with no return this year, by official number (empty without a list). */
  notReturned: NotReturnedSchool[];
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

function schoolRow(input: ComparedReturn, note: string | null): SchoolComparisonRow {
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
  const published = input.publishedAllocationPence ?? null;
  const delegated = r.income.filter((i) => i.kind === 'delegated_aln').reduce((a, i) => a + i.amountPence, 0);

  return {
    schoolKey: input.schoolKey,
    officialNumber: s.officialNumber,
    fileName: input.fileName ?? null,
    importedOn: input.importedOn ?? null,
    replacedFiles: input.replacedFiles ?? [],
    context: {
      officialNumber: s.officialNumber,
      name: s.name,
      nameCy: s.nameCy,
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
      alpDefinitionSourceCy: s.alpDefinitionSourceCy,
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
    publishedAllocationPence: published,
    delegatedIncomePence: delegated,
    allocationDifferencePence: published === null ? null : delegated - published,
    committedShareOfAllocation: published !== null && published > 0 ? share(r.totals.chargedPence, published, 'published_allocation') : null,
    note,
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
    /** The same, each line named as a Welsh reader reads it. */
    variantCountsCy: Map<string, number>;
    /** Each Welsh name the matched lines carry: how many lines, and the first school key (in sort order) giving it. */
    welshCounts: Map<string, { lines: number; firstSchoolKey: string }>;
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
      if (!g)
        groups.set(
          matchKey,
          (g = { matchKey, canonical: null, normalisedNames: new Set(), variantCounts: new Map(), variantCountsCy: new Map(), welshCounts: new Map(), sides: { alp: new Map(), notAlp: new Map() } }),
        );
      if (canonical && !g.canonical) g.canonical = canonical;
      g.normalisedNames.add(normalised);
      g.variantCounts.set(line.name, (g.variantCounts.get(line.name) ?? 0) + 1);
      const welsh = returnWelshName(input.ret.welshNames.lines, line.name);
      const readInWelsh = welsh.trim() !== '' ? welsh : line.name;
      g.variantCountsCy.set(readInWelsh, (g.variantCountsCy.get(readInWelsh) ?? 0) + 1);
      if (welsh.trim() !== '') {
        const seen = g.welshCounts.get(welsh);
        if (!seen) g.welshCounts.set(welsh, { lines: 1, firstSchoolKey: input.schoolKey });
        else {
          seen.lines += 1;
          if (input.schoolKey < seen.firstSchoolKey) seen.firstSchoolKey = input.schoolKey;
        }
      }
      const side = line.isAlp ? g.sides.alp : g.sides.notAlp;
      let school = side.get(input.schoolKey);
      if (!school)
        side.set(
          input.schoolKey,
          (school = {
            schoolKey: input.schoolKey,
            schoolName: input.ret.school.name,
            schoolNameCy: input.ret.school.nameCy,
            tierNames: [],
            tierNamesCy: [],
            lines: 0,
            learners: emptyTally(),
            costPence: 0,
          }),
        );
      if (!school.tierNames.includes(line.tierName)) {
        school.tierNames.push(line.tierName);
        school.tierNamesCy.push(returnWelshName(input.ret.welshNames.tiers, line.tierName));
      }
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
      const mostUsedFirst = (counts: Map<string, number>) => [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      const variants = mostUsedFirst(g.variantCounts);
      const alp = sideOf(g.sides.alp);
      const notAlp = sideOf(g.sides.notAlp);
      const welsh = [...g.welshCounts.entries()].sort(
        ([a, x], [b, y]) => y.lines - x.lines || (x.firstSchoolKey < y.firstSchoolKey ? -1 : x.firstSchoolKey > y.firstSchoolKey ? 1 : 0) || (a < b ? -1 : a > b ? 1 : 0),
      );
      return {
        matchKey: g.matchKey,
        displayName: g.canonical ?? (variants[0]?.[0] as string),
        displayNameCy: welsh[0]?.[0] ?? '',
        normalisedNames: [...g.normalisedNames].sort(),
        variants: variants.map(([v]) => v),
        variantsCy: mostUsedFirst(g.variantCountsCy).map(([v]) => v),
        mapped: g.canonical !== null,
        alp,
        notAlp,
        classedDifferently: alp.schoolCount > 0 && notAlp.schoolCount > 0,
      };
    })
    .sort((a, b) => b.alp.schoolCount + b.notAlp.schoolCount - (a.alp.schoolCount + a.notAlp.schoolCount) || (a.displayName < b.displayName ? -1 : 1));
}

// ---------------------------------------------------------------------------------------------------

/**
 * A listed school with no return this year. Its `nameCy` is what a Welsh reader reads
 * (docs/authority-return.md): the Welsh name the authority's list gives; where the list gives none, the one
 * its newest return of another year gives; '' when neither does (the list's name is then read).
 */
export type NotReturnedSchool = ListedSchool;

export interface ComparisonLists {
  /** The authority's list of its schools (to say which have not returned). */
  listedSchools?: readonly ListedSchool[];
  /**
   * The Welsh name each of these official numbers' newest return (of any year) gives, where it gives one:
   * asked only for the listed schools that have not returned and whose Welsh name the list does not give,
   * and only when there are some.
   */
  welshNamesOf?: (officialNumbers: readonly string[]) => Readonly<Record<string, string>>;
  /** The officer's notes: school key → note. */
  notes?: Readonly<Record<string, string>>;
}

/** Schools side by side, the authority's medians, outliers within each phase as questions, and classification differences. */
export function compareReturns(returns: readonly ComparedReturn[], mapping: Readonly<Record<string, string>> = {}, lists: ComparisonLists = {}): AuthorityComparison {
  const schools = returns.map((r) => schoolRow(r, lists.notes?.[r.schoolKey] ?? null));
  const valuesOf = (rows: readonly SchoolComparisonRow[], key: MeasureKey) =>
    rows.map((row) => ({ row, value: measureValue(row, key) })).filter((x): x is { row: SchoolComparisonRow; value: number } => x.value !== null);
  const measures: MeasureSummary[] = MEASURES.map((key) => {
    const { fences4: _fences, ...summary } = summarise(
      MEASURE_INFO[key],
      valuesOf(schools, key).map((x) => x.value),
    );
    return summary;
  });

  const phaseMeasures: PhaseMeasureSummary[] = [];
  const outliers: Outlier[] = [];
  const phases = [...new Set(schools.map((r) => r.context.phase))];
  for (const phase of phases) {
    const inPhase = schools.filter((r) => r.context.phase === phase);
    for (const key of OUTLIER_MEASURES) {
      const info = MEASURE_INFO[key];
      // A Welsh-medium school's Welsh-medium share of ALP is expected to be high: it is never judged on it.
      const compared = key === 'welshMediumShareOfAlpCost' ? inPhase.filter((r) => r.context.languageMedium !== 'welsh') : inPhase;
      const withValues = valuesOf(compared, key);
      if (withValues.length === 0) continue;
      const { fences4, ...summary } = summarise(
        info,
        withValues.map((x) => x.value),
      );
      phaseMeasures.push({ ...summary, phase, minimumForFences: MIN_SCHOOLS_FOR_OUTLIERS });
      if (!fences4 || summary.median === null) continue;
      for (const { row, value } of withValues) {
        const v4 = 4n * BigInt(value);
        const direction = v4 < fences4[0] ? 'below' : v4 > fences4[1] ? 'above' : null;
        if (!direction) continue;
        outliers.push({ schoolKey: row.schoolKey, schoolName: row.context.name, schoolNameCy: row.context.nameCy, phase, measure: key, unit: info.unit, value, median: summary.median, direction });
      }
    }
  }
  // Questions in the order the schools were given, then by measure.
  const order = new Map(schools.map((r, i) => [r.schoolKey, i]));
  outliers.sort((a, b) => (order.get(a.schoolKey) ?? 0) - (order.get(b.schoolKey) ?? 0) || OUTLIER_MEASURES.indexOf(a.measure) - OUTLIER_MEASURES.indexOf(b.measure));

  const sum = (f: (r: SchoolComparisonRow) => number) => schools.reduce((a, r) => a + f(r), 0);
  const withAllocation = schools.filter((r) => r.publishedAllocationPence !== null).length;
  const totals: AuthorityTotals = {
    schools: schools.length,
    numberOnRoll: sum((r) => r.context.numberOnRoll),
    publishedAllocationPence: withAllocation === 0 ? null : sum((r) => r.publishedAllocationPence ?? 0),
    schoolsWithPublishedAllocation: withAllocation,
    delegatedIncomePence: sum((r) => r.delegatedIncomePence),
    committedPence: sum((r) => r.committedPence),
    totalCostPence: sum((r) => r.totalCostPence),
  };
  const returned = new Set(schools.map((r) => r.officialNumber).filter((n) => n !== ''));
  const missing = (lists.listedSchools ?? []).filter((l) => !returned.has(l.officialNumber));
  // The authority's own list is its word on a school's Welsh name; a return's is asked for only where the list gives none.
  const unnamedInWelsh = missing.filter((l) => l.nameCy === '').map((l) => l.officialNumber);
  const welshNames = unnamedInWelsh.length > 0 ? lists.welshNamesOf?.(unnamedInWelsh) : undefined;
  const notReturned = missing.map((l) => (l.nameCy === '' ? { ...l, nameCy: welshNames?.[l.officialNumber] ?? '' } : l));

  const interventions = groupInterventions(returns, mapping);
  const listed = lists.listedSchools ?? [];
  return {
    schools,
    measures,
    phaseMeasures,
    totals,
    listedSchools: listed.length > 0 ? listed.length : null,
    notReturned,
    outliers,
    classificationDifferences: interventions.filter((g) => g.classedDifferently),
    interventions,
    mapping: { ...mapping },
  };
}

export { formatMeasure };
