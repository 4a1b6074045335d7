/**
 * Costing a year only while every figure stays an exact whole number (docs/guarantees.md, "No edit can
 * make a file unopenable"). Pence and minutes are JavaScript numbers, exact up to 2⁵³ − 1
 * (£90,071,992,547,409.91). Each value that multiplies into money has a bound a real school never
 * reaches (shared/schemas.ts), but products and sums of many lines could still pass it, so an edit is
 * costed inside its transaction with `costWithinExactRange` and refused if any figure would leave that
 * range: a file is never left holding a year that cannot be costed, and so cannot be opened.
 */
import type { SchoolYear } from '../domain';
import { costSchoolYear, type CostOptions } from './costSchoolYear';
import { costLine, costOtherLine } from './lineCost';
import type { CostedMap } from './types';
import type { YearCosting } from './yearCosting';

/** A figure of the year would be too large to count exactly; `subject` says whose ("the line “Reading Recovery”"). */
/** Whose cost would pass the exact range: a line, an other cost line (by name) or the year as a whole. */
export interface CostSubject {
  kind: 'line' | 'otherCost' | 'year';
  name: string;
  /** Its Welsh name ('' when it has none, or for the year). */
  nameCy: string;
}

export class FiguresTooLarge extends Error {
  constructor(readonly subject: CostSubject) {
    super(`the cost of ${subject.kind} ${subject.name} would be larger than Mapio can count exactly`);
    this.name = 'FiguresTooLarge';
  }
}

/** The engine's own refusal (shared/money.ts `toSafeInteger`), not any RangeError. */
function isExactRangeError(error: unknown): boolean {
  return error instanceof RangeError && /outside the range of exact whole numbers/.test(error.message);
}

/** True when `value` holds a number (at any depth) beyond the exact whole-number range. */
function holdsInexactNumber(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER;
  if (Array.isArray(value)) return value.some(holdsInexactNumber);
  if (value !== null && typeof value === 'object') return Object.values(value).some(holdsInexactNumber);
  return false;
}

/**
 * holdsInexactNumber of `value`, passing over each part of it that is the very object (or number) at the
 * same place in `exact`, a costing found exact before: a memo hands out its unchanged parts again (a line's
 * figures, a learner's, a check, a whole list). Sound while a costed object is never changed in place,
 * which the memo already rests on (yearCosting.ts).
 */
function holdsInexactNumberBesides(value: unknown, exact: unknown): boolean {
  if (value === exact) return false;
  if (typeof value === 'number') return !Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER;
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    const earlier: unknown[] = Array.isArray(exact) ? exact : [];
    for (let i = 0; i < value.length; i++) if (holdsInexactNumberBesides(value[i], earlier[i])) return true;
    return false;
  }
  const earlier = (exact !== null && typeof exact === 'object' && !Array.isArray(exact) ? exact : {}) as Record<string, unknown>;
  for (const field in value) if (holdsInexactNumberBesides((value as Record<string, unknown>)[field], earlier[field])) return true;
  return false;
}

/** Which record makes the year's figures too large: a line or an other cost alone, else the year as a whole. */
function culprit(year: SchoolYear): CostSubject {
  const staffById = new Map(year.staff.map((s) => [s.id, s]));
  const tooLarge = (cost: () => unknown) => {
    try {
      return holdsInexactNumber(cost());
    } catch (error) {
      if (isExactRangeError(error)) return true;
      throw error;
    }
  };
  const line = year.lines.find((l) => tooLarge(() => costLine(l, staffById)));
  if (line) return { kind: 'line', name: line.name, nameCy: line.nameCy };
  const other = year.otherCosts.find((o) => tooLarge(() => costOtherLine(o, staffById)));
  if (other) return { kind: 'otherCost', name: other.name, nameCy: other.nameCy };
  return { kind: 'year', name: '', nameCy: '' };
}

/**
 * The engine's costing of `year`, or FiguresTooLarge naming the record whose figures would not be exact.
 * With `costing`, costed by it (the same figures, unchanged parts reused; yearCosting.ts), and the parts it
 * hands out again, at the same place as in the last costing found exact, are not walked again.
 */
export function costWithinExactRange(year: SchoolYear, options: CostOptions = {}, costing?: YearCosting): CostedMap {
  let costed: CostedMap;
  try {
    costed = costing ? costing.cost(year, options) : costSchoolYear(year, options);
  } catch (error) {
    if (isExactRangeError(error)) throw new FiguresTooLarge(culprit(year));
    throw error;
  }
  if (!costing) {
    if (holdsInexactNumber(costed)) throw new FiguresTooLarge(culprit(year));
    return costed;
  }
  if (holdsInexactNumberBesides(costed, costing.lastExact)) throw new FiguresTooLarge(culprit(year));
  costing.lastExact = costed;
  return costed;
}
