/**
 * How impact figures read: progress is a measure, not money, so it is rounded here for display only
 * (to one decimal place, with its sign and unit); shares come as basis points from the engine.
 */

/** A progress figure in its measure's unit: 10.333 → "+10.3", -2 → "−2", 0 → "0". */
export function formatProgress(value: number, locale: string): string {
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * 10)) / 10; // half away from zero
  const text = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(Math.abs(rounded));
  if (rounded > 0) return `+${text}`;
  if (rounded < 0) return `−${text}`;
  return text;
}

/** A share in basis points as a percentage: 7500 → "75%", 6667 → "66.7%". */
export function formatShare(basisPoints: number, locale: string): string {
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(Math.round(basisPoints / 10) / 10)}%`;
}

/** What a person types as an expected progress (a decimal, may be negative for a maintained score) or nothing. */
export function readExpectedProgress(text: string): { ok: true; value: number | null } | { ok: false } {
  const s = text.trim().replace(/^\+/, '');
  if (s === '') return { ok: true, value: null };
  if (!/^-?\d+([.,]\d+)?$/.test(s)) return { ok: false };
  const n = Number(s.replace(',', '.'));
  return Number.isFinite(n) ? { ok: true, value: n } : { ok: false };
}
