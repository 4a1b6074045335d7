/**
 * Which lines the provision map shows under its filters. Pure, so it is tested without a screen.
 * The year-group filter works through enrolled learners: a line shows when anyone in that year is on it.
 */
import type { DeliveryLanguage, SchoolYear, InterventionLine } from '../../../shared/domain';
import { searchMatcher } from '../../../shared/searchText';

export interface MapFilter {
  /** Words typed to find a line by its name or description (case and accents ignored). */
  text: string;
  areaId: string | null;
  staffId: number | null;
  language: DeliveryLanguage | null;
  yearGroup: number | null;
}

export const NO_FILTER: MapFilter = { text: '', areaId: null, staffId: null, language: null, yearGroup: null };

export function isFiltering(f: MapFilter): boolean {
  return f.text.trim() !== '' || f.areaId !== null || f.staffId !== null || f.language !== null || f.yearGroup !== null;
}

export function filterLines(data: SchoolYear, f: MapFilter): InterventionLine[] {
  let linesWithYear: Set<number> | null = null;
  if (f.yearGroup !== null) {
    const learnersInYear = new Set(data.learners.filter((l) => l.yearGroup === f.yearGroup).map((l) => l.id));
    linesWithYear = new Set(data.enrolments.filter((e) => learnersInYear.has(e.learnerId)).map((e) => e.lineId));
  }
  const matches = searchMatcher(f.text);
  return data.lines.filter(
    (line) =>
      matches(line.name, line.description) &&
      (f.areaId === null || line.areaIds.includes(f.areaId)) &&
      (f.staffId === null || line.staff.some((s) => s.staffId === f.staffId)) &&
      (f.language === null || line.deliveryLanguage === f.language) &&
      (linesWithYear === null || linesWithYear.has(line.id)),
  );
}

/** Lines grouped under the tiers in the tiers' sortOrder (tiers with no lines are kept, to add to). */
export function groupByTier(data: SchoolYear, lines: InterventionLine[]) {
  const tiers = [...data.tiers].sort((a, b) => a.sortOrder - b.sortOrder);
  return tiers.map((tier) => ({ tier, lines: lines.filter((l) => l.tierId === tier.id) }));
}
