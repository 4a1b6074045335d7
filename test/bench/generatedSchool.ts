/**
 * Realistic school years for the bench, generated from a seed (the same seed always gives the same year).
 *
 * `generatedSchoolYear` builds a school of any size the way a Welsh school's provision map looks:
 * - staff: an ALNCo, teachers, HLTAs, TAs (full- and part-time), LSWs, a specialist or two, an
 *   administrator and unassigned placeholders, each with an hourly cost including on-costs;
 * - lines: universal whole-class provision (core budget, nobody enrolled: costed per pupil), targeted
 *   small groups (mostly the ALN budget, some grant), ALP groups and 1:1 support (the ALN budget, the
 *   authority for LA-maintained IDPs, the odd health-board line), with planning minutes, fortnightly
 *   sessions, parallel groups, resources and licences, and a few weeks not delivered;
 * - learners: a mix of monitored learners, school- and LA-maintained IDPs and a few with no status,
 *   every one enrolled on at least one line; long lines run rolling cohorts (a term each);
 * - income, other costs (ALNCo release, EP and SALT sessions, cover, training, equipment) and workload.
 *
 * `largeSecondaryYear()` is the benchmark's large secondary: 1,800 on roll, 400 learners with provision,
 * 150 lines, 60 staff, 2,500 enrolments.
 */
import type { Enrolment, IncomeLine, InterventionLine, Learner, LanguageMedium, OtherCostLine, Phase, SchoolYear, StaffMember } from '../../shared/domain';
import { calendar2026 } from '../support/schoolYearBuilder';
import { DEFAULT_AREAS, DEFAULT_TIERS } from '../../shared/schoolDefaults';
import { seededRandom, type SeededRandom } from '../support/seededRandom';

export const BENCH_SEED = 20_260_907;

export interface SchoolSize {
  seed: number;
  name: string;
  localAuthority: string;
  phase: Phase;
  languageMedium: LanguageMedium;
  numberOnRoll: number;
  /** Learners on the map (every one enrolled on at least one line). */
  learners: number;
  lines: number;
  staff: number;
  enrolments: number;
}

export const LARGE_SECONDARY: SchoolSize = {
  seed: BENCH_SEED,
  name: 'Ysgol Uwchradd Bro Taf (bench)',
  localAuthority: 'Rhondda Cynon Taf',
  phase: 'secondary',
  languageMedium: 'bilingual',
  numberOnRoll: 1800,
  learners: 400,
  lines: 150,
  staff: 60,
  enrolments: 2500,
};

export function largeSecondaryYear(): SchoolYear {
  return generatedSchoolYear(LARGE_SECONDARY);
}

const AREAS = ['cognition_learning', 'communication_interaction', 'besd', 'sensory_physical'] as const;

const TARGETED_NAMES = [
  'Precision teaching (reading)',
  'Catch-up literacy',
  'Fresh Start phonics',
  'Numeracy catch-up',
  'Toe by Toe',
  'Social skills group',
  'ELSA',
  'Lego therapy',
  'Handwriting group',
  'Anger management group',
  'Talkabout',
  'Reading buddies',
  'Spelling group',
  'Lexia',
  'Maths mastery group',
  'Attendance mentoring',
  'Cymorth darllen',
  'Grŵp llythrennedd',
  'Speech and language group',
  'Nurture group',
];
const ALP_GROUP_NAMES = [
  'Speech and language group',
  'Specialist literacy (dyslexia)',
  'Nurture group',
  'Motor skills programme',
  'Social communication group',
  'Therapeutic play',
  'Grŵp iaith a lleferydd',
  'Specialist numeracy (dyscalculia)',
  'Sensory circuits',
];
const UNIVERSAL_NAMES = [
  'Literacy across the curriculum',
  'Quality-first differentiation',
  'Form-time reading',
  'Homework club',
  'Calm room',
  'Transition programme',
  'Lunchtime club',
  'Visual timetables',
];
const MEASURES: Array<[string, string]> = [
  ['Reading age', 'months'],
  ['Spelling age', 'months'],
  ['Boxall profile', 'score'],
  ['SDQ', 'score'],
  ['Numeracy test', 'standardised score'],
];

function makeStaff(rnd: SeededRandom, count: number): StaffMember[] {
  const staff: StaffMember[] = [];
  const add = (role: StaffMember['role'], name: string, hourly: number, minutes: number, placeholder = false) =>
    staff.push({
      id: staff.length + 1,
      name,
      role,
      isPlaceholder: placeholder,
      hourlyCostPence: hourly,
      hourlyCostBasis: null,
      contractedMinutesPerWeek: minutes,
      worksInWelsh: rnd.chance(0.35),
    });
  add('alnco', 'ALNCo', rnd.int(4600, 5400), 1950);
  // Shares of the rest: teachers 15%, HLTAs 10%, LSWs 7%, specialists 4%, admin 1, placeholders 2, TAs the rest.
  const rest = Math.max(0, count - 1);
  const teachers = Math.round(rest * 0.15);
  const hltas = Math.round(rest * 0.1);
  const lsws = Math.round(rest * 0.07);
  const specialists = Math.max(rest >= 10 ? 1 : 0, Math.round(rest * 0.04));
  const admin = rest >= 8 ? 1 : 0;
  const placeholders = rest >= 12 ? 2 : rest >= 4 ? 1 : 0;
  const tas = Math.max(0, rest - teachers - hltas - lsws - specialists - admin - placeholders);
  for (let i = 0; i < teachers; i++) add('teacher', `Teacher ${i + 1}`, rnd.int(3600, 5200), 1950);
  for (let i = 0; i < hltas; i++) add('hlta', `HLTA ${i + 1}`, rnd.int(1880, 2240), rnd.pick([1950, 1950, 1650]));
  for (let i = 0; i < tas; i++) add('ta', `Teaching assistant ${i + 1}`, rnd.int(1420, 1880), rnd.pick([1950, 1950, 1950, 1650, 1500, 1200]));
  for (let i = 0; i < lsws; i++) add('lsw', `Learning support worker ${i + 1}`, rnd.int(1480, 1720), rnd.pick([1950, 1650]));
  for (let i = 0; i < specialists; i++) add('specialist', `Specialist ${i + 1}`, rnd.int(2600, 3600), rnd.pick([1950, 1200, 900]));
  for (let i = 0; i < admin; i++) add('admin', 'ALN administrator', rnd.int(1500, 1700), 1500);
  for (let i = 0; i < placeholders; i++) add('ta', `TA level 3, unassigned ${i + 1}`, 1725, 1950, true);
  return staff.slice(0, count);
}

type LineKind = 'universal' | 'targeted' | 'alp_group' | 'one_to_one';

function lineKinds(count: number): LineKind[] {
  const universal = Math.max(1, Math.round(count * 0.08));
  const oneToOne = Math.max(count >= 10 ? 1 : 0, Math.round(count * 0.13));
  const alpGroups = Math.max(1, Math.round(count * 0.2));
  const targeted = Math.max(0, count - universal - oneToOne - alpGroups);
  return [
    ...Array<LineKind>(universal).fill('universal'),
    ...Array<LineKind>(targeted).fill('targeted'),
    ...Array<LineKind>(alpGroups).fill('alp_group'),
    ...Array<LineKind>(oneToOne).fill('one_to_one'),
  ].slice(0, count);
}

function makeLine(rnd: SeededRandom, id: number, kind: LineKind, staff: StaffMember[], welshShare: number): InterventionLine {
  const byRole = (roles: StaffMember['role'][]) => {
    const found = staff.filter((s) => roles.includes(s.role));
    return found.length > 0 ? found : staff;
  };
  const areaCount = rnd.weighted([
    [1, 6],
    [2, 3],
    [0, 1],
  ] as const);
  const areas = [...new Set(Array.from({ length: areaCount }, () => rnd.pick(AREAS)))];
  const deliveryLanguage = rnd.chance(welshShare) ? 'welsh' : rnd.chance(0.15) ? 'bilingual' : 'english';
  const nonStaffCosts = rnd.chance(0.45) ? [{ label: rnd.pick(['Resource pack', 'Workbooks', 'Assessment materials', 'Sensory kit']), pence: rnd.int(1500, 35_000) }] : [];
  if (rnd.chance(0.12)) nonStaffCosts.push({ label: 'Software licence', pence: rnd.int(40_000, 220_000) });
  const base = {
    id,
    description: '',
    rationale: rnd.pick(['EEF toolkit', 'IDP', 'Educational psychologist’s advice', 'SALT programme', 'School data']),
    areaIds: areas,
    deliveryLanguage,
    fundingNote: '',
    fundingNoteCy: '',
    nonStaffCosts,
    undeliveredWeeks: [] as number[],
    expectedProgress: null,
  } satisfies Partial<InterventionLine>;

  let line: InterventionLine;
  if (kind === 'universal') {
    line = {
      ...base,
      name: rnd.pick(UNIVERSAL_NAMES),
      nameCy: '',
      descriptionCy: '',
      tierId: 'universal',
      fundingSource: 'core_budget',
      staff: [{ staffId: rnd.pick(byRole(['teacher', 'hlta', 'ta'])).id, count: 1 }],
      minutesPerSession: rnd.pick([20, 30, 50, 60]),
      planningMinutesPerSession: rnd.pick([0, 0, 5]),
      sessionsPerWeekHundredths: rnd.pick([100, 200, 500]),
      startWeek: 1,
      weeks: 38,
      groups: rnd.int(1, 6),
      groupCapacity: rnd.pick([25, 30]),
    };
  } else if (kind === 'targeted') {
    const weeks = rnd.pick([6, 8, 10, 12, 12, 24, 38, 38]);
    line = {
      ...base,
      name: rnd.pick(TARGETED_NAMES),
      nameCy: '',
      descriptionCy: '',
      tierId: 'targeted',
      fundingSource: rnd.weighted([
        ['aln_budget', 7],
        ['aln_grant', 2],
        ['core_budget', 1],
      ] as const),
      staff: [{ staffId: rnd.pick(byRole(['ta', 'hlta', 'lsw'])).id, count: 1 }],
      minutesPerSession: rnd.pick([20, 25, 30, 40, 45, 50, 60]),
      planningMinutesPerSession: rnd.pick([0, 0, 0, 5, 10]),
      sessionsPerWeekHundredths: rnd.pick([50, 100, 200, 200, 300, 300, 500]),
      startWeek: rnd.int(1, 39 - weeks),
      weeks,
      groups: rnd.weighted([
        [1, 6],
        [2, 3],
        [3, 1],
      ] as const),
      groupCapacity: rnd.int(4, 8),
    };
  } else if (kind === 'alp_group') {
    const weeks = rnd.pick([12, 24, 38, 38]);
    const staffOnLine = [{ staffId: rnd.pick(byRole(['hlta', 'ta', 'specialist'])).id, count: 1 }];
    if (rnd.chance(0.3)) {
      const second = rnd.pick(byRole(['teacher', 'specialist', 'alnco']));
      if (second.id !== staffOnLine[0]!.staffId) staffOnLine.push({ staffId: second.id, count: 1 });
    }
    line = {
      ...base,
      name: rnd.pick(ALP_GROUP_NAMES),
      nameCy: '',
      descriptionCy: '',
      tierId: 'alp',
      fundingSource: rnd.weighted([
        ['aln_budget', 8],
        ['aln_grant', 1],
        ['health_board', 1],
      ] as const),
      staff: staffOnLine,
      minutesPerSession: rnd.pick([30, 45, 50, 60]),
      planningMinutesPerSession: rnd.pick([0, 5, 10, 15]),
      sessionsPerWeekHundredths: rnd.pick([100, 200, 300]),
      startWeek: rnd.int(1, 39 - weeks),
      weeks,
      groups: rnd.weighted([
        [1, 7],
        [2, 3],
      ] as const),
      groupCapacity: rnd.int(2, 6),
    };
  } else {
    line = {
      ...base,
      name: '1:1 support',
      nameCy: '',
      descriptionCy: '',
      tierId: 'alp',
      fundingSource: rnd.weighted([
        ['aln_budget', 6],
        ['la_idp', 4],
      ] as const),
      staff: [{ staffId: rnd.pick(byRole(['ta', 'lsw'])).id, count: 1 }],
      minutesPerSession: rnd.pick([60, 120, 180, 300, 390]),
      planningMinutesPerSession: 0,
      sessionsPerWeekHundredths: 500,
      startWeek: 1,
      weeks: 38,
      groups: 1,
      groupCapacity: 1,
      nonStaffCosts: [],
    };
  }
  // A vacancy or long absence on about one line in twelve.
  if (line.weeks >= 6 && rnd.chance(0.08)) {
    const first = line.startWeek + rnd.int(1, line.weeks - 3);
    line.undeliveredWeeks = Array.from({ length: rnd.int(1, 3) }, (_, k) => first + k).filter((w) => w < line.startWeek + line.weeks);
  }
  return line;
}

function makeLearners(rnd: SeededRandom, count: number, phase: Phase): Learner[] {
  const years = phase === 'secondary' ? [7, 8, 9, 10, 11, 12, 13] : phase === 'nursery' ? [-1, 0] : phase === 'primary' ? [0, 1, 2, 3, 4, 5, 6] : [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  return Array.from({ length: count }, (_, i): Learner => {
    const alnStatus = rnd.weighted([
      ['monitored', 50],
      ['idp_school', 28],
      ['idp_la', 7],
      ['none', 15],
    ] as const);
    const idp = alnStatus === 'idp_school' || alnStatus === 'idp_la';
    const areaCount = alnStatus === 'none' ? 0 : rnd.int(1, 2);
    const reviewed = idp ? `2026-0${rnd.int(1, 9)}-${String(rnd.int(10, 28))}` : null;
    return {
      id: i + 1,
      ref: `UPN${String(100_000 + i)}`,
      name: `Learner ${i + 1}`,
      yearGroup: rnd.pick(years),
      alnStatus,
      areaIds: [...new Set(Array.from({ length: areaCount }, () => rnd.pick(AREAS)))],
      welshAlp: idp && rnd.chance(0.12),
      idpAlpMinutesPerWeek: idp ? (rnd.chance(0.85) ? rnd.pick([60, 90, 120, 180, 240, 300, 600]) : null) : null,
      idpLastReviewed: reviewed,
      idpReviewDue: null,
      efsm: rnd.chance(0.24),
      lookedAfter: rnd.chance(0.02),
      referredOn: null,
      referralDecider: 'school',
      decidedOn: null,
    };
  });
}

/** Spread `total` enrolments over the lines that take learners, in proportion to their places and cohorts. */
function enrolmentsPerLine(rnd: SeededRandom, lines: InterventionLine[], total: number, oneToOne: Set<number>): Map<number, number> {
  const counts = new Map<number, number>();
  let left = total;
  for (const l of lines)
    if (oneToOne.has(l.id)) {
      counts.set(l.id, 1);
      left -= 1;
    }
  const shared = lines.filter((l) => l.tierId !== 'universal' && !oneToOne.has(l.id));
  const weight = (l: InterventionLine) => l.groups * l.groupCapacity * (l.weeks >= 24 ? 3 : 1) * (0.7 + rnd.next() * 0.6);
  const weights = shared.map(weight);
  const sum = weights.reduce((a, b) => a + b, 0);
  let given = 0;
  shared.forEach((l, i) => {
    const n = Math.max(1, Math.floor((left * weights[i]!) / sum));
    counts.set(l.id, n);
    given += n;
  });
  // Hand out (or take back) the remainder one at a time, round the shared lines; a line keeps at least one.
  let changedThisPass = true;
  for (let i = 0; given !== left && shared.length > 0; i = (i + 1) % shared.length) {
    if (i === 0) {
      if (!changedThisPass) break;
      changedThisPass = false;
    }
    const id = shared[i]!.id;
    const n = counts.get(id)!;
    if (given < left) {
      counts.set(id, n + 1);
      given += 1;
      changedThisPass = true;
    } else if (n > 1) {
      counts.set(id, n - 1);
      given -= 1;
      changedThisPass = true;
    }
  }
  return counts;
}

export function generatedSchoolYear(size: SchoolSize): SchoolYear {
  const rnd = seededRandom(size.seed);
  const calendar = calendar2026();
  const weeksInYear = calendar.weekStarts.length;
  const staff = makeStaff(rnd, size.staff);
  const welshShare = size.languageMedium === 'welsh' ? 0.8 : size.languageMedium === 'bilingual' || size.languageMedium === 'dual_stream' ? 0.3 : 0.05;
  const lines = lineKinds(size.lines).map((kind, i) => makeLine(rnd, i + 1, kind, staff, welshShare));
  // A name used again in the same school is a further group of the same intervention: "ELSA (group 2)".
  const seen = new Map<string, number>();
  for (const line of lines) {
    const n = (seen.get(line.name) ?? 0) + 1;
    seen.set(line.name, n);
    if (n > 1) line.name = `${line.name} (group ${n})`;
  }
  const oneToOne = new Set(lines.filter((l) => l.groupCapacity === 1 && l.tierId === 'alp').map((l) => l.id));
  const learners = makeLearners(rnd, size.learners, size.phase);
  const idpLearners = learners.filter((l) => l.alnStatus === 'idp_school' || l.alnStatus === 'idp_la');

  const perLine = enrolmentsPerLine(rnd, lines, size.enrolments, oneToOne);
  const onLine = new Map<number, Set<number>>();
  const enrolments: Enrolment[] = [];
  // Learners not yet enrolled anywhere go first, so every learner on the map has provision.
  const waiting = learners.map((l) => l.id);
  for (let i = waiting.length - 1; i > 0; i--) {
    const j = rnd.int(0, i);
    [waiting[i], waiting[j]] = [waiting[j]!, waiting[i]!];
  }
  const oneToOneLearners = [...idpLearners];
  for (const line of lines) {
    const wanted = perLine.get(line.id) ?? 0;
    const taken = new Set<number>();
    onLine.set(line.id, taken);
    const [measureName, measureUnit] = rnd.pick(MEASURES);
    for (let k = 0; k < wanted; k++) {
      let learnerId: number | undefined;
      if (oneToOne.has(line.id)) {
        const pool = line.fundingSource === 'la_idp' ? oneToOneLearners.filter((l) => l.alnStatus === 'idp_la') : oneToOneLearners;
        const chosen = pool.length > 0 ? rnd.pick(pool) : rnd.pick(learners);
        const at = oneToOneLearners.indexOf(chosen);
        if (at >= 0) oneToOneLearners.splice(at, 1);
        learnerId = chosen.id;
      } else {
        for (let tries = 0; tries < 50 && learnerId === undefined; tries++) {
          const candidate = waiting.length > 0 ? waiting[waiting.length - 1]! : line.tierId === 'alp' && idpLearners.length > 0 && rnd.chance(0.8) ? rnd.pick(idpLearners).id : rnd.pick(learners).id;
          if (!taken.has(candidate)) learnerId = candidate;
          else if (waiting.length > 0) break;
        }
        if (learnerId === undefined) continue;
      }
      const at = waiting.lastIndexOf(learnerId);
      if (at >= 0) waiting.splice(at, 1);
      taken.add(learnerId);
      // Long lines run rolling cohorts of about a term; some learners join a week or two late.
      const lineEnd = line.startWeek + line.weeks - 1;
      let startWeek = line.startWeek;
      let endWeek = lineEnd;
      if (line.weeks >= 24 && !oneToOne.has(line.id)) {
        const term = Math.floor(line.weeks / 3);
        const cohort = k % 3;
        startWeek = line.startWeek + cohort * term;
        endWeek = cohort === 2 ? lineEnd : startWeek + term - 1;
      }
      if (rnd.chance(0.1) && endWeek - startWeek >= 4) startWeek += rnd.int(1, 2);
      const measured = rnd.chance(0.7);
      const entry = measured ? rnd.int(60, 120) : null;
      enrolments.push({
        id: enrolments.length + 1,
        lineId: line.id,
        learnerId,
        startWeek,
        endWeek: Math.min(endWeek, weeksInYear),
        measureName: measured ? measureName : '',
        measureNameCy: '',
        measureUnit: measured ? measureUnit : '',
        measureUnitCy: '',
        entryValue: entry,
        exitValue: entry !== null && endWeek <= 20 && rnd.chance(0.6) ? entry + rnd.int(-2, 12) : null,
      });
    }
  }

  const alnco = staff.find((s) => s.role === 'alnco') ?? staff[0]!;
  const admin = staff.find((s) => s.role === 'admin');
  const scale = Math.max(1, Math.round(size.numberOnRoll / 300));
  const income: IncomeLine[] = [
    {
      id: 1,
      kind: 'delegated_aln',
      name: 'Delegated ALN budget',
      nameCy: '',
      amountPence: rnd.int(45_000, 60_000) * 100 * scale,
      financialYear: null,
      endsOn: null,
      source: 'LA budget statement, March 2026',
      sourceCy: '',
    },
    {
      id: 2,
      kind: 'aln_grant',
      name: 'ALN implementation grant',
      nameCy: '',
      amountPence: rnd.int(4_000, 9_000) * 100 * scale,
      financialYear: 2026,
      endsOn: '2027-03-31',
      source: 'Grant letter',
      sourceCy: '',
    },
    { id: 3, kind: 'la_top_up', name: 'LA top-ups (IDPs)', nameCy: '', amountPence: rnd.int(8_000, 15_000) * 100 * scale, financialYear: null, endsOn: null, source: 'LA', sourceCy: '' },
    {
      id: 4,
      kind: 'school_contribution',
      name: 'School contribution',
      nameCy: '',
      amountPence: rnd.int(5_000, 12_000) * 100 * scale,
      financialYear: null,
      endsOn: null,
      source: 'Governors',
      sourceCy: '',
    },
  ];
  const otherCosts: OtherCostLine[] = [
    {
      id: 1,
      kind: 'alnco_release',
      name: 'ALNCo release time',
      nameCy: '',
      fundingSource: 'aln_budget',
      staffId: alnco.id,
      minutesPerWeek: 300 * Math.min(3, scale),
      quantity: 0,
      unitPence: 0,
      startWeek: 1,
      weeks: weeksInYear,
    },
    {
      id: 2,
      kind: 'bought_in_service',
      name: 'Educational psychology',
      nameCy: '',
      fundingSource: 'aln_budget',
      staffId: null,
      minutesPerWeek: 0,
      quantity: 3 * scale,
      unitPence: 55_000,
      startWeek: 1,
      weeks: weeksInYear,
    },
    {
      id: 3,
      kind: 'bought_in_service',
      name: 'Speech and language therapy',
      nameCy: '',
      fundingSource: 'aln_grant',
      staffId: null,
      minutesPerWeek: 0,
      quantity: 5 * scale,
      unitPence: 18_000,
      startWeek: 1,
      weeks: weeksInYear,
    },
    {
      id: 4,
      kind: 'professional_learning',
      name: 'ALN training',
      nameCy: '',
      fundingSource: 'aln_budget',
      staffId: null,
      minutesPerWeek: 0,
      quantity: 1,
      unitPence: 150_000 * scale,
      startWeek: 1,
      weeks: weeksInYear,
    },
    {
      id: 5,
      kind: 'cover',
      name: 'Cover for IDP meetings',
      nameCy: '',
      fundingSource: 'core_budget',
      staffId: null,
      minutesPerWeek: 0,
      quantity: 6 * scale,
      unitPence: 18_000,
      startWeek: 1,
      weeks: weeksInYear,
    },
    {
      id: 6,
      kind: 'equipment',
      name: 'Specialist equipment',
      nameCy: '',
      fundingSource: 'aln_budget',
      staffId: null,
      minutesPerWeek: 0,
      quantity: 1,
      unitPence: 120_000 * scale,
      startWeek: 1,
      weeks: weeksInYear,
    },
  ];
  if (admin)
    otherCosts.push({
      id: 7,
      kind: 'administration',
      name: 'ALN administration',
      nameCy: '',
      fundingSource: 'aln_budget',
      staffId: admin.id,
      minutesPerWeek: 600,
      quantity: 0,
      unitPence: 0,
      startWeek: 1,
      weeks: weeksInYear,
    });

  return {
    school: {
      name: size.name,
      nameCy: '',
      localAuthority: size.localAuthority,
      localAuthorityCy: '',
      localAuthorityCode: '',
      officialNumber: '',
      phase: size.phase,
      numberOnRoll: size.numberOnRoll,
      efsmBasisPoints: rnd.int(600, 3800),
      languageMedium: size.languageMedium,
      academicYear: '2026-27',
      alpDefinitionSource: `${size.localAuthority} ALP guidance`,
      alpDefinitionSourceCy: '',
      alpDefinitionDate: '2025-06-30',
    },
    calendar,
    tiers: DEFAULT_TIERS.map((t) => ({ ...t })),
    areas: DEFAULT_AREAS.map((a) => ({ ...a })),
    staff,
    lines,
    learners,
    enrolments,
    income,
    otherCosts,
    workload: { alncoStaffId: alnco.id, idpsToPrepare: Math.max(1, Math.round(idpLearners.length * 0.2)), minutesPerIdp: 600, idpReviews: idpLearners.length, minutesPerReview: 120 },
  };
}
