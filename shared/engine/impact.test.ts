import { describe, expect, it } from 'vitest';
import type { Enrolment, InterventionLine } from '../domain';
import { costSchoolYear } from './costSchoolYear';
import { impactOf } from './impact';
import { enrolOn, interventionLine, learner, schoolYear, staffMember } from '../../test/support/schoolYearBuilder';

const measured = (line: InterventionLine, id: number, learnerId: number, measureName: string, measureUnit: string, entryValue: number | null, exitValue: number | null): Enrolment => ({
  ...enrolOn(line, id, learnerId),
  measureName,
  measureUnit,
  entryValue,
  exitValue,
});

// docs/costing-rules.md's worked example: a TA at £15.40/h, 30 minutes 3 times a week for 12 weeks = 27 720 p, plus a
// £45.00 resource pack: 32 220 p.
const readingGroup = interventionLine({ id: 1, name: 'Reading group', nonStaffCosts: [{ label: 'Resource pack', pence: 4500 }], expectedProgress: 6 });
// One TA at £18.00/h, 60 minutes once a week for 10 weeks: 1800 × 1 × 10 = 18 000 p.
const nurture = interventionLine({
  id: 2,
  name: 'Nurture group',
  tierId: 'alp',
  minutesPerSession: 60,
  sessionsPerWeekHundredths: 100,
  weeks: 10,
  staff: [{ staffId: 2, count: 1 }],
  expectedProgress: 5,
});

function year(enrolments: Enrolment[], lines: InterventionLine[] = [readingGroup, nurture]) {
  return schoolYear({
    staff: [staffMember({ id: 1, hourlyCostPence: 1540 }), staffMember({ id: 2, hourlyCostPence: 1800 })],
    lines,
    learners: [1, 2, 3, 4, 5].map((id) => learner({ id })),
    enrolments,
  });
}

describe('impact per line, by hand', () => {
  // Reading age in months on the reading group:
  //   learner 1: 84 → 92    = +8
  //   learner 2: 90 → 96    = +6
  //   learner 3: 78 → 81    = +3
  //   learner 4: 100 → 110.5 = +10.5
  // total 27.5 months; average 27.5 ÷ 4 = 6.875; expected 6 → learners 1, 2, 4 made it: 3 of 4 = 75.00%.
  // Cost per learner 32 220 ÷ 4 = 8 055 p; cost per month of progress 32 220 ÷ 27.5 = 1 171.6363… → 1 172 p.
  const enrolments = [
    measured(readingGroup, 1, 1, 'Reading age', 'months', 84, 92),
    measured(readingGroup, 2, 2, 'Reading age', 'months', 90, 96),
    measured(readingGroup, 3, 3, 'reading  age ', 'Months', 78, 81), // same measure, written differently
    measured(readingGroup, 4, 4, 'Reading age', 'months', 100, 110.5),
  ];

  it('gives learners measured, average progress, share who made expected progress, cost per learner and per unit', () => {
    const costed = costSchoolYear(year(enrolments));
    const line = costed.impact.lines.find((l) => l.lineId === 1)!;
    expect(line.costPence).toBe(32_220);
    expect(line.learnersMeasured).toBe(4);
    expect(line.notMeasured).toBe(0);
    expect(line.costPerLearnerPence).toBe(8_055);
    expect(line.mixedMeasures).toBe(false);
    expect(line.measures).toEqual([
      {
        measureName: 'Reading age',
        measureUnit: 'months',
        learnersMeasured: 4,
        totalProgress: 27.5,
        averageProgress: 6.875,
        expectedProgress: 6,
        madeExpectedProgress: 3,
        madeExpectedShareBasisPoints: 7500,
        measuredCostPence: 32_220,
        costPerUnitOfProgressPence: 1_172,
      },
    ]);
  });

  it('rounds cost per unit of progress once, half away from zero: 32 220 ÷ 8 = 4 027.5 → 4 028', () => {
    const costed = costSchoolYear(year([measured(readingGroup, 1, 1, 'Reading age', 'months', 84, 92)]));
    expect(costed.impact.lines[0]!.measures[0]!.costPerUnitOfProgressPence).toBe(4_028);
  });

  it('counts only enrolments with both entry and exit, and leaves the unmeasured out of the cost per unit', () => {
    // Learners 1 and 2 measured (+8, +6 = 14 months); learner 3 has no exit yet; learner 4 no measure at all.
    // All four are enrolled for the same 12 weeks, so the measured learners' places cost 32 220 × 24/48 = 16 110 p,
    // and each month of progress 16 110 ÷ 14 = 1 150.71… → 1 151 p (not 32 220 ÷ 14 = 2 301 p).
    const costed = costSchoolYear(
      year([
        measured(readingGroup, 1, 1, 'Reading age', 'months', 84, 92),
        measured(readingGroup, 2, 2, 'Reading age', 'months', 90, 96),
        measured(readingGroup, 3, 3, 'Reading age', 'months', 78, null),
        enrolOn(readingGroup, 4, 4),
      ]),
    );
    const line = costed.impact.lines[0]!;
    expect(line).toMatchObject({ enrolments: 4, learnersMeasured: 2, notMeasured: 2 });
    expect(line.measures[0]).toMatchObject({ learnersMeasured: 2, totalProgress: 14, averageProgress: 7, madeExpectedProgress: 2, measuredCostPence: 16_110, costPerUnitOfProgressPence: 1_151 });
  });

  it('reports mixed measures on one line separately and never averages them together', () => {
    // Nurture group, 18 000 p, three learners for the whole 10 weeks:
    //   Reading age (months): learner 1 +4, learner 2 +5 → total 9, average 4.5;
    //     their places: 18 000 × 20/30 = 12 000 p; per month 12 000 ÷ 9 = 1 333.33… → 1 333 p
    //   Boxall profile (points): learner 3 +12 → their place 18 000 × 10/30 = 6 000 p; per point 6 000 ÷ 12 = 500 p
    // The line's expected progress (5) is in one measure's unit, and with two measures no one can say which:
    // no share is claimed.
    const costed = costSchoolYear(
      year([measured(nurture, 1, 1, 'Reading age', 'months', 80, 84), measured(nurture, 2, 2, 'Reading age', 'months', 70, 75), measured(nurture, 3, 3, 'Boxall profile', 'points', 40, 52)]),
    );
    const line = costed.impact.lines.find((l) => l.lineId === 2)!;
    expect(line.costPence).toBe(18_000);
    expect(line.mixedMeasures).toBe(true);
    expect(line.measures.map((m) => [m.measureName, m.learnersMeasured, m.totalProgress, m.averageProgress, m.measuredCostPence, m.costPerUnitOfProgressPence])).toEqual([
      ['Reading age', 2, 9, 4.5, 12_000, 1_333],
      ['Boxall profile', 1, 12, 12, 6_000, 500],
    ]);
    for (const m of line.measures) expect(m).toMatchObject({ expectedProgress: null, madeExpectedProgress: null, madeExpectedShareBasisPoints: null });
  });

  it('gives no cost per unit when progress is zero or negative, and adds decimals exactly', () => {
    // +2 and −2 months: total 0 → no cost per unit; 0.1 + 0.2 months is 0.3, not 0.30000000000000004.
    const flat = costSchoolYear(year([measured(readingGroup, 1, 1, 'Reading age', 'months', 80, 82), measured(readingGroup, 2, 2, 'Reading age', 'months', 80, 78)]));
    expect(flat.impact.lines[0]!.measures[0]).toMatchObject({ totalProgress: 0, costPerUnitOfProgressPence: null, madeExpectedProgress: 0 });
    const worse = costSchoolYear(year([measured(readingGroup, 1, 1, 'Reading age', 'months', 80, 77)]));
    expect(worse.impact.lines[0]!.measures[0]).toMatchObject({ totalProgress: -3, costPerUnitOfProgressPence: null });
    const decimals = costSchoolYear(year([measured(readingGroup, 1, 1, 'Scale', 'steps', 1, 1.1), measured(readingGroup, 2, 2, 'Scale', 'steps', 2, 2.2)]));
    expect(decimals.impact.lines[0]!.measures[0]!.totalProgress).toBe(0.3);
    // 32 220 ÷ 0.3 = 107 400 p exactly.
    expect(decimals.impact.lines[0]!.measures[0]!.costPerUnitOfProgressPence).toBe(107_400);
  });

  it('a line with no threshold or nobody measured claims nothing', () => {
    const noThreshold = { ...readingGroup, expectedProgress: null };
    const costed = costSchoolYear(year([measured(noThreshold, 1, 1, 'Reading age', 'months', 84, 92), enrolOn(nurture, 2, 2)], [noThreshold, nurture]));
    expect(costed.impact.lines[0]!.measures[0]).toMatchObject({ expectedProgress: null, madeExpectedProgress: null, madeExpectedShareBasisPoints: null, costPerUnitOfProgressPence: 4_028 });
    expect(costed.impact.lines[1]).toMatchObject({ lineId: 2, enrolments: 1, learnersMeasured: 0, notMeasured: 1, measures: [], mixedMeasures: false });
  });
});

describe('impact per learner', () => {
  it('adds a learner’s progress across all their provision, one total per measure', () => {
    // Learner 1: reading group +8 months, nurture group +4 months (reading age) → 12 months over 2 lines;
    //            nurture Boxall is not on the same measure: kept apart.
    // Learner 2: reading group has no exit yet → not listed.
    const data = year([
      measured(readingGroup, 1, 1, 'Reading age', 'months', 84, 92),
      measured(nurture, 2, 1, 'Reading age', 'months', 92, 96),
      { ...measured(nurture, 3, 1, 'Boxall profile', 'points', 40, 47) },
      measured(readingGroup, 4, 2, 'Reading age', 'months', 70, null),
    ]);
    const costed = costSchoolYear(data);
    expect(costed.impact.learners).toEqual([
      {
        learnerId: 1,
        measures: [
          { measureName: 'Reading age', measureUnit: 'months', enrolmentsMeasured: 2, totalProgress: 12, lineIds: [1, 2] },
          { measureName: 'Boxall profile', measureUnit: 'points', enrolmentsMeasured: 1, totalProgress: 7, lineIds: [2] },
        ],
      },
    ]);
    expect(impactOf(data, costed.lines)).toEqual(costed.impact);
  });
});
