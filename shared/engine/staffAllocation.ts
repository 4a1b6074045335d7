/**
 * Staff time allocated against contracted hours (docs/costing-rules.md, "Staff cost per hour": "shows hours allocated
 * to interventions against hours contracted, and flags over-allocation").
 *
 * For each teaching week, a person's minutes are the sum over the lines running that week of
 * count × groups × (contact + planning) × sessions, plus their staff-time other cost lines (e.g. ALNCo
 * release) running that week. The peak week is compared with contracted minutes per week.
 *
 * Rules the contract leaves open, decided here:
 * - Allocation is planned time: weeks recorded as not delivered still count (the plan still needs the hours).
 * - Fortnightly sessions count as half a session every week, so a peak may be a fraction of a minute; it is
 *   compared exactly and shown rounded half away from zero. The earliest peak week is reported.
 * - A person's cost is the exact cost of all their time, rounded once; it may differ by a penny from the
 *   sum of the (separately rounded) lines they work on.
 *
 * The weekly minutes are never laid out week by week: each run adds its minutes at its first week and
 * takes them away after its last, and a sweep over those change weeks in order finds the peak (and its
 * earliest week), since a person's minutes only change at such a week.
 */
import type { InterventionLine, OtherCostLine, StaffMember } from '../domain';
import { divideRoundedToNumber } from '../money';
import { assignmentMinuteHundredthsPerWeek } from './lineCost';
import type { StaffAllocation } from './types';

interface Tally {
  /** Change in hundredths of a minute per week, by the week it takes effect. */
  changes: Map<number, number>;
  /** Cost numerator over 6000, in whole numbers while it and each term are safe integers (then exact)… */
  costNumerator: number;
  /** …and in BigInt from the first term or sum that is not (null until then). */
  costNumeratorBig: bigint | null;
  lineIds: Set<number>;
}

export function allocateStaff(staff: readonly StaffMember[], lines: readonly InterventionLine[], otherCosts: readonly OtherCostLine[], _weeksInYear: number): StaffAllocation[] {
  const tallies = new Map<number, Tally>();
  for (const s of staff) tallies.set(s.id, { changes: new Map(), costNumerator: 0, costNumeratorBig: null, lineIds: new Set() });

  // Adds hourly × units × weeks to a tally's cost numerator: a product or sum whose exact value reaches
  // 2⁵³ never rounds back below it, so the safe-integer tests are exact, and past them BigInt takes over.
  const addCost = (t: Tally, hourlyPence: number, units: number, weeks: number): void => {
    if (t.costNumeratorBig === null) {
      const perWeek = hourlyPence * units;
      const cost = perWeek * weeks;
      const sum = t.costNumerator + cost;
      if (Number.isSafeInteger(hourlyPence) && Number.isSafeInteger(units) && Number.isSafeInteger(weeks) && Number.isSafeInteger(perWeek) && Number.isSafeInteger(cost) && Number.isSafeInteger(sum)) {
        t.costNumerator = sum;
        return;
      }
      t.costNumeratorBig = BigInt(t.costNumerator);
    }
    t.costNumeratorBig += BigInt(hourlyPence) * BigInt(units) * BigInt(weeks);
  };

  // Weeks before week 1 are not teaching weeks: a run counts from week 1 to its own last week (which may be
  // after the calendar's last: `weeksInYear` is no longer needed to size anything, kept for callers).
  const add = (t: Tally, first: number, weeks: number, hundredths: number): void => {
    const from = Math.max(1, first);
    const end = first + weeks; // the week after the last
    if (end <= from || hundredths === 0) return;
    t.changes.set(from, (t.changes.get(from) ?? 0) + hundredths);
    t.changes.set(end, (t.changes.get(end) ?? 0) - hundredths);
  };

  const hourly = new Map(staff.map((s) => [s.id, s.hourlyCostPence]));
  for (const line of lines) {
    for (const a of line.staff) {
      const t = tallies.get(a.staffId);
      if (!t) continue;
      t.lineIds.add(line.id);
      add(t, line.startWeek, line.weeks, assignmentMinuteHundredthsPerWeek(line, a.count));
      addCost(t, hourly.get(a.staffId) ?? 0, assignmentMinuteHundredthsPerWeek(line, a.count), line.weeks);
    }
  }
  for (const o of otherCosts) {
    if (o.staffId === null) continue;
    const t = tallies.get(o.staffId);
    if (!t) continue;
    add(t, o.startWeek, o.weeks, o.minutesPerWeek * 100);
    // pence × 60 → pence × 6000
    addCost(t, hourly.get(o.staffId) ?? 0, o.minutesPerWeek * o.weeks, 100);
  }

  return staff.map((s) => {
    const t = tallies.get(s.id) as Tally;
    let peak = 0;
    let peakWeek: number | null = null;
    let running = 0;
    for (const week of [...t.changes.keys()].sort((a, b) => a - b)) {
      running += t.changes.get(week) as number;
      if (running > peak) {
        peak = running;
        peakWeek = week;
      }
    }
    return {
      staffId: s.id,
      contractedMinutesPerWeek: s.contractedMinutesPerWeek,
      peakAllocatedMinutesPerWeek: divideRoundedToNumber(peak, 100),
      peakWeek,
      overAllocated: peak > s.contractedMinutesPerWeek * 100,
      costPence: divideRoundedToNumber(t.costNumeratorBig ?? t.costNumerator, t.costNumeratorBig === null ? 6000 : 6000n),
      lineIds: [...t.lineIds].sort((a, b) => a - b),
    };
  });
}
