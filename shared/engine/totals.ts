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
 */
import { FUNDING_SOURCES, type FundingSource, type InterventionLine, type OtherCostLine } from '../domain';
import { splitEqually } from './largestRemainder';
import type { Breakdown } from './types';
import { isAlpLine, type YearIndex } from './yearIndex';

export const OTHER_COSTS_KEY = 'other_costs';
export const UNSPECIFIED_AREA_KEY = 'unspecified';

class Tally<K extends string> {
  private readonly rows = new Map<K, Breakdown<K>>();
  constructor(keys: readonly K[]) {
    for (const k of keys) this.ensure(k);
  }
  private ensure(key: K): Breakdown<K> {
    let row = this.rows.get(key);
    if (!row) this.rows.set(key, (row = { key, costPence: 0, chargedPence: 0 }));
    return row;
  }
  add(key: K, cost: number, charged: boolean): void {
    const row = this.ensure(key);
    row.costPence += cost;
    if (charged) row.chargedPence += cost;
  }
  list(): Breakdown<K>[] {
    return [...this.rows.values()];
  }
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

export function breakdowns(index: YearIndex, lines: readonly CostedItem<InterventionLine>[], others: readonly CostedItem<OtherCostLine>[]): Breakdowns {
  const tiers = [...index.year.tiers].sort((a, b) => a.sortOrder - b.sortOrder).map((t) => t.id);
  const areas = [...index.year.areas].sort((a, b) => a.sortOrder - b.sortOrder).map((a) => a.id);
  const byTier = new Tally<string>(tiers);
  const byAlp = new Tally<'alp' | 'not_alp'>(['alp', 'not_alp']);
  const byArea = new Tally<string>(areas);
  const byFunding = new Tally<FundingSource>(FUNDING_SOURCES);

  for (const { item: line, costPence, charged } of lines) {
    byTier.add(line.tierId, costPence, charged);
    byAlp.add(isAlpLine(index, line) ? 'alp' : 'not_alp', costPence, charged);
    byFunding.add(line.fundingSource, costPence, charged);
    const areaIds = line.areaIds;
    // One area takes the whole cost, as splitting it one way would give (a whole number's only part is itself).
    if (areaIds.length === 1 && Number.isSafeInteger(costPence)) byArea.add(areaIds[0] as string, costPence, charged);
    else {
      const lineAreas = distinct(areaIds);
      if (lineAreas.length === 0) byArea.add(UNSPECIFIED_AREA_KEY, costPence, charged);
      else splitEqually(costPence, lineAreas.length).forEach((p, i) => byArea.add(lineAreas[i] as string, p, charged));
    }
  }
  for (const { item: other, costPence, charged } of others) {
    byTier.add(OTHER_COSTS_KEY, costPence, charged);
    byArea.add(OTHER_COSTS_KEY, costPence, charged);
    byFunding.add(other.fundingSource, costPence, charged);
  }
  return { byTier: byTier.list(), byAlp: byAlp.list(), byArea: byArea.list(), byFundingSource: byFunding.list() };
}

/** The ids with a repeated id kept once, first place kept: the list itself when none is repeated (a line's few areas, so pairs are compared). */
function distinct(ids: readonly string[]): readonly string[] {
  for (let i = 1; i < ids.length; i++) for (let j = 0; j < i; j++) if (ids[i] === ids[j]) return [...new Set(ids)];
  return ids;
}
