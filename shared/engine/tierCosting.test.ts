/**
 * A tier's costing mode, never its id, decides whether its lines are costed per pupil on roll or shared
 * among the learners enrolled (docs/costing-rules.md, "Tiers and how each is costed"). An authority's own tier
 * set, with ids Mapio has never heard of, costs to the penny.
 */
import { describe, expect, it } from 'vitest';
import type { Tier } from '../domain';
import { costSchoolYear } from './costSchoolYear';
import { enrolOn, interventionLine, learner, schoolYear } from '../../test/support/schoolYearBuilder';

/** An authority's tier set: nothing here is called universal, targeted or alp. */
const AUTHORITY_TIERS: Tier[] = [
  { id: 'sylfaen', name: 'Foundation', nameCy: 'Cyffredinol', description: '', descriptionCy: '', isAlp: false, costing: 'whole_school', sortOrder: 1 },
  { id: 'wedi_targedu', name: 'Targeted', nameCy: 'Wedi’i dargedu', description: '', descriptionCy: '', isAlp: false, costing: 'shared', sortOrder: 2 },
  { id: 'ddy', name: 'ALP', nameCy: 'DDY', description: '', descriptionCy: '', isAlp: true, costing: 'shared', sortOrder: 3 },
];

// 1540p × 1 TA × 60/60 × 1 a week × 38 weeks = 58,520p.
const wholeSchool = interventionLine({ id: 1, tierId: 'sylfaen', minutesPerSession: 60, sessionsPerWeekHundredths: 100, weeks: 38, groupCapacity: 1100 });
// 1540p × 30/60 × 3 a week × 12 weeks = 27,720p.
const targeted = interventionLine({ id: 2, tierId: 'wedi_targedu' });
const learners = [1, 2, 3].map((id) => learner({ id }));
const year = schoolYear({
  school: { ...schoolYear().school, numberOnRoll: 1100 },
  tiers: AUTHORITY_TIERS,
  lines: [wholeSchool, targeted],
  learners,
  enrolments: [
    enrolOn(wholeSchool, 1, 1),
    enrolOn(wholeSchool, 2, 2),
    enrolOn(targeted, 3, 1),
    enrolOn(targeted, 4, 2),
    enrolOn(targeted, 5, 3, { startWeek: 8, endWeek: 12 }), // 5 of the 12 weeks
  ],
});
const map = costSchoolYear(year);
const costed = (id: number) => map.lines.find((l) => l.lineId === id)!;

describe('tier costing modes with an authority’s own tier ids', () => {
  it('costs the whole-school tier per pupil on roll: £585.20 ÷ 1,100 = 53p, nothing shared to the 2 learners enrolled', () => {
    expect(costed(1)).toMatchObject({ costPence: 58_520, unallocatedPence: 58_520, enrolledLearners: 2 });
    expect(costed(1).shares.map((s) => s.pence)).toEqual([0, 0]);
    expect(map.totals.wholeSchoolPerPupilPence).toBe(53); // 58,520 ÷ 1,100 = 53.2
  });

  it('shares the shared tier by enrolled weeks, by largest remainder: 12, 12 and 5 of 29 weeks of £277.20', () => {
    // 27,720 × 12/29 = 11,470.34; × 5/29 = 4,779.31. Floors sum to 27,719: the spare penny goes to the
    // largest remainder, a tie between the first two, so to the earlier enrolment.
    expect(costed(2).shares.map((s) => [s.enrolmentId, s.weeks, s.pence])).toEqual([
      [3, 12, 11_471],
      [4, 12, 11_470],
      [5, 5, 4_779],
    ]);
    expect(costed(2).unallocatedPence).toBe(0);
  });

  it('gives each learner only the shared tier’s shares', () => {
    const pence = (id: number) => map.learners.find((l) => l.learnerId === id)?.costPence;
    expect([pence(1), pence(2), pence(3)]).toEqual([11_471, 11_470, 4_779]);
  });

  it('recognises no id: a tier called `universal` marked shared is shared, and one of the authority’s is whole school', () => {
    const renamed = costSchoolYear({
      ...year,
      tiers: [{ id: 'universal', name: 'Universal', nameCy: 'Cyffredinol', description: '', descriptionCy: '', isAlp: false, costing: 'shared', sortOrder: 1 }, ...AUTHORITY_TIERS.slice(1)],
      lines: [{ ...wholeSchool, tierId: 'universal' }, targeted],
    });
    const line = renamed.lines.find((l) => l.lineId === 1)!;
    expect(line.shares.map((s) => s.pence)).toEqual([29_260, 29_260]);
    expect(line.unallocatedPence).toBe(0);
    expect(renamed.totals.wholeSchoolPerPupilPence).toBe(0);
  });

  it('a line whose tier is not in the list is shared, never hidden', () => {
    const orphan = costSchoolYear({ ...year, lines: [{ ...targeted, tierId: 'not_configured' }] });
    expect(orphan.lines[0]!.shares.reduce((sum, s) => sum + s.pence, 0)).toBe(27_720);
  });

  it('prompts a review of long support on a shared tier that is not ALP, never on a whole-school tier', () => {
    const long = { startWeek: 1, weeks: 38 } as const;
    const onWholeSchool = costSchoolYear({ ...year, lines: [{ ...wholeSchool, ...long }], enrolments: [enrolOn({ ...wholeSchool, ...long }, 1, 1)] });
    const onTargeted = costSchoolYear({ ...year, lines: [{ ...targeted, ...long }], enrolments: [enrolOn({ ...targeted, ...long }, 1, 1)] });
    expect(onWholeSchool.checks.filter((c) => c.code === 'targeted_long_no_idp')).toEqual([]);
    expect(onTargeted.checks.filter((c) => c.code === 'targeted_long_no_idp').map((c) => c.subject)).toEqual([{ kind: 'learner', id: 1 }]);
  });
});
