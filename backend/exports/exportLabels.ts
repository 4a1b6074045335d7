/**
 * Words the exports share: tier and area names in the export's language, hours and dates as a person
 * reads them. Tier and area names are the school's own data, in English and Welsh
 * (shared/i18n/recordNames.ts).
 */
import type { AreaOfNeed, IsoDate, SchoolYear, Tier } from '../../shared/domain';
import type { Lang, TFunction } from '../../shared/i18n';
import { recordName } from '../../shared/i18n/recordNames';
import { formatIsoDate } from '../../shared/i18n/dates';
import { OTHER_COSTS_KEY, UNSPECIFIED_AREA_KEY } from '../../shared/engine';

export function tierLabel(tier: Tier, lang: Lang): string {
  return recordName(tier, lang);
}

export function areaLabel(area: AreaOfNeed, lang: Lang): string {
  return recordName(area, lang);
}

/** A breakdown key (tier id, area id, or the engine's 'other_costs' / 'unspecified') as a label. */
export function breakdownLabel(key: string, year: SchoolYear, kind: 'tier' | 'area', t: TFunction, lang: Lang): string {
  if (key === OTHER_COSTS_KEY) return t('export.otherCosts');
  if (key === UNSPECIFIED_AREA_KEY) return t('export.unspecifiedArea');
  if (kind === 'tier') {
    const tier = year.tiers.find((x) => x.id === key);
    return tier ? tierLabel(tier, lang) : key;
  }
  const area = year.areas.find((x) => x.id === key);
  return area ? areaLabel(area, lang) : key;
}

export function sortedTiers(year: SchoolYear): Tier[] {
  return [...year.tiers].sort((a, b) => a.sortOrder - b.sortOrder);
}

export function sortedAreas(year: SchoolYear): AreaOfNeed[] {
  return [...year.areas].sort((a, b) => a.sortOrder - b.sortOrder);
}

export { hoursText } from '../../shared/i18n/hoursText';

/** "2026-03-05" → "5 March 2026" / "5 Mawrth 2026". */
/** A date written out for a document, from the one dates module (Welsh months written out, never left to the runtime's ICU). */
export function dateText(iso: IsoDate, lang: Lang): string {
  return formatIsoDate(iso, lang, 'long');
}
