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

/**
 * A measure's unit, as the school named it in English, as one of it reads after "per": "months" → "month",
 * "score points" → "score point", "months of reading age" → "month of reading age" (the word before "of" is
 * the one counted). Null where the name is not words to make singular ("%", "words per minute", none): the
 * caller then names the unit in brackets.
 */
export function unitAfterPer(unit: string): string | null {
  const words = unit.trim().split(/\s+/);
  if (words.length === 0 || words[0] === '' || words.some((w) => !/^[A-Za-z][A-Za-z'’-]*$/.test(w)) || words.some((w) => w.toLowerCase() === 'per')) return null;
  const ofAt = words.findIndex((w) => w.toLowerCase() === 'of');
  const counted = ofAt > 0 ? ofAt - 1 : ofAt === 0 ? -1 : words.length - 1;
  if (counted < 0) return null;
  return words.map((w, i) => (i === counted ? singular(w) : w)).join(' ');
}

/** An English plural made singular by the regular rules; a word that is not plural is kept as it is. */
function singular(word: string): string {
  const lower = word.toLowerCase();
  if (/[^aeiou]ies$/.test(lower)) return `${word.slice(0, -3)}${word.slice(-3) === 'IES' ? 'Y' : 'y'}`;
  if (/(ss|sh|ch|x|z)es$/.test(lower)) return word.slice(0, -2);
  if (/[^su]s$/.test(lower) && !/(is|ss|us)$/.test(lower)) return word.slice(0, -1);
  return word;
}
