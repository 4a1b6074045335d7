/** Minutes as people read them in every screen and export: 90 → "1 h 30 min", in the catalogue's words. */
import type { TFunction } from 'i18next';

export function hoursText(minutes: number, t: TFunction): string {
  const sign = minutes < 0 ? '-' : '';
  const abs = Math.abs(minutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  // Thousands grouped as every other count is ("15,000 h"): English and Welsh both use a comma.
  const hours = h.toLocaleString('en-GB');
  if (m === 0) return sign + t('common.hours', { h: hours });
  if (h === 0) return sign + t('common.minutes', { m });
  return sign + t('common.hoursMinutes', { h: hours, m });
}
