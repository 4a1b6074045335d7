/**
 * Spreading a line's cost over its weeks: the financial-year split, cost to date and undelivered cost
 * (docs/costing-rules.md, "The year, the financial year, and cost to date").
 *
 * Rules the contract leaves open, decided here:
 * - The whole cost (staff and non-staff) is spread evenly over the run's weeks: a resource pack bought for a
 *   12-week block is 1/12 of it per week.
 * - A run with 0 weeks (a one-off purchase recorded as an other cost, or a line with only non-staff costs)
 *   falls in its start week.
 * - A week after the calendar's last week (a run longer than the calendar) counts in the financial year of
 *   the calendar's last week.
 * - Per-week costs use cumulative rounding: week k of n costs round(C·k/n) − round(C·(k−1)/n). They sum to
 *   C exactly, and every prefix of weeks costs exactly round(C·weeks/n), which is what a two-part largest
 *   remainder split gives. So the cost to date as at the last week of March equals the first financial
 *   year's part to the penny (when the calendar's weeks are in date order, as the calendar screen keeps them).
 */
import { divideRoundedWhole, splitByWeights, splitInTwo } from './largestRemainder';

export interface Run {
  first: number;
  /** Weeks the cost is spread over: at least 1. */
  weeks: number;
}

/** The weeks a cost is spread over: its run, or its start week alone when it has no weeks. */
export function spreadRun(startWeek: number, weeks: number): Run {
  return { first: startWeek, weeks: Math.max(1, weeks) };
}

/** Cost of each week of the run, summing exactly to `cost` (cumulative rounding, see above). */
export function weeklyCosts(cost: number, weeks: number): number[] {
  const out: number[] = [];
  let before = 0;
  for (let k = 1; k <= weeks; k++) {
    const upTo = divideRoundedWhole(cost * k, weeks);
    out.push(upTo - before);
    before = upTo;
  }
  return out;
}

/** Which financial year (0 or 1) a week counts in, given each calendar week's index. */
export function financialYearIndexOfWeek(week: number, weekFyIndex: readonly (0 | 1)[]): 0 | 1 {
  const direct = weekFyIndex[week - 1];
  if (direct !== undefined) return direct;
  return weekFyIndex[weekFyIndex.length - 1] ?? 0;
}

/** A cost split across the two financial years by its weeks in each, largest remainder (ties to the first year). */
export function splitAcrossFinancialYears(cost: number, run: Run, weekFyIndex: readonly (0 | 1)[]): [number, number] {
  let first = 0;
  let second = 0;
  for (let w = run.first; w < run.first + run.weeks; w++) {
    if (financialYearIndexOfWeek(w, weekFyIndex) === 0) first++;
    else second++;
  }
  const [a = 0, b = 0] = splitByWeights(cost, [first, second]);
  return [a, b];
}

/**
 * splitAcrossFinancialYears for many runs over one calendar: the first-year weeks of the calendar are
 * counted once (a running count), so each run's weeks in each year are two subtractions instead of a walk
 * over its weeks. Weeks outside 1..N count in the year of the calendar's last week, as there. A run whose
 * first week or length is not a whole number is walked as there.
 */
export function financialYearSplitter(weekFyIndex: readonly (0 | 1)[]): (cost: number, run: Run) => [number, number] {
  const n = weekFyIndex.length;
  const firstYearUpTo = new Array<number>(n + 1); // first-year weeks among weeks 1..k
  firstYearUpTo[0] = 0;
  for (let k = 1; k <= n; k++) firstYearUpTo[k] = (firstYearUpTo[k - 1] as number) + (weekFyIndex[k - 1] === 0 ? 1 : 0);
  const outsideIsFirst = (weekFyIndex[n - 1] ?? 0) === 0;
  return (cost, run) => {
    if (!Number.isSafeInteger(run.first) || !Number.isSafeInteger(run.weeks) || run.weeks < 0) return splitAcrossFinancialYears(cost, run, weekFyIndex);
    const lo = Math.max(1, run.first);
    const hi = Math.min(n, run.first + run.weeks - 1);
    const inside = hi >= lo ? hi - lo + 1 : 0;
    const firstInside = hi >= lo ? (firstYearUpTo[hi] as number) - (firstYearUpTo[lo - 1] as number) : 0;
    const outside = run.weeks - inside;
    const first = firstInside + (outsideIsFirst ? outside : 0);
    const second = inside - firstInside + (outsideIsFirst ? 0 : outside);
    return splitInTwo(cost, first, second);
  };
}

export interface ToDate {
  /** Cost of weeks up to and including the as-at week that were delivered. */
  costToDatePence: number;
  /** Cost of every week recorded as not delivered (whenever it falls). */
  undeliveredPence: number;
}

/** Cost to date as at `asAtWeek` and the cost of undelivered weeks, from the per-week costs. */
export function costToDate(weekly: readonly number[], run: Run, asAtWeek: number, undelivered: ReadonlySet<number>): ToDate {
  let costToDatePence = 0;
  let undeliveredPence = 0;
  weekly.forEach((c, i) => {
    const week = run.first + i;
    if (undelivered.has(week)) undeliveredPence += c;
    else if (week <= asAtWeek) costToDatePence += c;
  });
  return { costToDatePence, undeliveredPence };
}

/**
 * The same figures as costToDate(weeklyCosts(cost, run.weeks), run, …) without building the weekly array:
 * by cumulative rounding the first k weeks cost round(C·k/n) exactly, so only the undelivered weeks need
 * their own week's cost (one array per line per recost was a visible share of the engine's time).
 */
export function costToDateOfRun(cost: number, run: Run, asAtWeek: number, undeliveredWeeks: Iterable<number>): ToDate {
  const n = run.weeks;
  const upTo = (k: number): number => (k <= 0 ? 0 : k >= n ? cost : divideRoundedWhole(cost * k, n));
  let undeliveredPence = 0;
  let undeliveredToDate = 0;
  for (const week of undeliveredWeeks) {
    const k = week - run.first + 1; // 1-based week of the run
    if (k < 1 || k > n) continue;
    const c = upTo(k) - upTo(k - 1);
    undeliveredPence += c;
    if (week <= asAtWeek) undeliveredToDate += c;
  }
  return { costToDatePence: upTo(asAtWeek - run.first + 1) - undeliveredToDate, undeliveredPence };
}
