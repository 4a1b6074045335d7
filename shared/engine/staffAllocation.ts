/**
 * Staff time allocated against contracted hours (costing.md, "Staff cost per hour": "shows hours allocated
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
 */
import type { InterventionLine, OtherCostLine, StaffMember } from '../domain';
import { divideRoundedToNumber } from '../money';
import { assignmentCostNumerator, assignmentMinuteHundredthsPerWeek, staffTimeNumerator } from './lineCost';
import type { StaffAllocation } from './types';

interface Tally {
  /** Hundredths of a minute per week, index = week − 1. */
  weekly: number[];
  /** Cost numerator over 6000. */
  costNumerator: bigint;
  lineIds: Set<number>;
}

export function allocateStaff(
  staff: readonly StaffMember[],
  lines: readonly InterventionLine[],
  otherCosts: readonly OtherCostLine[],
  weeksInYear: number,
): StaffAllocation[] {
  const tallies = new Map<number, Tally>();
  for (const s of staff) tallies.set(s.id, { weekly: new Array<number>(weeksInYear).fill(0), costNumerator: 0n, lineIds: new Set() });

  const add = (t: Tally, first: number, weeks: number, hundredths: number): void => {
    for (let w = Math.max(1, first); w < first + weeks; w++) {
      while (t.weekly.length < w) t.weekly.push(0);
      t.weekly[w - 1] = (t.weekly[w - 1] ?? 0) + hundredths;
    }
  };

  const hourly = new Map(staff.map((s) => [s.id, s.hourlyCostPence]));
  for (const line of lines) {
    for (const a of line.staff) {
      const t = tallies.get(a.staffId);
      if (!t) continue;
      t.lineIds.add(line.id);
      add(t, line.startWeek, line.weeks, assignmentMinuteHundredthsPerWeek(line, a.count));
      t.costNumerator += assignmentCostNumerator(line, hourly.get(a.staffId) ?? 0, a.count);
    }
  }
  for (const o of otherCosts) {
    if (o.staffId === null) continue;
    const t = tallies.get(o.staffId);
    if (!t) continue;
    add(t, o.startWeek, o.weeks, o.minutesPerWeek * 100);
    // pence × 60 → pence × 6000
    t.costNumerator += staffTimeNumerator(hourly.get(o.staffId) ?? 0, o.minutesPerWeek * o.weeks) * 100n;
  }

  return staff.map((s) => {
    const t = tallies.get(s.id) as Tally;
    let peak = 0;
    let peakWeek: number | null = null;
    t.weekly.forEach((m, i) => {
      if (m > peak) {
        peak = m;
        peakWeek = i + 1;
      }
    });
    return {
      staffId: s.id,
      contractedMinutesPerWeek: s.contractedMinutesPerWeek,
      peakAllocatedMinutesPerWeek: divideRoundedToNumber(peak, 100),
      peakWeek,
      overAllocated: peak > s.contractedMinutesPerWeek * 100,
      costPence: divideRoundedToNumber(t.costNumerator, 6000n),
      lineIds: [...t.lineIds].sort((a, b) => a - b),
    };
  });
}
