/**
 * Limits that fit real schools (docs/limits.md): what one line, one session and one calculator input may
 * be, so a slip ("4200" for "420") is refused beside the field with the allowed range, and a whole-school
 * line at a large secondary still fits. Runs anywhere.
 */
import { fieldIssue, issue, type FieldIssue } from './fieldIssues';

/** A school day, for the length of one session: 7 hours (08:30–15:30) is longer than any Welsh school's day. */
export const SCHOOL_DAY_MINUTES = 420;
/** A school week: five school days. A line's sessions in a week must fit in it. */
export const SCHOOL_WEEK_MINUTES = 5 * SCHOOL_DAY_MINUTES;
/** Places per group: a whole-school line at the largest Welsh secondary (about 2,000 pupils) fits. */
export const MAX_PLACES_PER_GROUP = 3_000;
/** Sessions a week on one line, as a count (ten a day); the school week's minutes bound them too. */
export const MAX_SESSIONS_PER_WEEK = 50;
/** Paid weeks a year in the hourly-cost calculator: a year has 52 weeks. */
export const MAX_PAID_WEEKS = 52;
/**
 * Hours a week a member of staff is contracted (or paid) for: 48, the weekly average the UK working time
 * rules allow. A full-time school contract is about 32.5 to 37 hours, so 99 is a slip.
 */
export const MAX_CONTRACT_HOURS_A_WEEK = 48;

/**
 * Bounds on values that multiply into money, each beyond any real school in Wales (docs/guarantees.md,
 * "No edit can make a file unopenable", gives the reasons). The edit's costs are also checked inside its
 * transaction, so even values inside these bounds can never leave a figure that cannot be counted exactly.
 */
/** £1,000 an hour: a headteacher at the top of the leadership range costs under £120 an hour with on-costs; bought-in specialists charge a few hundred. */
export const MAX_HOURLY_COST_PENCE = 100_000;
/** Adults of one kind with each group: a whole-school line at the largest Welsh secondary has under 200 staff in all. */
export const MAX_STAFF_PER_GROUP = 200;
/** Groups on one line: one to one for every pupil of the largest Welsh school (about 2,000) fits with room to spare. */
export const MAX_GROUPS = 3_000;
/** £1,000,000 for one item of an other cost: more than the whole ALN budget of any school. */
export const MAX_UNIT_PENCE = 100_000_000;

/**
 * Files that cross the API as base64 (docs/limits.md, "Files sent to Mapio"). Four base64 characters carry
 * three bytes, so 40,000,000 characters are a 30 MB file: far more than an MIS export of 10,000 learners needs.
 */
export const MAX_MIS_FILE_BASE64_CHARS = 40_000_000;
/** A local authority return (.xlsx): 4,000,000 base64 characters, a 3 MB workbook. */
export const MAX_RETURN_FILE_BASE64_CHARS = 4_000_000;
/**
 * Room in one request for what travels beside its file: the file's name (260 characters, each at most 6
 * bytes as JSON writes it), the column mapping and the JSON punctuation, with plenty to spare.
 */
export const REQUEST_ENVELOPE_BYTES = 64 * 1024;
/**
 * The largest request body a door accepts, in bytes: the contract's largest input (an MIS export at its
 * limit; base64 needs no escaping inside JSON) plus its envelope. Derived, so the door can never refuse
 * a file the contract allows.
 */
export const MAX_API_REQUEST_BYTES = Math.max(MAX_MIS_FILE_BASE64_CHARS, MAX_RETURN_FILE_BASE64_CHARS) + REQUEST_ENVELOPE_BYTES;

let groupedFormat: Intl.NumberFormat | null = null;

/**
 * A number in a refusal's specifics as both languages write it ("3,000"). The formatter is built on first
 * use, not as this module loads: it is in the window's first bundle, and the first Intl number format a
 * page builds costs it 17–60 ms of loading (docs/performance.md, "Round 12: the first paint's one-off costs").
 */
export function grouped(n: number): string {
  groupedFormat ??= new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
  return groupedFormat.format(n);
}

/** The allowed range as a schema's refusal ("must be between 1 and 3,000", worded at the edge). */
export function between(min: number, max: number): { error: string } {
  return issue('between', { min: grouped(min), max: grouped(max) });
}

/** Whole sessions of `minutesPerSession` that fit in a school week (null when a session has no minutes). */
export function sessionsFittingAWeek(minutesPerSession: number): number | null {
  return minutesPerSession > 0 ? Math.floor(SCHOOL_WEEK_MINUTES / minutesPerSession) : null;
}

/**
 * Sessions a week (in hundredths) × minutes per session must fit in a school week. The problem is reported
 * on the field that was changed (`changed`), naming the most that field may be with the other as it is;
 * null when they fit.
 */
export function sessionsWeekProblem(line: { minutesPerSession: number; sessionsPerWeekHundredths: number }, changed: 'minutesPerSession' | 'sessionsPerWeekHundredths'): FieldIssue | null {
  const { minutesPerSession: minutes, sessionsPerWeekHundredths: hundredths } = line;
  if (minutes * hundredths <= SCHOOL_WEEK_MINUTES * 100) return null;
  const week = grouped(SCHOOL_WEEK_MINUTES);
  if (changed === 'minutesPerSession') {
    const most = Math.floor((SCHOOL_WEEK_MINUTES * 100) / hundredths);
    return fieldIssue(changed, 'minutesInWeek', { max: grouped(most), sessions: grouped(hundredths / 100), week });
  }
  const most = sessionsFittingAWeek(minutes) ?? 0;
  return fieldIssue(changed, 'sessionsInWeek', { max: grouped(most), minutes: grouped(minutes), week });
}
