/**
 * Validation of everything that crosses a boundary (the API door, the JSON interchange, imports).
 * zod gives us field-named errors ("lines.3.minutesPerSession: must be ≥ 0") for free; hand-written
 * checks would drift from the types.
 */
import { issue } from './fieldIssues';
import { z } from 'zod';
import { ALN_DECIDERS, ALN_STATUSES, DELIVERY_LANGUAGES, FUNDING_SOURCES, INCOME_KINDS, LANGUAGE_MEDIA, OTHER_COST_KINDS, PHASES, STAFF_ROLES, TIER_COSTING_MODES } from './domain';
import {
  MAX_CONTRACT_HOURS_A_WEEK,
  MAX_GROUPS,
  MAX_HOURLY_COST_PENCE,
  MAX_PAID_WEEKS,
  MAX_PLACES_PER_GROUP,
  MAX_SESSIONS_PER_WEEK,
  MAX_STAFF_PER_GROUP,
  MAX_UNIT_PENCE,
  SCHOOL_DAY_MINUTES,
  between,
  grouped,
} from './limits';

const MAX_PENCE = 100_000_000_000; // £1bn: far beyond any school, small enough to stay an exact integer in sums
const MAX_WEEKS = 53;
/** Closed days a calendar may list (a year has about 195 school days; INSET and closures are a handful). */
const MAX_CLOSED_DAYS = 60;

/** Integer pence. A float (e.g. 12.5) is refused with a message saying money is in whole pence. */
export const pence = z.number(issue('number')).int(issue('wholePence')).min(0, issue('negative')).max(MAX_PENCE, issue('tooLarge'));

const wholeBetween = (min: number, max: number) => z.number(issue('number')).int(issue('whole')).min(min, between(min, max)).max(max, between(min, max));
/** Money up to `max` pence; the range is given in pounds ("£0 and £1,000"). */
const penceUpTo = (max: number) =>
  z
    .number(issue('number'))
    .int(issue('wholePence'))
    .min(0, issue('negative'))
    .max(max, issue('between', { min: '£0', max: `£${grouped(max / 100)}` }));

export const minutes = z
  .number(issue('number'))
  .int(issue('whole'))
  .min(0, issue('negative'))
  .max(7 * 24 * 60, issue('moreThanWeek'));

export const isoDate = z.iso.date(issue('date'));
export const week = z.number().int(issue('whole')).min(1, issue('week')).max(MAX_WEEKS);
const id = z.number().int().positive();
const code = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, issue('shortCode'));
/**
 * Control characters (NUL, the other C0 codes, DEL, C1) are never part of what a person types: a NUL
 * cuts a name short in other programs and in file names. Names and references refuse every one; longer
 * text (descriptions, notes) keeps tab and line breaks.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are refused
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- as above, keeping tab and line breaks
const CONTROL_CHARACTERS_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
export const singleLine = (schema: z.ZodString) => schema.refine((s) => !CONTROL_CHARACTERS.test(s), issue('controlCharacters'));
const text = (max: number) =>
  z
    .string()
    .max(max, issue('maxChars', { max }))
    .refine((s) => !CONTROL_CHARACTERS_IN_TEXT.test(s), issue('controlCharacters'));
/** The most characters a name may have (a school's, a line's, and their Welsh names). */
export const NAME_MAX_CHARS = 200;
const name = singleLine(
  z
    .string()
    .trim()
    .min(1, issue('required'))
    .max(NAME_MAX_CHARS, issue('maxChars', { max: NAME_MAX_CHARS })),
);
/** A Welsh text beside an English one: may be empty (Welsh outputs then use the English). */
const welshName = singleLine(
  z
    .string()
    .trim()
    .max(NAME_MAX_CHARS, issue('maxChars', { max: NAME_MAX_CHARS })),
);

export const schoolSchema = z.strictObject({
  name,
  nameCy: welshName,
  localAuthority: text(200),
  localAuthorityCy: text(200),
  localAuthorityCode: z.string().regex(/^(\d{3})?$/, issue('authorityCode')),
  officialNumber: z.string().regex(/^(\d{7})?$/, issue('officialNumberDigits')),
  phase: z.enum(PHASES),
  numberOnRoll: z.number().int(issue('whole')).min(0, between(0, 10_000)).max(10_000, between(0, 10_000)),
  efsmBasisPoints: z
    .number()
    .int(issue('wholeBasisPoints', { example: '1850 = 18.5%' }))
    .min(0, between(0, 10_000))
    .max(10_000, between(0, 10_000))
    .nullable(),
  languageMedium: z.enum(LANGUAGE_MEDIA),
  academicYear: z.string().regex(/^\d{4}-\d{2}$/, issue('academicYear')),
  alpDefinitionSource: text(300),
  alpDefinitionSourceCy: text(300),
  alpDefinitionDate: isoDate.nullable(),
});

export const termSchema = z.strictObject({
  startsOn: isoDate,
  endsOn: isoDate,
  halfTermStartsOn: isoDate.nullable(),
  halfTermEndsOn: isoDate.nullable(),
});

export const calendarSchema = z.strictObject({
  weekStarts: z
    .array(isoDate)
    .min(1, issue('atLeastOneWeek'))
    .max(MAX_WEEKS, issue('atMost', { max: MAX_WEEKS })),
  terms: z.array(termSchema).max(12, issue('atMost', { max: 12 })),
  closedDays: z.array(isoDate).max(MAX_CLOSED_DAYS, issue('atMost', { max: MAX_CLOSED_DAYS })),
});

/** The most characters a tier's description for parents may have, in each language: a short paragraph. */
export const TIER_DESCRIPTION_MAX_CHARS = 1000;
export const tierSchema = z.strictObject({
  id: code,
  name,
  nameCy: text(200),
  description: text(TIER_DESCRIPTION_MAX_CHARS),
  descriptionCy: text(TIER_DESCRIPTION_MAX_CHARS),
  isAlp: z.boolean(),
  costing: z.enum(TIER_COSTING_MODES),
  sortOrder: z.number().int(),
});
export const areaSchema = z.strictObject({ id: code, name, nameCy: text(200), sortOrder: z.number().int() });

export const hourlyCostBasisSchema = z.strictObject({
  annualSalaryPence: pence,
  onCostBasisPoints: z.number().int().min(0).max(10_000),
  paidWeeksHundredths: z
    .number()
    .int(issue('whole'))
    .min(100, between(1, MAX_PAID_WEEKS))
    .max(MAX_PAID_WEEKS * 100, between(1, MAX_PAID_WEEKS)),
  paidMinutesPerWeek: minutes.min(1, issue('atLeast', { min: 1 })),
});

export const staffFields = z.strictObject({
  name,
  role: z.enum(STAFF_ROLES),
  isPlaceholder: z.boolean(),
  hourlyCostPence: penceUpTo(MAX_HOURLY_COST_PENCE),
  hourlyCostBasis: hourlyCostBasisSchema.nullable(),
  contractedMinutesPerWeek: minutes,
  worksInWelsh: z.boolean(),
});
export const staffSchema = staffFields.extend({ id });

/** Minutes a week of a contract as typed now: 0 to 48 hours (shared/limits.ts); a file written before keeps what it has. */
const contractMinutes = z
  .number(issue('number'))
  .int(issue('whole'))
  .min(0, issue('hoursAWeek', { max: MAX_CONTRACT_HOURS_A_WEEK }))
  .max(MAX_CONTRACT_HOURS_A_WEEK * 60, issue('hoursAWeek', { max: MAX_CONTRACT_HOURS_A_WEEK }));
/** A member of staff as added or changed: the contracted and paid hours a week are at most 48. */
export const staffInputFields = staffFields.extend({
  contractedMinutesPerWeek: contractMinutes,
  hourlyCostBasis: hourlyCostBasisSchema.extend({ paidMinutesPerWeek: contractMinutes.min(1, issue('atLeast', { min: 1 })) }).nullable(),
});

const lineBase = z.strictObject({
  name,
  nameCy: welshName,
  description: text(2000),
  descriptionCy: text(2000),
  rationale: text(2000),
  tierId: code,
  areaIds: z.array(code).max(20),
  deliveryLanguage: z.enum(DELIVERY_LANGUAGES),
  fundingSource: z.enum(FUNDING_SOURCES),
  fundingNote: text(200),
  fundingNoteCy: text(200),
  staff: z.array(z.strictObject({ staffId: id, count: wholeBetween(1, MAX_STAFF_PER_GROUP) })).max(20),
  minutesPerSession: minutes,
  planningMinutesPerSession: minutes,
  sessionsPerWeekHundredths: z
    .number()
    .int(issue('whole'))
    .min(0, between(0, MAX_SESSIONS_PER_WEEK))
    .max(MAX_SESSIONS_PER_WEEK * 100, between(0, MAX_SESSIONS_PER_WEEK)),
  startWeek: week,
  weeks: z.number().int().min(0).max(MAX_WEEKS),
  groups: wholeBetween(1, MAX_GROUPS),
  groupCapacity: z.number().int(issue('whole')).min(1, between(1, MAX_PLACES_PER_GROUP)).max(MAX_PLACES_PER_GROUP, between(1, MAX_PLACES_PER_GROUP)),
  nonStaffCosts: z.array(z.strictObject({ label: name, pence })).max(50),
  undeliveredWeeks: z.array(week).max(MAX_WEEKS),
  expectedProgress: z.number(issue('measureNumber')).min(-100_000).max(100_000).nullable().optional(),
});
/** Minutes in one session, contact or planning: no longer than a school day (shared/limits.ts). */
const sessionMinutes = z.number(issue('number')).int(issue('whole')).min(0, between(0, SCHOOL_DAY_MINUTES)).max(SCHOOL_DAY_MINUTES, between(0, SCHOOL_DAY_MINUTES));
/**
 * A line as the API door takes it (new or changed): the limits of a real school. A file written before
 * these limits (a 0-week line, one 32.5-hour "session" a week) still reads with `lineSchema`; only what
 * is typed now must fit. The sessions-a-week-fit-the-week rule spans two fields: see shared/limits.ts.
 */
export const lineFields = lineBase.extend({
  minutesPerSession: sessionMinutes,
  planningMinutesPerSession: sessionMinutes,
  weeks: z.number().int(issue('whole')).min(1, between(1, MAX_WEEKS)).max(MAX_WEEKS, between(1, MAX_WEEKS)),
});
export const lineSchema = lineBase.extend({ id });

export const learnerFields = z.strictObject({
  ref: singleLine(z.string().trim().min(1, issue('required')).max(50)),
  name: text(200),
  yearGroup: z.number().int().min(-1).max(14),
  alnStatus: z.enum(ALN_STATUSES),
  areaIds: z.array(code).max(20),
  welshAlp: z.boolean(),
  idpAlpMinutesPerWeek: minutes.nullable(),
  idpLastReviewed: isoDate.nullable(),
  idpReviewDue: isoDate.nullable(),
  efsm: z.boolean(),
  lookedAfter: z.boolean(),
  referredOn: isoDate.nullable(),
  referralDecider: z.enum(ALN_DECIDERS),
  decidedOn: isoDate.nullable(),
});
export const learnerSchema = learnerFields.extend({ id });

export const enrolmentFields = z.strictObject({
  lineId: id,
  learnerId: id,
  startWeek: week,
  endWeek: week,
  measureName: text(100),
  measureNameCy: text(100),
  measureUnit: text(50),
  measureUnitCy: text(50),
  entryValue: z.number().finite().nullable(),
  exitValue: z.number().finite().nullable(),
});
export const enrolmentSchema = enrolmentFields.extend({ id });

export const incomeFields = z.strictObject({
  kind: z.enum(INCOME_KINDS),
  name,
  nameCy: welshName,
  amountPence: pence,
  financialYear: z.number().int().min(2000).max(2100).nullable(),
  endsOn: isoDate.nullable(),
  source: text(300),
  sourceCy: text(300),
});
export const incomeSchema = incomeFields.extend({ id });

export const otherCostFields = z.strictObject({
  kind: z.enum(OTHER_COST_KINDS),
  name,
  nameCy: welshName,
  fundingSource: z.enum(FUNDING_SOURCES),
  staffId: id.nullable(),
  minutesPerWeek: minutes,
  quantity: z.number().int().min(0).max(100_000),
  unitPence: penceUpTo(MAX_UNIT_PENCE),
  startWeek: week,
  weeks: z.number().int().min(0).max(MAX_WEEKS),
});
export const otherCostSchema = otherCostFields.extend({ id });

export const workloadSchema = z.strictObject({
  alncoStaffId: id.nullable(),
  idpsToPrepare: z.number().int().min(0).max(10_000),
  minutesPerIdp: minutes,
  idpReviews: z.number().int().min(0).max(10_000),
  minutesPerReview: minutes,
});

export const schoolYearSchema = z.strictObject({
  school: schoolSchema,
  calendar: calendarSchema,
  tiers: z.array(tierSchema).min(1),
  areas: z.array(areaSchema),
  staff: z.array(staffSchema),
  lines: z.array(lineSchema),
  learners: z.array(learnerSchema),
  enrolments: z.array(enrolmentSchema),
  income: z.array(incomeSchema),
  otherCosts: z.array(otherCostSchema),
  workload: workloadSchema,
});

export { issuesFrom, type FieldIssue } from './fieldIssues';

/**
 * Which column of an MIS export (0-based index into its header row) holds each learner field; null =
 * not in the file. `name` is a single full-name column; otherwise `surname` + `forename` are joined.
 */
export const MIS_FIELDS = ['ref', 'surname', 'forename', 'name', 'yearGroup', 'alnStatus', 'efsm', 'lookedAfter', 'welshAlp'] as const;
export type MisField = (typeof MIS_FIELDS)[number];
const misColumn = z.number().int().min(0).max(999).nullable();
export const misColumnMappingSchema = z.strictObject({
  ref: misColumn,
  surname: misColumn,
  forename: misColumn,
  name: misColumn,
  yearGroup: misColumn,
  alnStatus: misColumn,
  efsm: misColumn,
  lookedAfter: misColumn,
  welshAlp: misColumn,
});
export type MisColumnMapping = z.infer<typeof misColumnMappingSchema>;
