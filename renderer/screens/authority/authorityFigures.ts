/**
 * How the comparison's figures read on screen: withheld counts labelled with why, shares with their
 * denominator, and the orders the officer may put schools in (by name or roll: context, never by spend).
 * Pure, so the words and the orders are tested without a browser.
 */
import type { TFunction } from 'i18next';
import { countInWords } from '../../../shared/authority/countWords';
import type { ReturnCount } from '../../../shared/authority/returnFormat';
import type { SchoolComparisonRow, Share } from '../../../shared/authority/comparison';
import { byShownSchoolName } from '../../../shared/authority/comparisonWords';
import type { Lang } from '../../../shared/i18n';

/** A share in basis points as a percentage to two places: 1834 → "18.34%". */
export function percent(basisPoints: number): string {
  const negative = basisPoints < 0;
  const abs = Math.abs(basisPoints);
  return `${negative ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}%`;
}

/** A published count: its value, or why it was withheld ("fewer than 5", "withheld to protect a small count"). */
export function countText(count: ReturnCount, t: TFunction): string {
  return String(countInWords(t, count));
}

/** "18.34%" with its fraction "(57 of 311)" for counts; money shares show the percentage only. */
export function shareParts(share: Share | null): { percent: string; numerator: number; denominator: number } | null {
  if (!share || share.basisPoints === null) return null;
  return { percent: percent(share.basisPoints), numerator: share.numerator, denominator: share.denominator };
}

export type SchoolOrder = 'name' | 'rollAsc' | 'rollDesc' | 'asImported';

/**
 * Schools in the officer's chosen order. Never by spend: context, not league tables. By name means by the
 * name the reader is shown: a Welsh reader's in Welsh alphabetical order (shared/authority/comparisonWords.ts).
 */
export function orderSchools(rows: readonly SchoolComparisonRow[], order: SchoolOrder, lang: Lang): SchoolComparisonRow[] {
  const copy = [...rows];
  if (order === 'asImported') return copy;
  const byName = byShownSchoolName(lang);
  if (order === 'name') return copy.sort((a, b) => byName(a.context, b.context));
  const dir = order === 'rollAsc' ? 1 : -1;
  return copy.sort((a, b) => dir * (a.context.numberOnRoll - b.context.numberOnRoll) || byName(a.context, b.context));
}
