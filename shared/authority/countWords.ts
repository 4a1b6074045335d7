/**
 * A published count in the reader's language: its number, or why it is withheld ("fewer than 5", or
 * "withheld to protect a small count" where it is withheld only so a small one cannot be worked out by
 * subtraction). The one rule the return workbook, the comparison workbook and the screen label counts by.
 */
import type { TFunction } from 'i18next';
import { withheldLabel, type ReturnCount } from './returnFormat';

/** The count's number, or the words saying why it is withheld. */
export function countInWords(t: TFunction, count: ReturnCount): string | number {
  const label = withheldLabel(count);
  return label === null ? (count.value as number) : t(`authority.withheld.${label}`);
}
