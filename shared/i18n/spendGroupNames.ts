/**
 * A row of a spend breakdown (the scenario comparison's by tier, by ALP / not ALP, by area of need) as
 * the reader reads it: a tier or area by the name the school gave it in the reader's language (its Welsh
 * name, or its English one where it gave none), and a group of the engine's own from the catalogue.
 */
import type { TFunction } from 'i18next';
import { OTHER_COSTS_KEY, UNSPECIFIED_AREA_KEY, type GroupRecord } from '../engine';
import type { Lang } from './index';
import { recordName } from './recordNames';

export function spendGroupName(group: { key: string; record: GroupRecord | null }, t: TFunction, lang: Lang): string {
  if (group.record) return recordName(group.record, lang);
  switch (group.key) {
    case 'alp':
    case 'not_alp':
      return t(`enums.alp.${group.key}`);
    case OTHER_COSTS_KEY:
    case UNSPECIFIED_AREA_KEY:
      return t(`budget.groupKey.${group.key}`);
    default:
      return group.key;
  }
}
