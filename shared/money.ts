/**
 * Money at the edges: what a person types becomes integer pence, integer pence becomes what a person
 * reads. Also the exact integer arithmetic the costing engine rounds with (see docs/costing-rules.md:
 * "compute each line exactly in integers and round once per line, half away from zero").
 *
 * No floating point touches money here: "1.005" is parsed digit by digit, never via Number("1.005") * 100.
 * Runs anywhere (renderer, Node, tests).
 */
import type { Pence } from './domain';

/** The largest amount a person may type: £1bn, the same ceiling as the `pence` schema in schemas.ts. */
export const MAX_TYPED_PENCE = 100_000_000_000;

/** Why typed text is not an amount of money: each has an English and a Welsh sentence, `errors.moneyProblem.<code>`. */
export type MoneyProblem = 'empty' | 'noDigits' | 'notMoney' | 'points' | 'space' | 'commas' | 'decimals' | 'tooLarge' | 'negative';

/**
 * What a person typed could not be read as an amount of money. `code` and `params` say what to fix and are
 * worded in the reader's language at the edge (renderer/forms/parse.ts `readPounds`); `message` is the same
 * in English, for logs and scripts.
 */
export class MoneyParseError extends Error {
  readonly input: string;
  readonly code: MoneyProblem;
  readonly params: Record<string, string | number>;
  constructor(input: string, code: MoneyProblem, message: string, params: Record<string, string | number> = {}) {
    super(message);
    this.name = 'MoneyParseError';
    this.input = input;
    this.code = code;
    this.params = params;
  }
}

export interface ParsePoundsOptions {
  /** Accept a leading minus sign ("-12.50", "−£12.50", "£-12.50"). Default false: amounts in a map are never negative. */
  allowNegative?: boolean;
  /**
   * The most the field may hold, in pence (the contract's ceiling for it, e.g. `MAX_HOURLY_COST_PENCE`):
   * above it is refused as too large, naming this ceiling. Never above `MAX_TYPED_PENCE`, the default.
   */
  max?: Pence;
}

// Digits with optional thousands commas ("1,234,567" but not "12,34"), then optional decimals.
const AMOUNT = /^(?:(\d{1,3}(?:,\d{3})+)|(\d*))(?:\.(\d*))?$/;

/**
 * Parse an amount typed in pounds into integer pence.
 *
 * Accepts "1234" → 123400, "£1,234.5" → 123450, "12.05" → 1205, ".5" → 50, "£ 7" → 700, surrounding spaces.
 * Refuses (MoneyParseError, with a sentence for the person): empty input, letters, "-" alone, more than
 * two decimal places ("15.405" — we never round what someone typed), badly placed commas ("12,34"),
 * negative amounts (unless `allowNegative`), and amounts above the field's `max` (at most £1bn).
 */
export function parsePounds(text: string, options: ParsePoundsOptions = {}): Pence {
  let s = text.trim();
  if (s === '') throw new MoneyParseError(text, 'empty', 'Enter an amount in pounds, for example 12.50.');

  let negative = false;
  // A minus may come before or after the pound sign; accept both the hyphen and the typographic minus.
  if (s.startsWith('-') || s.startsWith('\u2212')) {
    negative = true;
    s = s.slice(1).trimStart();
  }
  if (s.startsWith('£')) s = s.slice(1).trimStart();
  if (!negative && (s.startsWith('-') || s.startsWith('\u2212'))) {
    negative = true;
    s = s.slice(1).trimStart();
  }

  if (s === '' || s === '.') {
    throw new MoneyParseError(text, 'noDigits', `"${text.trim()}" has no digits. Enter an amount in pounds, for example 12.50.`, { typed: text.trim() });
  }
  const m = AMOUNT.exec(s);
  if (!m) {
    if (/[^\d.,\s]/.test(s)) {
      throw new MoneyParseError(text, 'notMoney', `"${text.trim()}" is not an amount of money: use only digits, a decimal point and commas, for example £1,234.50.`, { typed: text.trim() });
    }
    if ((s.match(/\./g) ?? []).length > 1) {
      throw new MoneyParseError(text, 'points', `"${text.trim()}" has more than one decimal point.`, { typed: text.trim() });
    }
    if (/\s/.test(s)) {
      throw new MoneyParseError(text, 'space', `"${text.trim()}" has a space inside the number: write it as one number, for example 1,234.50.`, { typed: text.trim() });
    }
    throw new MoneyParseError(text, 'commas', `"${text.trim()}" has commas in the wrong place: commas separate thousands, for example 1,234,567.50.`, { typed: text.trim() });
  }
  const whole = (m[1] ?? m[2] ?? '').replace(/,/g, '');
  const decimals = m[3] ?? '';
  if (whole === '' && decimals === '') {
    throw new MoneyParseError(text, 'noDigits', `"${text.trim()}" has no digits. Enter an amount in pounds, for example 12.50.`, { typed: text.trim() });
  }
  if (decimals.length > 2) {
    throw new MoneyParseError(text, 'decimals', `"${text.trim()}" has ${decimals.length} decimal places: money is entered to the penny, at most 2 decimal places (for example 15.41).`, {
      typed: text.trim(),
      places: decimals.length,
    });
  }
  // Whole pounds and pence as digit strings; BigInt keeps a very long typed number exact until the range check.
  const pence = BigInt(whole === '' ? '0' : whole) * 100n + BigInt(decimals.padEnd(2, '0') || '0');
  const ceiling = Math.min(options.max ?? MAX_TYPED_PENCE, MAX_TYPED_PENCE);
  if (pence > BigInt(ceiling)) {
    const max = formatPounds(ceiling).replace(/\.00$/, ''); // "£1,000,000,000", "£1,000"
    throw new MoneyParseError(text, 'tooLarge', `"${text.trim()}" is too large: amounts above ${max} are not accepted.`, { typed: text.trim(), max });
  }
  if (negative && pence !== 0n) {
    if (!options.allowNegative) {
      throw new MoneyParseError(text, 'negative', `"${text.trim()}" is negative: enter the amount without a minus sign.`, { typed: text.trim() });
    }
    return -Number(pence);
  }
  return Number(pence);
}

/**
 * Format integer pence as pounds for a person to read: 123450 → "£1,234.50", -1200 → "-£12.00".
 *
 * Negative amounts use the ASCII hyphen-minus before the pound sign ("-£12.00"): it survives copy and
 * paste into a spreadsheet and is read back by `parsePounds(…, { allowNegative: true })`.
 * Both supported locales ('en-GB', 'cy-GB') write money the same way (comma thousands, point decimals);
 * the parameter exists so a future locale can differ without changing callers.
 */
export function formatPounds(p: Pence, locale: string = 'en-GB'): string {
  if (!Number.isSafeInteger(p)) throw new RangeError(`formatPounds expects whole pence, got ${p}`);
  void locale;
  const negative = p < 0;
  const abs = negative ? -p : p;
  const pounds = Math.floor(abs / 100);
  const pence = abs % 100;
  const grouped = String(pounds).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}£${grouped}.${String(pence).padStart(2, '0')}`;
}

const abs = (x: bigint): bigint => (x < 0n ? -x : x);

/**
 * numerator ÷ denominator rounded to the nearest integer, halves away from zero (2.5 → 3, −2.5 → −3).
 * Exact for any size of integer. Throws on a zero denominator.
 */
export function divideRounded(numerator: bigint | number, denominator: bigint | number): bigint {
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  if (d === 0n) throw new RangeError('divideRounded: division by zero');
  const negative = n < 0n !== d < 0n;
  const an = abs(n);
  const ad = abs(d);
  const q = (2n * an + ad) / (2n * ad); // floor((an + ad/2) / ad) = half-up on magnitudes
  return negative ? -q : q;
}

/** A BigInt result as a JavaScript number, refusing anything that would lose precision. */
export function toSafeInteger(x: bigint): number {
  const n = Number(x);
  if (!Number.isSafeInteger(n)) throw new RangeError(`${x} is outside the range of exact whole numbers`);
  return n;
}

/**
 * floor(a ÷ b) exactly, for whole numbers a ≥ 0 and b > 0 with a + b a safe integer: the floating
 * quotient can be one off near a whole number, so it is corrected by its remainder (q × b ≤ a + b, so the
 * product and the remainder are exact).
 */
export function floorDivide(a: number, b: number): number {
  let q = Math.floor(a / b);
  let r = a - q * b;
  while (r < 0) {
    q -= 1;
    r += b;
  }
  while (r >= b) {
    q += 1;
    r -= b;
  }
  return q;
}

/**
 * numerator ÷ denominator rounded half away from zero, as a safe integer number (pence or minutes).
 *
 * Whole numbers whose 2 × |numerator| + 3 × |denominator| is a safe integer (every figure of a school
 * year) are divided as JavaScript numbers: half-up on magnitudes is floor((2|n| + |d|) ÷ 2|d|), and
 * floorDivide is exact while that numerator plus its denominator stays below 2⁵³. Anything else (larger
 * values, a zero denominator, a BigInt) takes the exact BigInt path; both give the same result. Profiling
 * measured BigInt conversions as a visible share of a recost, which calls this for every line and learner.
 */
export function divideRoundedToNumber(numerator: bigint | number, denominator: bigint | number): number {
  if (typeof numerator === 'number' && typeof denominator === 'number' && Number.isSafeInteger(numerator) && Number.isSafeInteger(denominator) && denominator !== 0) {
    const an = Math.abs(numerator);
    const ad = Math.abs(denominator);
    // A sum at or past 2⁵³ never rounds back below it, so this test is itself exact.
    if (2 * an + 3 * ad <= Number.MAX_SAFE_INTEGER) {
      const q = floorDivide(2 * an + ad, 2 * ad);
      return numerator < 0 !== denominator < 0 && q !== 0 ? -q : q;
    }
  }
  return toSafeInteger(divideRounded(numerator, denominator));
}
