/**
 * The floor for a recost: one hand-written pass over the same records the engine reads (the year in
 * memory), touching every record of the year once (each staff member, line with its staff and non-staff
 * costs, enrolment, learner, other cost and income line: one plain loop per kind) and computing only what
 * a line costs, by docs/costing-rules.md's rule in whole numbers:
 *
 *     line cost = round(Σ staff: hourly × count × groups × (contact + planning) × sessions/100 × weeks ÷ 60) + non-staff
 *
 * Rounding is half away from zero; every numerator is ≥ 0, so floor((n + 3000) / 6000) is exactly that
 * (the numerators of a school year stay far below 2^53). It knows nothing of shares, checks, learners,
 * financial years or cost to date: that is why it is the floor the engine's full recost is set beside.
 * The records a line's cost does not need (enrolments, learners, other costs, income) are still read, one
 * field each, into counts it returns and the bench asserts, so no loop can be skipped or optimised away:
 * "touch every record once" is what the floor is (docs/performance.md, "What is measured").
 */
import type { SchoolYear } from '../../shared/domain';
import type { CostedMap } from '../../shared/engine';

export interface LineCostFloor {
  /** Each line's cost, in the order of `year.lines`. */
  linePence: number[];
  linesCostPence: number;
  /** Records read, by kind: each must equal the year's own count (assertFloorEqualsEngine checks). */
  seen: RecordsSeen;
}

export interface RecordsSeen {
  staff: number;
  lines: number;
  enrolments: number;
  learners: number;
  otherCosts: number;
  income: number;
  /** One field read from each record the line costs do not need: Σ enrolled weeks as recorded (end − start + 1), Σ learner ids, Σ other costs' weeks, Σ income. */
  enrolmentWeeks: number;
  learnerIds: number;
  otherCostWeeks: number;
  incomePence: number;
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
  // The records a line cost does not need, each read once.
  let enrolments = 0;
  let enrolmentWeeks = 0;
  for (const e of year.enrolments) {
    enrolments++;
    enrolmentWeeks += e.endWeek - e.startWeek + 1;
  }
  let learners = 0;
  let learnerIds = 0;
  for (const l of year.learners) {
    learners++;
    learnerIds += l.id;
  }
  let otherCosts = 0;
  let otherCostWeeks = 0;
  for (const o of year.otherCosts) {
    otherCosts++;
    otherCostWeeks += o.weeks;
  }
  let income = 0;
  let incomePence = 0;
  for (const x of year.income) {
    income++;
    incomePence += x.amountPence;
  }
  return {
    linePence,
    linesCostPence,
    seen: { staff: hourly.size, lines: linePence.length, enrolments, learners, otherCosts, income, enrolmentWeeks, learnerIds, otherCostWeeks, incomePence },
  };
}

/** Throws, naming the line, unless the floor and the engine give every line the same cost to the penny. */
export function assertFloorEqualsEngine(year: SchoolYear, floor: LineCostFloor, costed: CostedMap): void {
  const engine = new Map(costed.lines.map((l) => [l.lineId, l.costPence]));
  const wrong = year.lines.map((l, i) => [l.id, floor.linePence[i]!, engine.get(l.id)] as const).filter(([, a, b]) => a !== b);
  if (floor.linesCostPence !== costed.totals.linesCostPence) wrong.push([-1, floor.linesCostPence, costed.totals.linesCostPence]);
  // Every record was touched: the counts, and one field of each record, summed here independently.
  const s = floor.seen;
  let weeks = 0;
  let ids = 0;
  let otherWeeks = 0;
  let incomePence = 0;
  for (const e of year.enrolments) weeks += e.endWeek - e.startWeek + 1;
  for (const l of year.learners) ids += l.id;
  for (const o of year.otherCosts) otherWeeks += o.weeks;
  for (const x of year.income) incomePence += x.amountPence;
  const counts: [string, number, number][] = [
    ['staff', s.staff, new Set(year.staff.map((m) => m.id)).size],
    ['lines', s.lines, year.lines.length],
    ['enrolments', s.enrolments, year.enrolments.length],
    ['learners', s.learners, year.learners.length],
    ['other costs', s.otherCosts, year.otherCosts.length],
    ['income lines', s.income, year.income.length],
    ['enrolled weeks', s.enrolmentWeeks, weeks],
    ['learner ids', s.learnerIds, ids],
    ['other cost weeks', s.otherCostWeeks, otherWeeks],
    ['income', s.incomePence, incomePence],
  ];
  const unread = counts.filter(([, a, b]) => a !== b);
  if (unread.length > 0) throw new Error(`The single-pass floor did not read every record: ${unread.map(([k, a, b]) => `${k} ${a}, year ${b}`).join('; ')}`);
  if (wrong.length > 0) {
    throw new Error(
      `The single-pass floor and the engine disagree: ${wrong
        .slice(0, 5)
        .map(([id, a, b]) => `${id === -1 ? 'all lines' : `line ${id}`}: floor ${a} p, engine ${b ?? 'none'} p`)
        .join('; ')}`,
    );
  }
}
