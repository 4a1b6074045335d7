/**
 * Test support: varied, generated school years for the export tests (seeded, so a failure repeats).
 * They stress the workbook's formulas: odd hourly rates, fractional sessions, several staff with counts,
 * parallel groups, planning minutes, every funding source, a tier the school renamed, one that is not
 * configured, other costs of both kinds, and lines whose exact cost is a half penny (rounded away from zero).
 */
import type { YearView } from '../../shared/api/contract';
import { FUNDING_SOURCES, type SchoolYear } from '../../shared/domain';
import { costSchoolYear } from '../../shared/engine';
import { enrolment, incomeLine, interventionLine, learner, otherCost, schoolYear, staffMember } from './schoolYearBuilder';
import { seededRandom } from './seededRandom';

/** The same numbers for the same seed on every run (mulberry32). */
const random = (seed: number): (() => number) => seededRandom(seed).next;

export function variedSchoolYear(seed: number, size: { lines?: number; learners?: number } = {}): SchoolYear {
  const rnd = random(seed);
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)] as T;
  const tiers = ['universal', 'targeted', 'alp', 'nurture_plus'];
  const areas = ['cognition_learning', 'communication_interaction', 'besd', 'sensory_physical'];

  const staff = Array.from({ length: int(3, 7) }, (_, i) => staffMember({ id: i + 1, name: `Staff member ${i + 1}`, hourlyCostPence: int(1201, 6399), contractedMinutesPerWeek: int(600, 1950) }));
  const lineCount = size.lines ?? int(8, 30);
  const lines = Array.from({ length: lineCount }, (_, i) => {
    const weeks = int(1, 38);
    return interventionLine({
      id: i + 1,
      name: `Intervention ${seed}-${i + 1}`,
      description: `Generated line ${i + 1}.`,
      tierId: pick(tiers),
      areaIds: [...new Set(Array.from({ length: int(0, 3) }, () => pick(areas)))],
      deliveryLanguage: pick(['welsh', 'english', 'bilingual'] as const),
      fundingSource: pick(FUNDING_SOURCES),
      staff: Array.from({ length: int(0, 3) }, () => ({ staffId: int(1, staff.length), count: int(1, 3) })).filter((a, k, all) => all.findIndex((b) => b.staffId === a.staffId) === k),
      minutesPerSession: int(5, 390),
      planningMinutesPerSession: pick([0, 0, 5, 10, 15, 7]),
      sessionsPerWeekHundredths: pick([50, 100, 125, 200, 250, 300, 333, 500, 1000]),
      startWeek: int(1, 39 - weeks),
      weeks,
      groups: int(1, 4),
      groupCapacity: int(1, 12),
      nonStaffCosts: Array.from({ length: int(0, 2) }, (_, k) => ({ label: `Resource ${k + 1}`, pence: int(0, 250_000) })),
      undeliveredWeeks: [],
    });
  });
  // Exactly half a penny before rounding: 1541 × 30 min × 1 session × 1 week ÷ 60 = 770.5p → 771p.
  lines.push(
    interventionLine({
      id: lineCount + 1,
      name: 'Half-penny check',
      tierId: 'targeted',
      areaIds: ['besd'],
      staff: [{ staffId: 1, count: 1 }],
      minutesPerSession: 30,
      planningMinutesPerSession: 0,
      sessionsPerWeekHundredths: 100,
      startWeek: 1,
      weeks: 1,
      groups: 1,
      groupCapacity: 1,
      nonStaffCosts: [],
    }),
  );
  staff[0]!.hourlyCostPence = 1541;

  const learnerCount = size.learners ?? int(5, 40);
  const learners = Array.from({ length: learnerCount }, (_, i) =>
    learner({
      id: i + 1,
      ref: `V${seed}-${String(i + 1).padStart(4, '0')}`,
      name: `Learner Name${i + 1} Surname${seed}`,
      alnStatus: pick(['none', 'monitored', 'idp_school', 'idp_la'] as const),
      areaIds: [pick(areas)],
    }),
  );
  let enrolmentId = 0;
  const enrolments = lines.flatMap((line) =>
    Array.from({ length: int(0, 4) }, () => int(1, learnerCount))
      .filter((v, k, all) => all.indexOf(v) === k)
      .map((learnerId) => enrolment({ id: ++enrolmentId, lineId: line.id, learnerId, startWeek: line.startWeek, endWeek: line.startWeek + line.weeks - 1 })),
  );

  const year = schoolYear({
    staff,
    lines,
    learners,
    enrolments,
    income: [
      incomeLine({ id: 1, amountPence: int(1_000_000, 20_000_000), name: 'Delegated ALN' }),
      incomeLine({ id: 2, amountPence: int(0, 3_000_000), name: 'ALN grant', kind: 'aln_grant', financialYear: 2026 }),
    ],
    otherCosts: [
      otherCost({ id: 1, name: 'ALNCo release', kind: 'alnco_release', staffId: 1, minutesPerWeek: int(30, 600), quantity: 0, unitPence: 0, startWeek: 1, weeks: 38, fundingSource: 'aln_budget' }),
      otherCost({
        id: 2,
        name: 'Educational psychology',
        kind: 'bought_in_service',
        staffId: null,
        minutesPerWeek: 0,
        quantity: int(1, 12),
        unitPence: int(10_000, 60_000),
        startWeek: 1,
        weeks: 38,
        fundingSource: pick(FUNDING_SOURCES),
      }),
    ],
  });
  year.school = { ...year.school, name: `Ysgol Amrywiol ${seed} & Partners`, numberOnRoll: int(50, 1500) };
  // A tier the school renamed (its name is kept as typed) and an ALP tier of its own.
  year.tiers = [
    { id: 'universal', name: 'Whole-school offer', nameCy: '', description: '', descriptionCy: '', isAlp: false, costing: 'whole_school', sortOrder: 1 },
    { id: 'targeted', name: 'Targeted', nameCy: 'Wedi’i thargedu', description: '', descriptionCy: '', isAlp: false, costing: 'shared', sortOrder: 2 },
    { id: 'alp', name: 'ALP', nameCy: 'DDY', description: '', descriptionCy: '', isAlp: true, costing: 'shared', sortOrder: 3 },
  ];
  year.workload = { alncoStaffId: 1, idpsToPrepare: int(0, 20), minutesPerIdp: 600, idpReviews: int(0, 40), minutesPerReview: 180 };
  return year;
}

/** A YearView of a school year as the backend would give it (costed as at 24 November 2026). */
export function viewOf(data: SchoolYear): YearView {
  return {
    file: { path: '/tmp/school.mapio', name: 'school.mapio' },
    data,
    costed: costSchoolYear(data, { today: '2026-11-24' }),
    history: { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null },
    viewedOn: { date: '2026-11-24', chosenWeek: null },
  };
}
