/**
 * Small, readable school years for the engine's tests (and for anyone who needs one): a 2026-27 Welsh
 * calendar of 38 teaching weeks and record makers with sensible defaults, overridden field by field.
 *
 * Calendar 2026-27: autumn 7 Sep – 18 Dec (half term 26–30 Oct), spring 4 Jan – 26 Mar (half term 15–19 Feb),
 * summer 12 Apr – 16 Jul (half term 24–28 May). Weeks 1–25 start before 1 April 2027 (financial year 2026),
 * weeks 26–38 after it (financial year 2027).
 */
import { DEFAULT_AREAS, DEFAULT_TIERS } from '../../shared/schoolDefaults';
import { termsFromWeeks } from '../../shared/schoolTerms';
import type { Calendar, Enrolment, IncomeLine, InterventionLine, Learner, OtherCostLine, SchoolYear, StaffMember } from '../../shared/domain';

function mondays(from: string, count: number): string[] {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(new Date(Date.UTC(y, m - 1, d + 7 * i)).toISOString().slice(0, 10));
  return out;
}

export function calendar2026(): Calendar {
  const weekStarts = [...mondays('2026-09-07', 7), ...mondays('2026-11-02', 7), ...mondays('2027-01-04', 6), ...mondays('2027-02-22', 5), ...mondays('2027-04-12', 6), ...mondays('2027-05-31', 7)];
  return { weekStarts, terms: termsFromWeeks(weekStarts), closedDays: [] };
}

export function staffMember(p: Partial<StaffMember> & { id: number }): StaffMember {
  return {
    name: `Staff ${p.id}`,
    role: 'ta',
    isPlaceholder: false,
    hourlyCostPence: 1540,
    hourlyCostBasis: null,
    contractedMinutesPerWeek: 32 * 60 + 30,
    worksInWelsh: false,
    ...p,
  };
}

export function interventionLine(p: Partial<InterventionLine> & { id: number }): InterventionLine {
  return {
    name: `Line ${p.id}`,
    nameCy: '',
    description: '',
    descriptionCy: '',
    rationale: '',
    tierId: 'targeted',
    areaIds: ['cognition_learning'],
    deliveryLanguage: 'english',
    fundingSource: 'aln_budget',
    fundingNote: '',
    fundingNoteCy: '',
    staff: [{ staffId: 1, count: 1 }],
    minutesPerSession: 30,
    planningMinutesPerSession: 0,
    sessionsPerWeekHundredths: 300,
    startWeek: 1,
    weeks: 12,
    groups: 1,
    groupCapacity: 6,
    nonStaffCosts: [],
    undeliveredWeeks: [],
    expectedProgress: null,
    ...p,
  };
}

export function learner(p: Partial<Learner> & { id: number }): Learner {
  return {
    ref: `L${p.id}`,
    name: `Learner ${p.id}`,
    yearGroup: 4,
    alnStatus: 'none',
    areaIds: [],
    welshAlp: false,
    referredOn: null,
    referralDecider: 'school',
    decidedOn: null,
    idpAlpMinutesPerWeek: null,
    idpLastReviewed: null,
    idpReviewDue: null,
    efsm: false,
    lookedAfter: false,
    ...p,
  };
}

export function enrolment(p: Partial<Enrolment> & { id: number; lineId: number; learnerId: number }): Enrolment {
  return { startWeek: 1, endWeek: 38, measureName: '', measureNameCy: '', measureUnit: '', measureUnitCy: '', entryValue: null, exitValue: null, ...p };
}

/** Enrol a learner for the whole run of a line. */
export function enrolOn(line: InterventionLine, id: number, learnerId: number, weeks?: { startWeek: number; endWeek: number }): Enrolment {
  return enrolment({ id, lineId: line.id, learnerId, startWeek: line.startWeek, endWeek: line.startWeek + line.weeks - 1, ...weeks });
}

export function otherCost(p: Partial<OtherCostLine> & { id: number }): OtherCostLine {
  return {
    kind: 'other',
    name: `Other ${p.id}`,
    nameCy: '',
    fundingSource: 'aln_budget',
    staffId: null,
    minutesPerWeek: 0,
    quantity: 1,
    unitPence: 0,
    startWeek: 1,
    weeks: 38,
    ...p,
  };
}

export function incomeLine(p: Partial<IncomeLine> & { id: number; amountPence: number }): IncomeLine {
  return { kind: 'delegated_aln', name: `Income ${p.id}`, nameCy: '', financialYear: null, endsOn: null, source: '', sourceCy: '', ...p };
}

export function schoolYear(p: Partial<SchoolYear> = {}): SchoolYear {
  return {
    school: {
      name: 'Ysgol Enghraifft',
      nameCy: '',
      localAuthority: 'Example',
      localAuthorityCy: '',
      localAuthorityCode: '',
      officialNumber: '',
      phase: 'primary',
      numberOnRoll: 200,
      efsmBasisPoints: null,
      languageMedium: 'english',
      academicYear: '2026-27',
      alpDefinitionSource: '',
      alpDefinitionSourceCy: '',
      alpDefinitionDate: null,
    },
    calendar: calendar2026(),
    tiers: DEFAULT_TIERS.map((t) => ({ ...t })),
    areas: DEFAULT_AREAS.map((a) => ({ ...a })),
    staff: [staffMember({ id: 1 })],
    lines: [],
    learners: [],
    enrolments: [],
    income: [],
    otherCosts: [],
    workload: { alncoStaffId: null, idpsToPrepare: 0, minutesPerIdp: 600, idpReviews: 0, minutesPerReview: 120 },
    ...p,
  };
}

/** (For tests.) Throws naming the first number in `value` that is not a safe integer. */
export function expectOnlyWholeNumbers(value: unknown, path = 'costed'): void {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`${path} is ${value}, not a whole number`);
  } else if (Array.isArray(value)) value.forEach((v, i) => expectOnlyWholeNumbers(v, `${path}[${i}]`));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) expectOnlyWholeNumbers(v, `${path}.${k}`);
}
