/**
 * Totals by tier, ALP / not ALP, area of need and funding source (docs/costing-rules.md, "Budget position").
 * Every total is a sum of rounded lines, so the screens and the workbook agree to the penny.
 *
 * Rules the contract leaves open, decided here:
 * - Other cost lines belong to no tier or area: in byTier and byArea they sit under the key 'other_costs'.
 *   byAlp covers intervention lines only (an ALNCo's release time is neither ALP nor not ALP), so
 *   byAlp sums to totals.linesCostPence, the other breakdowns to totals.costPence.
 * - A line with several areas is split equally across them by largest remainder (ties to the area listed
 *   first on the line; repeated area ids count once); a line with no areas goes under 'unspecified'.
 * - Configured tiers and areas are listed first, in their sortOrder; then, in the order first met, any
 *   other key ('unspecified', 'other_costs', a tier or area id a line uses that is not configured).
 *   Every configured tier, area and funding source is listed, with 0 where nothing is costed to it.
 *
 * The lines' part of every sum (`LineSums`) is made first, line by line in the year's order, and the other
 * costs are added to it after, as one pass over the lines and then the other costs adds them. After an edit
 * of a few lines the lines' part can be the last one's with the old lines taken out and the new ones put in
 * (`lineSumsAfter`): exactly what a fresh sum gives while every figure added is a whole number of pence, 0
 * or more, and every sum stays a safe integer (no partial sum is then rounded, in either order), and while
 * each changed line adds to the same rows as before (the same rows, met in the same order).
 */
import { FUNDING_SOURCES, type FundingSource, type InterventionLine, type OtherCostLine } from '../domain';
import { splitEqually } from './largestRemainder';
import type { Breakdown, CostedLine } from './types';
import { isAlpLine, isWholeSchoolLine, type YearIndex } from './yearIndex';

export const OTHER_COSTS_KEY = 'other_costs';
export const UNSPECIFIED_AREA_KEY = 'unspecified';

/** A breakdown's rows by key, in the order they are listed: the configured keys first, then the others as first met. */
type Rows = Map<string, { costPence: number; chargedPence: number }>;

/** What the year's lines add up to, in the year's line order, before the other costs are added. Never changed once made. */
export interface LineSums {
  linesCostPence: number;
  unallocatedPence: number;
  undeliveredPence: number;
  costToDatePence: number;
  financialYearPence: readonly [number, number];
  chargedPence: number;
  chargedFinancialYearPence: readonly [number, number];
  /** The cost of the lines whose tier is costed whole school. */
  wholeSchoolPence: number;
  byTier: Rows;
  byAlp: Rows;
  byArea: Rows;
  byFunding: Rows;
  /** Whether every figure added is a safe integer 0 or more and every sum a safe integer: a sum is then exact in any order. */
  whole: boolean;
}

/** The lines' sums as they are being made (or remade): the figures and rows changed in place. */
interface Sums extends Omit<LineSums, 'financialYearPence' | 'chargedFinancialYearPence'> {
  financialYearPence: [number, number];
  chargedFinancialYearPence: [number, number];
}

export interface CostedItem<T> {
  item: T;
  costPence: number;
  charged: boolean;
}

export interface Breakdowns {
  byTier: Breakdown[];
  byAlp: Breakdown<'alp' | 'not_alp'>[];
  byArea: Breakdown[];
  byFundingSource: Breakdown<FundingSource>[];
}

function rowsOf(keys: readonly string[]): Rows {
  const rows: Rows = new Map();
  for (const k of keys) if (!rows.has(k)) rows.set(k, { costPence: 0, chargedPence: 0 });
  return rows;
}

/** Adds `cost` (negative: takes it out) to the row of `key`, made at the end when missing. */
function addTo(rows: Rows, key: string, cost: number, charged: boolean): void {
  let row = rows.get(key);
  if (!row) rows.set(key, (row = { costPence: 0, chargedPence: 0 }));
  row.costPence += cost;
  if (charged) row.chargedPence += cost;
}

function isWholePence(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

/** Each part of the line's cost by the area it is costed to, in the line's order (totals.ts header: the split). */
function forEachAreaPart(line: InterventionLine, costPence: number, each: (key: string, pence: number) => void): void {
  const areaIds = line.areaIds;
  // One area takes the whole cost, as splitting it one way would give (a whole number's only part is itself).
  if (areaIds.length === 1 && Number.isSafeInteger(costPence)) each(areaIds[0] as string, costPence);
  else {
    const lineAreas = distinct(areaIds);
    if (lineAreas.length === 0) each(UNSPECIFIED_AREA_KEY, costPence);
    else splitEqually(costPence, lineAreas.length).forEach((p, i) => each(lineAreas[i] as string, p));
  }
}

/** Adds one line's figures to every sum (`sign` -1: takes them out). */
function addLine(sums: Sums, index: YearIndex, line: InterventionLine, c: CostedLine, sign: 1 | -1): void {
  const cost = sign * c.costPence;
  const charged = c.chargedToAlnBudget;
  const fy = c.financialYears.pence;
  sums.linesCostPence += cost;
  sums.unallocatedPence += sign * c.unallocatedPence;
  sums.undeliveredPence += sign * c.undeliveredPence;
  sums.costToDatePence += sign * c.costToDatePence;
  sums.financialYearPence[0] += sign * fy[0];
  sums.financialYearPence[1] += sign * fy[1];
  if (charged) {
    sums.chargedPence += cost;
    sums.chargedFinancialYearPence[0] += sign * fy[0];
    sums.chargedFinancialYearPence[1] += sign * fy[1];
  }
  if (isWholeSchoolLine(index, line)) sums.wholeSchoolPence += cost;
  addTo(sums.byTier, line.tierId, cost, charged);
  addTo(sums.byAlp, isAlpLine(index, line) ? 'alp' : 'not_alp', cost, charged);
  addTo(sums.byFunding, line.fundingSource, cost, charged);
  let wholeParts = true;
  forEachAreaPart(line, c.costPence, (key, pence) => {
    wholeParts &&= isWholePence(pence);
    addTo(sums.byArea, key, sign * pence, charged);
  });
  sums.whole &&=
    wholeParts && isWholePence(c.costPence) && isWholePence(c.unallocatedPence) && isWholePence(c.undeliveredPence) && isWholePence(c.costToDatePence) && isWholePence(fy[0]) && isWholePence(fy[1]);
}

/** Whether every sum is a safe integer (with every figure added whole, no partial sum was rounded). */
function sumsAreSafe(sums: Sums): boolean {
  const figures = [
    sums.linesCostPence,
    sums.unallocatedPence,
    sums.undeliveredPence,
    sums.costToDatePence,
    ...sums.financialYearPence,
    sums.chargedPence,
    ...sums.chargedFinancialYearPence,
    sums.wholeSchoolPence,
  ];
  if (!figures.every(isWholePence)) return false;
  for (const rows of [sums.byTier, sums.byAlp, sums.byArea, sums.byFunding]) for (const row of rows.values()) if (!isWholePence(row.costPence) || !isWholePence(row.chargedPence)) return false;
  return true;
}

/** The year's lines summed afresh, line by line in the year's order (`costedLines` are the lines' figures, in the same order). */
export function lineSumsOf(index: YearIndex, costedLines: readonly CostedLine[]): LineSums {
  const tiers = [...index.year.tiers].sort((a, b) => a.sortOrder - b.sortOrder).map((t) => t.id);
  const areas = [...index.year.areas].sort((a, b) => a.sortOrder - b.sortOrder).map((a) => a.id);
  const sums: Sums = {
    linesCostPence: 0,
    unallocatedPence: 0,
    undeliveredPence: 0,
    costToDatePence: 0,
    financialYearPence: [0, 0],
    chargedPence: 0,
    chargedFinancialYearPence: [0, 0],
    wholeSchoolPence: 0,
    byTier: rowsOf(tiers),
    byAlp: rowsOf(['alp', 'not_alp']),
    byArea: rowsOf(areas),
    byFunding: rowsOf(FUNDING_SOURCES),
    whole: true,
  };
  const lines = index.year.lines;
  for (let i = 0; i < lines.length; i++) addLine(sums, index, lines[i] as InterventionLine, costedLines[i] as CostedLine, 1);
  sums.whole &&= sumsAreSafe(sums);
  return sums;
}

/** A line of the year at one place, before and after an edit: its record and its figures. */
export interface LineChange {
  before: { line: InterventionLine; costed: CostedLine };
  after: { line: InterventionLine; costed: CostedLine };
}

/**
 * The sums of `last` with each changed line's old figures taken out and its new ones put in, `index` the
 * index of the year after the edit: the tier list, the areas, and the tiers by id the same as `last` was
 * made with. Exactly what `lineSumsOf` gives then, when it is given (totals.ts header); undefined
 * otherwise, for the caller to sum afresh.
 */
export function lineSumsAfter(last: LineSums, index: YearIndex, changes: readonly LineChange[]): LineSums | undefined {
  if (!last.whole) return undefined;
  for (const { before, after } of changes) {
    const [a, b] = [before.line, after.line];
    if (a.tierId !== b.tierId || a.fundingSource !== b.fundingSource || a.areaIds.length !== b.areaIds.length || a.areaIds.some((id, i) => b.areaIds[i] !== id)) return undefined;
    if (before.costed.chargedToAlnBudget !== after.costed.chargedToAlnBudget) return undefined;
  }
  const sums: Sums = {
    ...last,
    financialYearPence: [last.financialYearPence[0], last.financialYearPence[1]],
    chargedFinancialYearPence: [last.chargedFinancialYearPence[0], last.chargedFinancialYearPence[1]],
    byTier: copyRows(last.byTier),
    byAlp: copyRows(last.byAlp),
    byArea: copyRows(last.byArea),
    byFunding: copyRows(last.byFunding),
  };
  for (const { before } of changes) addLine(sums, index, before.line, before.costed, -1);
  for (const { after } of changes) addLine(sums, index, after.line, after.costed, 1);
  return sums.whole && sumsAreSafe(sums) ? sums : undefined;
}

function copyRows(rows: Rows): Rows {
  const copy: Rows = new Map();
  for (const [key, row] of rows) copy.set(key, { costPence: row.costPence, chargedPence: row.chargedPence });
  return copy;
}

/** The breakdowns: the lines' rows with the other costs added after them. */
export function breakdownsOf(sums: LineSums, others: readonly CostedItem<OtherCostLine>[]): Breakdowns {
  const byTier = copyRows(sums.byTier);
  const byArea = copyRows(sums.byArea);
  const byFunding = copyRows(sums.byFunding);
  for (const { item: other, costPence, charged } of others) {
    addTo(byTier, OTHER_COSTS_KEY, costPence, charged);
    addTo(byArea, OTHER_COSTS_KEY, costPence, charged);
    addTo(byFunding, other.fundingSource, costPence, charged);
  }
  return { byTier: listOf(byTier), byAlp: listOf(sums.byAlp) as Breakdown<'alp' | 'not_alp'>[], byArea: listOf(byArea), byFundingSource: listOf(byFunding) as Breakdown<FundingSource>[] };
}

function listOf(rows: Rows): Breakdown[] {
  const list: Breakdown[] = [];
  for (const [key, row] of rows) list.push({ key, costPence: row.costPence, chargedPence: row.chargedPence });
  return list;
}

/** The ids with a repeated id kept once, first place kept: the list itself when none is repeated (a line's few areas, so pairs are compared). */
function distinct(ids: readonly string[]): readonly string[] {
  for (let i = 1; i < ids.length; i++) for (let j = 0; j < i; j++) if (ids[i] === ids[j]) return [...new Set(ids)];
  return ids;
}
