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
import type { CostedLine, CostedMap } from './types';
import type { YearCosting } from './yearCosting';

/** A figure of the year would be too large to count exactly; `subject` says whose ("the line “Reading Recovery”"). */
/** Whose cost would pass the exact range: a line, an other cost line (by name) or the year as a whole. */
export interface CostSubject {
  kind: 'line' | 'otherCost' | 'year';
  name: string;
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

/** holdsInexactNumber of a costed map whose lines in `exact` were found exact before (a memo handed them out again). */
function mapHoldsInexactNumber(costed: CostedMap, exact: WeakSet<CostedLine>): boolean {
  for (const [field, value] of Object.entries(costed)) {
    if (field === 'lines') {
      if ((value as CostedLine[]).some((line) => !exact.has(line) && holdsInexactNumber(line))) return true;
    } else if (holdsInexactNumber(value)) return true;
  }
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
  if (line) return { kind: 'line', name: line.name };
  const other = year.otherCosts.find((o) => tooLarge(() => costOtherLine(o, staffById)));
  if (other) return { kind: 'otherCost', name: other.name };
  return { kind: 'year', name: '' };
}

/**
 * The engine's costing of `year`, or FiguresTooLarge naming the record whose figures would not be exact.
 * With `costing`, costed by it (the same figures, unchanged lines reused; yearCosting.ts), and the lines it
 * reuses are not walked again: each was walked when it was made, and only a line found exact is marked so.
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
  if (mapHoldsInexactNumber(costed, costing.exactLines)) throw new FiguresTooLarge(culprit(year));
  for (const line of costed.lines) costing.exactLines.add(line);
  return costed;
}
