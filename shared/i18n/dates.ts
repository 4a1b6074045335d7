/**
 * Dates as a person reads them, in English or Welsh. Welsh month names are written out here rather than
 * left to the runtime's ICU: a browser built with reduced locale data silently prints English months for
 * 'cy-GB' (Debian's Chromium does), which a Welsh reader would see as untranslated text.
 */
import type { Lang } from './index';

const WELSH_MONTHS = ['Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin', 'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr'];
const WELSH_MONTHS_SHORT = ['Ion', 'Chwef', 'Maw', 'Ebr', 'Mai', 'Meh', 'Gorff', 'Awst', 'Medi', 'Hyd', 'Tach', 'Rhag'];

/** "2026-10-02" → "2 Oct 2026" / "2 Hyd 2026" (short) or "2 October 2026" / "2 Hydref 2026" (long); anything unreadable as it came. */
export function formatIsoDate(iso: string, lang: Lang, style: 'short' | 'long' = 'short'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || Number.isNaN(d.getTime())) return iso;
  if (lang === 'cy') return `${d.getUTCDate()} ${(style === 'long' ? WELSH_MONTHS : WELSH_MONTHS_SHORT)[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: style, year: 'numeric', timeZone: 'UTC' }).format(d);
}
