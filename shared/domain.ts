/**
 * The school-year data model: what a `.mapio` file holds, as plain data.
 *
 * Units (see docs/costing-rules.md, the rules every figure follows):
 * - money is integer pence (`Pence`), never a float;
 * - time is integer minutes;
 * - sessions per week are integer hundredths (50 = fortnightly);
 * - a teaching week is its number in the school's calendar, 1..N (N = 38 by default);
 * - dates are ISO `YYYY-MM-DD` strings (no time zone: a school day is a calendar date).
 *
 * This file runs anywhere (renderer, Node, tests): no I/O, no Node-only imports.
 */

/** Integer pence. */
export type Pence = number;
/** Integer minutes. */
export type Minutes = number;
/** ISO calendar date `YYYY-MM-DD`. */
export type IsoDate = string;
/** A teaching week's number, 1-based. */
export type WeekNumber = number;

export const LANGUAGE_MEDIA = ['english', 'welsh', 'bilingual', 'dual_stream'] as const;
export type LanguageMedium = (typeof LANGUAGE_MEDIA)[number];

export const PHASES = ['nursery', 'primary', 'secondary', 'all_through', 'special', 'pru'] as const;
export type Phase = (typeof PHASES)[number];

export const DELIVERY_LANGUAGES = ['welsh', 'english', 'bilingual'] as const;
export type DeliveryLanguage = (typeof DELIVERY_LANGUAGES)[number];

/**
 * Who pays for a line. Only `aln_budget` and `aln_grant` are charged against the school's ALN budget
 * (its income lines); `core_budget` is the school's own core budget, shown but not charged;
 * `la_idp` (the authority, for an LA-maintained IDP) and `health_board` (health ALP secured by the NHS
 * body) are never charged to the school.
 */
export const FUNDING_SOURCES = ['aln_budget', 'aln_grant', 'core_budget', 'la_idp', 'health_board'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];
export const CHARGED_TO_ALN_BUDGET: ReadonlySet<FundingSource> = new Set(['aln_budget', 'aln_grant']);

export const ALN_STATUSES = ['none', 'monitored', 'idp_preparing', 'idp_school', 'idp_la'] as const;
/**
 * A learner's place under the ALN Code (docs/costing-rules.md, "Who has ALN"): none; on the monitoring
 * register (universal provision, not ALN); decided to have ALN with the IDP being prepared; an IDP
 * maintained by the school; by the local authority.
 */
export type AlnStatus = (typeof ALN_STATUSES)[number];
export const hasIdp = (s: AlnStatus): boolean => s === 'idp_school' || s === 'idp_la';
/** Has ALN: an IDP, or a decision that they have ALN with the IDP being prepared. The monitoring register is not ALN. */
export const hasAln = (s: AlnStatus): boolean => hasIdp(s) || s === 'idp_preparing';

/** Who must decide whether a referred learner has ALN: the school (35 school days) or the local authority (12 weeks). */
export const ALN_DECIDERS = ['school', 'la'] as const;
export type AlnDecider = (typeof ALN_DECIDERS)[number];

export const STAFF_ROLES = ['teacher', 'alnco', 'hlta', 'ta', 'lsw', 'specialist', 'admin', 'other'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const INCOME_KINDS = ['delegated_aln', 'aln_grant', 'la_top_up', 'school_contribution', 'other'] as const;
export type IncomeKind = (typeof INCOME_KINDS)[number];

export const OTHER_COST_KINDS = ['alnco_release', 'administration', 'professional_learning', 'cover', 'bought_in_service', 'equipment', 'other'] as const;
export type OtherCostKind = (typeof OTHER_COST_KINDS)[number];

/**
 * How a tier's lines are costed (docs/costing-rules.md, "Tiers and how each is costed"):
 * - `whole_school`: whole-class provision, costed per pupil on roll and never shared to the learners
 *   enrolled (the default universal tier);
 * - `shared`: each line's cost is shared among the learners enrolled on it.
 */
export const TIER_COSTING_MODES = ['whole_school', 'shared'] as const;
export type TierCosting = (typeof TIER_COSTING_MODES)[number];

/**
 * A provision tier: the school's or authority's own vocabulary. Defaults: universal (whole school),
 * targeted (shared) and ALP (shared, ALP); an authority's names can replace them. No rule recognises a
 * tier by its id: what a tier means is `isAlp` and `costing`.
 */
export interface Tier {
  id: string; // stable code, e.g. 'universal', 'targeted', 'alp'
  name: string;
  /** The name in Welsh; empty = not given (Welsh readers then see `name`). */
  nameCy: string;
  /**
   * What the tier is, in the school's words, as the statement for parents introduces its section; empty =
   * not given (the statement then says only what is true of any tier like it: docs/exports.md).
   */
  description: string;
  /** The description in Welsh; empty = not given (Welsh readers then see `description`). */
  descriptionCy: string;
  isAlp: boolean;
  costing: TierCosting;
  sortOrder: number;
}

/** An area of need. Defaults are the four areas the authority guidance uses (docs/costing-rules.md). */
export interface AreaOfNeed {
  id: string; // stable code, e.g. 'cognition_learning'
  name: string;
  /** The name in Welsh; empty = not given. */
  nameCy: string;
  sortOrder: number;
}

export interface School {
  name: string;
  /** The school's Welsh name (e.g. "Ysgol Gynradd Cwm Glas"); empty when it has none or it is the same. */
  nameCy: string;
  /** The authority's name as the school gave it (English); with a code, the name of that Welsh authority. */
  localAuthority: string;
  /**
   * The Welsh name of an authority the school typed rather than chose ("Cyngor Bwrdeistref Sirol Enghraifft");
   * empty = not given. A chosen authority's Welsh name is Mapio's list's own (shared/localAuthorities.ts).
   */
  localAuthorityCy: string;
  /** The authority's 3-digit code (e.g. "661"), empty when none is chosen (shared/localAuthorities.ts). */
  localAuthorityCode: string;
  /**
   * The school's official number: the authority's 3-digit code then a 4-digit establishment number
   * ("6612345"), as in the school census and the authority's budget statement. Empty until entered.
   */
  officialNumber: string;
  phase: Phase;
  numberOnRoll: number;
  /** Share of pupils eligible for free school meals, in basis points (1834 = 18.34%); null if not entered. */
  efsmBasisPoints: number | null;
  languageMedium: LanguageMedium;
  /** e.g. "2026-27"; the year starts in September of the first calendar year. */
  academicYear: string;
  /** Whose definition of ALP the school applied when classing lines, e.g. "Neath Port Talbot ILP guidance". */
  alpDefinitionSource: string;
  /** That definition's source in Welsh ("Canllawiau CDU a DDY Sir Enghraifft i ysgolion"); empty until given. */
  alpDefinitionSourceCy: string;
  alpDefinitionDate: IsoDate | null;
}

/**
 * One term of the school year (docs/calendar.md): its first and last days, and the half-term break
 * inside it, if any. Dates, not weeks, so school days can be counted from them.
 */
export interface Term {
  startsOn: IsoDate;
  endsOn: IsoDate;
  /** First and last day of the half-term break; both null when the term has none. */
  halfTermStartsOn: IsoDate | null;
  halfTermEndsOn: IsoDate | null;
}

/**
 * The school's calendar. `weekStarts` are the teaching weeks the costing counts: week n starts on
 * `weekStarts[n-1]` (a Monday). They are made from the terms and may then be edited one by one (a week
 * removed, one added), so they need not match the terms exactly. `terms` may be empty in a file made
 * before terms were kept (then only the weeks are known).
 */
export interface Calendar {
  weekStarts: IsoDate[];
  terms: Term[];
  /** Days inside the terms the school is closed to learners (INSET days, a bank holiday, a closure): not school days. */
  closedDays: IsoDate[];
}

/** Optional record of how an hourly cost was derived (the calculator's inputs), kept beside the stored figure. */
export interface HourlyCostBasis {
  annualSalaryPence: Pence;
  /** Employer on-costs (NI + pension) in basis points of salary: 2850 = 28.5%. */
  onCostBasisPoints: number;
  /** Paid weeks per year in hundredths: 3860 = 38.6 weeks. */
  paidWeeksHundredths: number;
  /** Paid minutes per week. */
  paidMinutesPerWeek: Minutes;
}

export interface StaffMember {
  id: number;
  name: string;
  role: StaffRole;
  /** A placeholder such as "TA level 3, unassigned" rather than a named person. */
  isPlaceholder: boolean;
  /** Hourly cost in pence including on-costs; stored, never re-derived silently. */
  hourlyCostPence: Pence;
  hourlyCostBasis: HourlyCostBasis | null;
  contractedMinutesPerWeek: Minutes;
  worksInWelsh: boolean;
}

export interface StaffAssignment {
  staffId: number;
  /** Staff of this kind per group (e.g. 2 TAs in one group). */
  count: number;
}

export interface NonStaffCost {
  label: string;
  pence: Pence;
}

/** One row of the provision map. */
export interface InterventionLine {
  id: number;
  name: string;
  /** The line's name in Welsh; empty until the school gives one (Welsh outputs then use `name`). */
  nameCy: string;
  description: string;
  descriptionCy: string;
  /** Evidence or rationale for the intervention. */
  rationale: string;
  tierId: string;
  areaIds: string[];
  deliveryLanguage: DeliveryLanguage;
  fundingSource: FundingSource;
  /** e.g. the grant's name; free text. */
  fundingNote: string;
  /** The funding note in Welsh; empty until given. */
  fundingNoteCy: string;
  staff: StaffAssignment[];
  /** Contact minutes per session. */
  minutesPerSession: Minutes;
  /** Planning and liaison minutes per session, costed like contact time. */
  planningMinutesPerSession: Minutes;
  /** Sessions per week in hundredths: 300 = 3 a week, 50 = fortnightly. */
  sessionsPerWeekHundredths: number;
  /** First teaching week the line runs in. */
  startWeek: WeekNumber;
  /** Number of consecutive teaching weeks. */
  weeks: number;
  /** Groups run in parallel, each with the staff above. */
  groups: number;
  /** Places per group. */
  groupCapacity: number;
  nonStaffCosts: NonStaffCost[];
  /** Weeks within the run that were not delivered (vacancy, absence). */
  undeliveredWeeks: WeekNumber[];
  /**
   * Progress (exit − entry) a learner is expected to make on this line's measure, in the measure's own
   * unit (e.g. 6 = six months of reading age). Null or absent: not set. Applied only where the line's
   * measured enrolments share one measure (see shared/engine/impact.ts). File version 200 onwards.
   */
  expectedProgress?: number | null;
}

export interface Learner {
  id: number;
  /** The school's own reference (e.g. UPN or MIS id). Never leaves the school in a return. */
  ref: string;
  name: string;
  /** -1 nursery, 0 reception, 1..14 year groups. */
  yearGroup: number;
  alnStatus: AlnStatus;
  areaIds: string[];
  /** The IDP requires ALP to be delivered in Welsh. */
  welshAlp: boolean;
  /** ALP minutes per week the IDP specifies; null where not recorded. */
  idpAlpMinutesPerWeek: Minutes | null;
  idpLastReviewed: IsoDate | null;
  /** Null means: 12 months after the last review. */
  idpReviewDue: IsoDate | null;
  efsm: boolean;
  lookedAfter: boolean;
  /**
   * The date the school was asked, or itself noticed, that the learner may have ALN (docs/costing-rules.md,
   * "The decision clock"); null when no decision is pending or was ever recorded.
   */
  referredOn: IsoDate | null;
  /** Who must decide, which sets the time allowed. */
  referralDecider: AlnDecider;
  /** The date the decision (and, if they have ALN, the IDP) was given; null while it is awaited. */
  decidedOn: IsoDate | null;
}

export interface Enrolment {
  id: number;
  lineId: number;
  learnerId: number;
  startWeek: WeekNumber;
  endWeek: WeekNumber;
  measureName: string;
  /** The measure's name in Welsh; empty until given. */
  measureNameCy: string;
  measureUnit: string;
  /** The measure's unit in Welsh ("mis" for "months"); empty until given. */
  measureUnitCy: string;
  entryValue: number | null;
  exitValue: number | null;
}

/** A new enrolment's measure of progress: none yet (typed later on the learner's page). */
export const NOT_MEASURED = {
  measureName: '',
  measureNameCy: '',
  measureUnit: '',
  measureUnitCy: '',
  entryValue: null,
  exitValue: null,
} as const satisfies Pick<Enrolment, 'measureName' | 'measureNameCy' | 'measureUnit' | 'measureUnitCy' | 'entryValue' | 'exitValue'>;

export interface IncomeLine {
  id: number;
  kind: IncomeKind;
  name: string;
  nameCy: string;
  amountPence: Pence;
  /** The financial year it belongs to, by its starting calendar year (2026 = April 2026–March 2027); null = the academic year as a whole. */
  financialYear: number | null;
  /** Where time-limited (a grant): the date it ends. */
  endsOn: IsoDate | null;
  /** Where the figure came from (e.g. "LA budget statement, 3 March 2026"). */
  source: string;
  /** Where the figure came from, in Welsh; empty until given. */
  sourceCy: string;
}

/** A cost that belongs to no intervention. Either staff time (staffId + minutes per week) or quantity × unit price. */
export interface OtherCostLine {
  id: number;
  kind: OtherCostKind;
  name: string;
  nameCy: string;
  fundingSource: FundingSource;
  staffId: number | null;
  minutesPerWeek: Minutes;
  quantity: number;
  unitPence: Pence;
  startWeek: WeekNumber;
  weeks: number;
}

export interface AlncoWorkload {
  alncoStaffId: number | null;
  idpsToPrepare: number;
  minutesPerIdp: Minutes;
  idpReviews: number;
  minutesPerReview: Minutes;
}

/** Everything in one school file: the engine's whole input. */
export interface SchoolYear {
  school: School;
  calendar: Calendar;
  tiers: Tier[];
  areas: AreaOfNeed[];
  staff: StaffMember[];
  lines: InterventionLine[];
  learners: Learner[];
  enrolments: Enrolment[];
  income: IncomeLine[];
  otherCosts: OtherCostLine[];
  workload: AlncoWorkload;
}
