/**
 * The impact of provision: what each line's learners gained on their entry and exit measures, and what
 * that progress cost. Pure (no I/O); runs inside `costSchoolYear` (CostedMap.impact) and on its own.
 *
 * Rules (written down here because docs/costing-rules.md leaves them to us):
 * - Progress = exit − entry on one enrolment, in that enrolment's measure (measureName + measureUnit,
 *   compared ignoring case and extra spaces). An enrolment counts as measured only with both values.
 * - Different measures are never averaged together: a line or learner with two measures reports two.
 * - A line's `expectedProgress` is in its measure's unit, so it is applied only where the line's
 *   measured enrolments share one measure; with mixed measures nobody can say which one it meant.
 * - Measures are not money and may be decimals. They are compared to a millionth (values are held as
 *   whole millionths), so sums are exact and 0.1 + 0.2 is 0.3.
 * - Cost per unit of progress = the cost of the measured learners' places ÷ their total progress,
 *   computed exactly and rounded once, half away from zero, to the penny; only where progress > 0.
 *   The cost of their places is the line cost × their enrolled weeks ÷ all enrolled weeks on the line
 *   (the basis of the shares), so when everyone on the line is measured on one measure it is simply
 *   line cost ÷ total progress, and learners not measured never inflate it.
 */
import type { Enrolment, InterventionLine, SchoolYear } from '../domain';
import { divideRounded, divideRoundedToNumber, toSafeInteger } from '../money';
import { enrolledWeeks } from './shares';
import { indexYear, type YearIndex } from './yearIndex';
import type { CostedLine, ImpactReport, LearnerImpact, LearnerMeasureProgress, LineImpact, MeasureImpact } from './types';

const NO_ENROLMENTS: readonly Enrolment[] = [];

/** Measure values are held as whole millionths. */
export const MEASURE_SCALE = 1_000_000;
const toMillionths = (value: number): number => Math.round(value * MEASURE_SCALE);

/** The key two enrolments must share for their progress to be compared or added. */
export function measureKey(measureName: string, measureUnit: string): string {
  return `${normaliseMeasureText(measureName)}\u0000${normaliseMeasureText(measureUnit)}`;
}

function normaliseMeasureText(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * measureKey, remembered per distinct (name, unit) as typed: a school has a handful of measures over
 * thousands of enrolments, so each is normalised once per costing.
 */
function measureKeys(): (measureName: string, measureUnit: string) => string {
  const known = new Map<string, string>();
  return (measureName, measureUnit) => {
    const raw = `${measureName}\u0000${measureUnit}`;
    let key = known.get(raw);
    if (key === undefined) known.set(raw, (key = measureKey(measureName, measureUnit)));
    return key;
  };
}

/** Progress in millionths, or null when the enrolment lacks an entry or an exit value. */
function progressMillionths(e: Enrolment): number | null {
  if (e.entryValue === null || e.exitValue === null) return null;
  if (!Number.isFinite(e.entryValue) || !Number.isFinite(e.exitValue)) return null;
  return toMillionths(e.exitValue) - toMillionths(e.entryValue);
}

interface MeasureGroup {
  measureName: string;
  measureUnit: string;
  progress: number[]; // millionths, one per measured enrolment
  weeks: number;
}

/** The way an impact report gets a line's row: `lineImpact`, or a memo of it (shared/engine/yearCosting.ts). */
export type LineImpacter = (line: InterventionLine, costed: CostedLine | undefined, enrolments: readonly Enrolment[], keyOf: typeof measureKey) => LineImpact;

/** A line's impact row: made from the line, its costed line and its enrolments alone (`keyOf` is a cache of measureKey). */
export function lineImpact(line: InterventionLine, costed: CostedLine | undefined, enrolments: readonly Enrolment[], keyOf: typeof measureKey): LineImpact {
  const costPence = costed?.costPence ?? 0;
  const allWeeks = enrolments.reduce((sum, e) => sum + enrolledWeeks(e, line), 0);
  const groups = new Map<string, MeasureGroup>();
  let measured = 0;
  for (const e of enrolments) {
    const p = progressMillionths(e);
    if (p === null) continue;
    measured++;
    const key = keyOf(e.measureName, e.measureUnit);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { measureName: e.measureName.trim(), measureUnit: e.measureUnit.trim(), progress: [], weeks: 0 }));
    g.progress.push(p);
    g.weeks += enrolledWeeks(e, line);
  }

  const single = groups.size === 1;
  const expected = line.expectedProgress ?? null;
  const measures: MeasureImpact[] = [...groups.values()].map((g) => {
    const n = g.progress.length;
    const total = g.progress.reduce((s, p) => s + p, 0);
    const threshold = single && expected !== null ? toMillionths(expected) : null;
    const made = threshold === null ? null : g.progress.filter((p) => p >= threshold).length;
    // Exact: cost × weeks ÷ allWeeks, then ÷ (total ÷ SCALE), as one fraction rounded once.
    // In whole numbers while each product is a safe integer (then exact), in BigInt otherwise.
    const costWeeks = costPence * g.weeks;
    const wholeCost = Number.isSafeInteger(costPence) && Number.isSafeInteger(g.weeks) && Number.isSafeInteger(costWeeks);
    const measuredCostPence = allWeeks > 0 ? divideRoundedToNumber(wholeCost ? costWeeks : BigInt(costPence) * BigInt(g.weeks), allWeeks) : 0;
    let costPerUnit: number | null = null;
    if (total > 0 && allWeeks > 0) {
      const numerator = costWeeks * MEASURE_SCALE;
      const denominator = allWeeks * total;
      costPerUnit =
        wholeCost && Number.isSafeInteger(numerator) && Number.isSafeInteger(allWeeks) && Number.isSafeInteger(total) && Number.isSafeInteger(denominator)
          ? divideRoundedToNumber(numerator, denominator)
          : toSafeInteger(divideRounded(BigInt(costPence) * BigInt(g.weeks) * BigInt(MEASURE_SCALE), BigInt(allWeeks) * BigInt(total)));
    }
    return {
      measureName: g.measureName,
      measureUnit: g.measureUnit,
      learnersMeasured: n,
      totalProgress: total / MEASURE_SCALE,
      averageProgress: total / MEASURE_SCALE / n,
      expectedProgress: threshold === null ? null : expected,
      madeExpectedProgress: made,
      madeExpectedShareBasisPoints: made === null ? null : divideRoundedToNumber(made * 10_000, n),
      measuredCostPence,
      costPerUnitOfProgressPence: costPerUnit,
    };
  });
  // Most-measured first; ties by name so the order never depends on enrolment order.
  measures.sort((a, b) => b.learnersMeasured - a.learnersMeasured || a.measureName.localeCompare(b.measureName) || a.measureUnit.localeCompare(b.measureUnit));

  return {
    lineId: line.id,
    costPence,
    enrolments: enrolments.length,
    learnersMeasured: measured,
    notMeasured: enrolments.length - measured,
    costPerLearnerPence: costed?.costPerLearnerPence ?? null,
    measures,
    mixedMeasures: groups.size > 1,
  };
}

/** The way an impact report gets its learners' part: `learnerImpacts`, or a memo of it (shared/engine/yearCosting.ts). */
export type LearnerImpacter = (index: YearIndex, keyOf: typeof measureKey) => LearnerImpact[];

/**
 * The way an impact report gets its line rows: `lineImpactsOf`, or a memo of it (shared/engine/yearCosting.ts),
 * which must give what `lineImpactsOf` gives.
 */
export type LineImpactsOf = (year: SchoolYear, costedLines: readonly CostedLine[], index: YearIndex, impactOfLine: LineImpacter, keyOf: typeof measureKey) => LineImpact[];

/** Each line's row in the year's line order, by `impactOfLine`: the line, the costed line with its id, its enrolments. */
export function lineImpactsOf(year: SchoolYear, costedLines: readonly CostedLine[], index: YearIndex, impactOfLine: LineImpacter, keyOf: typeof measureKey): LineImpact[] {
  const { enrolmentsByLine } = index;
  // By line id, the last of a repeated id winning (as `new Map(pairs)` does), without an array of pairs.
  const costedById = new Map<number, CostedLine>();
  for (const c of costedLines) costedById.set(c.lineId, c);
  return year.lines.map((line) => impactOfLine(line, costedById.get(line.id), enrolmentsByLine.get(line.id) ?? NO_ENROLMENTS, keyOf));
}

/** Impact per line (in the year's line order) and per learner (learners with any measured enrolment, by id). */
export function impactOf(
  year: SchoolYear,
  costedLines: readonly CostedLine[],
  index: YearIndex = indexYear(year),
  impactOfLine: LineImpacter = lineImpact,
  learnerImpactsOf: LearnerImpacter = learnerImpacts,
  linesOf: LineImpactsOf = lineImpactsOf,
): ImpactReport {
  const keyOf = measureKeys();
  return { lines: linesOf(year, costedLines, index, impactOfLine, keyOf), learners: learnerImpactsOf(index, keyOf) };
}

/** Each learner's measured progress: made from the enrolments and which line ids the year has, alone. */
export function learnerImpacts(index: YearIndex, keyOf: typeof measureKey): LearnerImpact[] {
  const { enrolmentsById } = index;
  const lineIds = index.lineById;
  const byLearner = new Map<number, Map<string, { name: string; unit: string; n: number; total: number; lineIds: number[] }>>();
  for (const e of enrolmentsById) {
    if (!lineIds.has(e.lineId)) continue;
    const p = progressMillionths(e);
    if (p === null) continue;
    let measures = byLearner.get(e.learnerId);
    if (!measures) byLearner.set(e.learnerId, (measures = new Map()));
    const key = keyOf(e.measureName, e.measureUnit);
    let m = measures.get(key);
    if (!m) measures.set(key, (m = { name: e.measureName.trim(), unit: e.measureUnit.trim(), n: 0, total: 0, lineIds: [] }));
    m.n++;
    m.total += p;
    if (!m.lineIds.includes(e.lineId)) m.lineIds.push(e.lineId);
  }
  const learners: LearnerImpact[] = [...byLearner.entries()]
    .sort(([a], [b]) => a - b)
    .map(([learnerId, measures]) => ({
      learnerId,
      measures: [...measures.values()].map((m): LearnerMeasureProgress => ({
        measureName: m.name,
        measureUnit: m.unit,
        enrolmentsMeasured: m.n,
        totalProgress: m.total / MEASURE_SCALE,
        lineIds: m.lineIds,
      })),
    }));
  return learners;
}
