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
  return englishDates(style).format(d);
}

/** The two English date formats, made once: a formatter is costly to build, and a return's import formats its dates again for every school. */
const ENGLISH_DATE_FORMATS: Partial<Record<'short' | 'long', Intl.DateTimeFormat>> = {};
function englishDates(style: 'short' | 'long'): Intl.DateTimeFormat {
  return (ENGLISH_DATE_FORMATS[style] ??= new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: style, year: 'numeric', timeZone: 'UTC' }));
}

const WELSH_WEEKDAYS = ['Dydd Sul', 'Dydd Llun', 'Dydd Mawrth', 'Dydd Mercher', 'Dydd Iau', 'Dydd Gwener', 'Dydd Sadwrn'];
const ENGLISH_WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * A moment (an ISO timestamp such as "2026-10-02T13:05:00.000Z") as a person reads it, in the reader's
 * own time zone (or `timeZone`, for tests): "2 Oct 2026, 14:05" / "2 Hyd 2026, 14:05" (short) or
 * "Friday 2 October 2026 at 14:05" / "Dydd Gwener 2 Hydref 2026 am 14:05" (long). Only the numbers
 * come from the runtime, so a browser without Welsh locale data still writes Welsh. Anything unreadable
 * is returned as it came.
 */
export function formatIsoDateTime(iso: string, lang: Lang, style: 'short' | 'long' = 'short', timeZone?: string): string {
  return formatMoment(iso, lang, style, timeZone, false);
}

/**
 * Two moments to be read side by side (when two returns were written), short style, in the reader's time
 * zone: to the minute, or to the second when both fall in the same minute, so which came first can be seen.
 */
export function formatIsoDateTimePair(first: string, second: string, lang: Lang, timeZone?: string): [string, string] {
  const toMinute = [formatMoment(first, lang, 'short', timeZone, false), formatMoment(second, lang, 'short', timeZone, false)] as [string, string];
  if (toMinute[0] !== toMinute[1]) return toMinute;
  return [formatMoment(first, lang, 'short', timeZone, true), formatMoment(second, lang, 'short', timeZone, true)];
}

function formatMoment(iso: string, lang: Lang, style: 'short' | 'long', timeZone: string | undefined, seconds: boolean): string {
  const moment = new Date(iso);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso) || Number.isNaN(moment.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-GB', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
    ...(timeZone ? { timeZone } : {}),
  }).formatToParts(moment);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const date = `${part('year')}-${part('month')}-${part('day')}`;
  const time = `${part('hour')}:${part('minute')}${seconds ? `:${part('second')}` : ''}`;
  const day = formatIsoDate(date, lang, style);
  if (style === 'short') return `${day}, ${time}`;
  const weekday = (lang === 'cy' ? WELSH_WEEKDAYS : ENGLISH_WEEKDAYS)[new Date(`${date}T00:00:00Z`).getUTCDay()];
  return lang === 'cy' ? `${weekday} ${day} am ${time}` : `${weekday} ${day} at ${time}`;
}
