/**
 * A small, hand-made school year for tests anywhere in Mapio (db, engine, handlers, export).
 * Every call returns a fresh copy, so a test may change it freely.
 *
 * Ysgol Gynradd Bryn Derw, a bilingual primary in Neath Port Talbot, 2026-27: 3 tiers, 4 areas,
 * 3 staff, 4 lines, 6 learners, 8 enrolments, 2 income lines, 2 other cost lines, and a 38-week
 * calendar from Monday 7 September 2026 (half terms, Christmas and Easter left out).
 *
 * Worked figure: line 1 (a TA at £15.40/h, 30 minutes, 3 a week, 12 weeks, £45.00 pack) costs
 * 1540 × 30/60 × 3 × 12 = 27 720 p + 4 500 p = £322.20 (docs/costing-rules.md's worked example).
 */
import type { SchoolYear } from '../../shared/domain';
import { termsFromWeeks } from '../../shared/schoolTerms';
import { interventionLine } from './schoolYearBuilder';

/** Mondays the school is closed in 2026-27 (half terms, Christmas, Easter). */
const BREAK_MONDAYS = new Set(['2026-10-26', '2026-12-21', '2026-12-28', '2027-02-15', '2027-03-22', '2027-03-29', '2027-05-31']);

/** 38 teaching weeks from Monday 7 September 2026, skipping the breaks above. */
export function testCalendarWeeks(first = '2026-09-07', count = 38): string[] {
  const weeks: string[] = [];
  let day = Date.UTC(Number(first.slice(0, 4)), Number(first.slice(5, 7)) - 1, Number(first.slice(8, 10)));
  while (weeks.length < count) {
    const iso = new Date(day).toISOString().slice(0, 10);
    if (!BREAK_MONDAYS.has(iso)) weeks.push(iso);
    day += 7 * 86_400_000;
  }
  return weeks;
}

export function testSchoolYear(): SchoolYear {
  return {
    school: {
      name: 'Ysgol Gynradd Bryn Derw',
      nameCy: '',
      localAuthority: 'Neath Port Talbot',
      localAuthorityCy: '',
      localAuthorityCode: '671',
      officialNumber: '',
      phase: 'primary',
      numberOnRoll: 312,
      efsmBasisPoints: 2140,
      languageMedium: 'bilingual',
      academicYear: '2026-27',
      alpDefinitionSource: 'Neath Port Talbot ILP guidance',
      alpDefinitionSourceCy: '',
      alpDefinitionDate: '2025-06-30',
    },
    calendar: { weekStarts: testCalendarWeeks(), terms: termsFromWeeks(testCalendarWeeks()), closedDays: [] },
    tiers: [
      { id: 'universal', name: 'Universal', nameCy: 'Cyffredinol', description: '', descriptionCy: '', isAlp: false, costing: 'whole_school', sortOrder: 1 },
      { id: 'targeted', name: 'Targeted', nameCy: 'Wedi’i thargedu', description: '', descriptionCy: '', isAlp: false, costing: 'shared', sortOrder: 2 },
      { id: 'alp', name: 'ALP', nameCy: 'DDY', description: '', descriptionCy: '', isAlp: true, costing: 'shared', sortOrder: 3 },
    ],
    areas: [
      { id: 'cognition_learning', name: 'Cognition and learning', nameCy: 'Gwybyddiaeth a dysgu', sortOrder: 1 },
      { id: 'communication_interaction', name: 'Communication and interaction', nameCy: 'Cyfathrebu a rhyngweithio', sortOrder: 2 },
      { id: 'behaviour_emotional_social', name: 'Behaviour, emotional and social development', nameCy: 'Datblygiad ymddygiadol, emosiynol a chymdeithasol', sortOrder: 3 },
      { id: 'sensory_physical', name: 'Sensory and/or physical', nameCy: 'Synhwyraidd a/neu gorfforol', sortOrder: 4 },
    ],
    staff: [
      {
        id: 1,
        name: 'Sian Evans',
        role: 'ta',
        isPlaceholder: false,
        hourlyCostPence: 1540,
        hourlyCostBasis: { annualSalaryPence: 2_125_000, onCostBasisPoints: 2850, paidWeeksHundredths: 3860, paidMinutesPerWeek: 1950 },
        contractedMinutesPerWeek: 1950,
        worksInWelsh: true,
      },
      {
        id: 2,
        name: 'TA level 3, unassigned',
        role: 'ta',
        isPlaceholder: true,
        hourlyCostPence: 1725,
        hourlyCostBasis: null,
        contractedMinutesPerWeek: 1500,
        worksInWelsh: false,
      },
      {
        id: 3,
        name: 'Rhian Morgan',
        role: 'alnco',
        isPlaceholder: false,
        hourlyCostPence: 4210,
        hourlyCostBasis: null,
        contractedMinutesPerWeek: 1950,
        worksInWelsh: true,
      },
    ],
    lines: [
      interventionLine({
        id: 1,
        name: 'Precision teaching (reading)',
        description: 'Small-group precision teaching of high-frequency words',
        rationale: 'EEF: structured TA-led interventions',
        nonStaffCosts: [{ label: 'Resource pack', pence: 4500 }],
      }),
      interventionLine({
        id: 2,
        name: 'Cymorth iaith (speech and language group)',
        description: 'Language group following the SALT programme',
        rationale: 'Programme set by the NHS speech and language therapist',
        tierId: 'alp',
        areaIds: ['communication_interaction', 'cognition_learning'],
        deliveryLanguage: 'welsh',
        fundingSource: 'aln_grant',
        fundingNote: 'ALN implementation grant 2026-27',
        fundingNoteCy: '',
        staff: [
          { staffId: 1, count: 1 },
          { staffId: 3, count: 1 },
        ],
        minutesPerSession: 45,
        planningMinutesPerSession: 10,
        sessionsPerWeekHundredths: 200,
        startWeek: 3,
        weeks: 24,
        groupCapacity: 4,
        nonStaffCosts: [
          { label: 'Language cards', pence: 3999 },
          { label: 'Licence', pence: 12000 },
        ],
        undeliveredWeeks: [9, 10],
      }),
      interventionLine({
        id: 3,
        name: '1:1 support',
        description: 'Full-time 1:1 support set out in an LA-maintained IDP',
        rationale: 'IDP',
        tierId: 'alp',
        areaIds: ['sensory_physical'],
        fundingSource: 'la_idp',
        fundingNote: 'LA top-up',
        fundingNoteCy: '',
        staff: [{ staffId: 2, count: 1 }],
        minutesPerSession: 1950,
        sessionsPerWeekHundredths: 100,
        weeks: 38,
        groupCapacity: 1,
      }),
      interventionLine({
        id: 4,
        name: 'Nurture breakfast club',
        description: 'Fortnightly nurture group',
        rationale: 'Boxall profile',
        tierId: 'universal',
        areaIds: ['behaviour_emotional_social'],
        deliveryLanguage: 'bilingual',
        fundingSource: 'core_budget',
        staff: [{ staffId: 2, count: 2 }],
        minutesPerSession: 40,
        planningMinutesPerSession: 5,
        sessionsPerWeekHundredths: 50,
        weeks: 38,
        groups: 2,
        groupCapacity: 8,
        nonStaffCosts: [{ label: 'Food', pence: 25000 }],
      }),
    ],
    learners: [
      learner(1, 'A001', 'Aled Jones', 3, 'idp_school', ['communication_interaction'], true, 90),
      learner(2, 'A002', 'Bethan Price', 4, 'idp_la', ['sensory_physical'], false, 1950),
      learner(3, 'A003', 'Cai Williams', 2, 'monitored', ['cognition_learning'], false, null),
      learner(4, 'A004', 'Dewi Thomas', 5, 'none', [], false, null),
      learner(5, 'A005', 'Elin Roberts', 3, 'idp_school', ['cognition_learning', 'communication_interaction'], true, 60),
      learner(6, 'A006', 'Ffion Hughes', 1, 'monitored', ['behaviour_emotional_social'], false, null),
    ],
    enrolments: [
      enrolment(1, 1, 3, 1, 12, 'Reading age', 'months', 78, 86),
      enrolment(2, 1, 5, 1, 12, 'Reading age', 'months', 80, null),
      enrolment(3, 1, 4, 4, 12, 'Reading age', 'months', 75.5, null),
      enrolment(4, 2, 1, 3, 26, 'Language score', 'points', 12, null),
      enrolment(5, 2, 5, 3, 26, '', '', null, null),
      enrolment(6, 3, 2, 1, 38, 'Boxall', 'score', null, null),
      enrolment(7, 4, 6, 1, 38, 'Boxall', 'score', 41, null),
      enrolment(8, 4, 4, 1, 19, '', '', null, null),
    ],
    income: [
      {
        id: 1,
        kind: 'delegated_aln',
        name: 'Delegated ALN budget',
        nameCy: '',
        amountPence: 4_500_000,
        financialYear: null,
        endsOn: null,
        source: 'LA budget statement, 3 March 2026',
        sourceCy: '',
      },
      {
        id: 2,
        kind: 'aln_grant',
        name: 'ALN implementation grant',
        nameCy: '',
        amountPence: 650_000,
        financialYear: 2026,
        endsOn: '2027-03-31',
        source: 'Grant letter',
        sourceCy: '',
      },
    ],
    otherCosts: [
      {
        id: 1,
        kind: 'alnco_release',
        name: 'ALNCo release time',
        nameCy: '',
        fundingSource: 'aln_budget',
        staffId: 3,
        minutesPerWeek: 300,
        quantity: 0,
        unitPence: 0,
        startWeek: 1,
        weeks: 38,
      },
      {
        id: 2,
        kind: 'bought_in_service',
        name: 'Educational psychology sessions',
        nameCy: '',
        fundingSource: 'aln_budget',
        staffId: null,
        minutesPerWeek: 0,
        quantity: 4,
        unitPence: 45_000,
        startWeek: 1,
        weeks: 38,
      },
    ],
    workload: { alncoStaffId: 3, idpsToPrepare: 3, minutesPerIdp: 600, idpReviews: 5, minutesPerReview: 120 },
  };
}

function learner(
  id: number,
  ref: string,
  name: string,
  yearGroup: number,
  alnStatus: SchoolYear['learners'][number]['alnStatus'],
  areaIds: string[],
  welshAlp: boolean,
  idpAlpMinutesPerWeek: number | null,
): SchoolYear['learners'][number] {
  const hasIdp = alnStatus === 'idp_school' || alnStatus === 'idp_la';
  return {
    id,
    ref,
    name,
    yearGroup,
    alnStatus,
    areaIds,
    welshAlp,
    idpAlpMinutesPerWeek,
    idpLastReviewed: hasIdp ? '2026-06-15' : null,
    idpReviewDue: hasIdp && id === 2 ? '2026-12-01' : null,
    efsm: id % 2 === 0,
    lookedAfter: id === 6,
    referredOn: null,
    referralDecider: 'school',
    decidedOn: null,
  };
}

function enrolment(
  id: number,
  lineId: number,
  learnerId: number,
  startWeek: number,
  endWeek: number,
  measureName: string,
  measureUnit: string,
  entryValue: number | null,
  exitValue: number | null,
): SchoolYear['enrolments'][number] {
  return { id, lineId, learnerId, startWeek, endWeek, measureName, measureNameCy: '', measureUnit, measureUnitCy: '', entryValue, exitValue };
}

/**
 * A school year of realistic size for speed tests: `learners` learners, `lines` lines and `enrolments`
 * enrolments spread across them, on top of the small year's tiers, areas, staff and calendar.
 */
export function largeSchoolYear(learners = 2000, lines = 150, enrolments = 2500): SchoolYear {
  const base = testSchoolYear();
  const areaIds = base.areas.map((a) => a.id);
  const tierIds = base.tiers.map((t) => t.id);
  const template = base.lines[0]!;
  return {
    ...base,
    lines: Array.from({ length: lines }, (_, i) => ({
      ...template,
      id: i + 1,
      name: `Intervention ${i + 1}`,
      tierId: tierIds[i % tierIds.length]!,
      areaIds: [areaIds[i % areaIds.length]!, areaIds[(i + 1) % areaIds.length]!],
      staff: [{ staffId: (i % 2) + 1, count: 1 }],
      startWeek: 1 + (i % 20),
      weeks: 12,
      undeliveredWeeks: i % 10 === 0 ? [2 + (i % 20)] : [],
      expectedProgress: null,
    })),
    learners: Array.from({ length: learners }, (_, i) => ({
      ...base.learners[i % base.learners.length]!,
      id: i + 1,
      ref: `L${String(i + 1).padStart(5, '0')}`,
      name: `Learner ${i + 1}`,
      areaIds: i % 3 === 0 ? [] : [areaIds[i % areaIds.length]!],
    })),
    enrolments: Array.from({ length: enrolments }, (_, i) => {
      const lineIndex = i % lines;
      return {
        id: i + 1,
        lineId: lineIndex + 1,
        learnerId: ((i * 7) % learners) + 1,
        startWeek: 1 + (lineIndex % 20),
        endWeek: 12 + (lineIndex % 20),
        measureName: 'Reading age',
        measureNameCy: '',
        measureUnit: 'months',
        measureUnitCy: '',
        entryValue: i % 4 === 0 ? null : 70 + (i % 30),
        exitValue: null,
      };
    }),
  };
}
