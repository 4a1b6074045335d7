/**
 * The floor for a recost: one hand-written pass over the same records the engine reads (the year in
 * memory), touching each line, its staff and its non-staff costs once and computing only what a line
 * costs, by docs/costing-rules.md's rule in whole numbers:
 *
 *     line cost = round(Σ staff: hourly × count × groups × (contact + planning) × sessions/100 × weeks ÷ 60) + non-staff
 *
 * Rounding is half away from zero; every numerator is ≥ 0, so floor((n + 3000) / 6000) is exactly that
 * (the numerators of a school year stay far below 2^53). It knows nothing of shares, checks, learners,
 * financial years or cost to date: that is why it is the floor the engine's full recost is set beside.
 */
import type { SchoolYear } from '../../shared/domain';
import type { CostedMap } from '../../shared/engine';

export interface LineCostFloor {
  /** Each line's cost, in the order of `year.lines`. */
  linePence: number[];
  linesCostPence: number;
}

/** Line costs in one pass over the records (the staff indexed once by id, as any lookup needs). */
export function lineCostsInOnePass(year: SchoolYear): LineCostFloor {
  const hourly = new Map<number, number>();
  for (const s of year.staff) hourly.set(s.id, s.hourlyCostPence);
  const linePence: number[] = new Array<number>(year.lines.length);
  let linesCostPence = 0;
  for (let i = 0; i < year.lines.length; i++) {
    const l = year.lines[i]!;
    const perStaffUnit = l.groups * (l.minutesPerSession + l.planningMinutesPerSession) * l.sessionsPerWeekHundredths * l.weeks;
    let numerator = 0;
    for (const a of l.staff) numerator += (hourly.get(a.staffId) ?? 0) * a.count * perStaffUnit;
    let pence = Math.floor((numerator + 3000) / 6000);
    for (const c of l.nonStaffCosts) pence += c.pence;
    linePence[i] = pence;
    linesCostPence += pence;
  }
  return { linePence, linesCostPence };
}

/** Throws, naming the line, unless the floor and the engine give every line the same cost to the penny. */
export function assertFloorEqualsEngine(year: SchoolYear, floor: LineCostFloor, costed: CostedMap): void {
  const engine = new Map(costed.lines.map((l) => [l.lineId, l.costPence]));
  const wrong = year.lines.map((l, i) => [l.id, floor.linePence[i]!, engine.get(l.id)] as const).filter(([, a, b]) => a !== b);
  if (floor.linesCostPence !== costed.totals.linesCostPence) wrong.push([-1, floor.linesCostPence, costed.totals.linesCostPence]);
  if (wrong.length > 0) {
    throw new Error(
      `The single-pass floor and the engine disagree: ${wrong
        .slice(0, 5)
        .map(([id, a, b]) => `${id === -1 ? 'all lines' : `line ${id}`}: floor ${a} p, engine ${b ?? 'none'} p`)
        .join('; ')}`,
    );
  }
}
