/**
 * The JSON interchange format: a whole school year as one versioned document (docs/interchange.md).
 * Used to move a year between machines, to coexist with other systems, and as a readable backup.
 *
 * Reading is strict: an unknown version, a float where pence are expected, a negative minute or a
 * reference to a record that doesn't exist is refused with the field's path and the reason, and
 * nothing is written.
 *
 * Version 2 added the school's official number and authority code, the terms of the calendar, Welsh
 * names for tiers and areas, and each tier's costing mode. Version 1 still reads: the fields it lacks
 * are given what a version-1 Mapio meant (see `fromVersion1`).
 *
 * Version 3 added each learner's referral for an ALN decision (`referredOn`, `referralDecider`,
 * `decidedOn`), the status `idp_preparing`, the calendar's `closedDays`, and Welsh text beside the school's
 * own names (`nameCy` for the school, lines, income and other costs; `descriptionCy` for lines;
 * `measureNameCy` for enrolments). Versions 1 and 2 read with no referral, no closed day and no Welsh text,
 * which is what they meant.
 *
 * Version 4 added each enrolment's measure unit in Welsh (`measureUnitCy`). Version 3 and earlier read with
 * it empty: the Welsh reader sees the English unit, which is what they meant.
 *
 * Version 5 added Welsh beside three more texts the school types: each income line's `sourceCy`, each
 * line's `fundingNoteCy` and the school's `alpDefinitionSourceCy`. Version 4 and earlier read with them
 * empty: the Welsh reader sees the English, which is what they meant.
 *
 * Version 6 added each tier's description for parents (`description`, `descriptionCy`). Version 5 and
 * earlier read with both empty: the statement for parents then says only what is true of any tier like it.
 *
 * Version 7 added the Welsh name of an authority the school typed rather than chose (`localAuthorityCy`).
 * Version 6 and earlier read with it empty: the Welsh reader sees the English name, which is what they meant.
 * A version is a fixed shape (every object strict, every field required), so a new field is a new version.
 */
import { z } from 'zod';
import type { SchoolYear } from './domain';
import { authorityNamed } from './localAuthorities';
import { DEFAULT_AREAS, DEFAULT_TIERS } from './schoolDefaults';
import { termsFromWeeks } from './schoolTerms';
import { issuesFrom, schoolYearSchema, type FieldIssue } from './schemas';
import { jsonSyntaxIssue, jsonSyntaxProblem } from './jsonSyntaxProblem';
import { fieldIssue } from './fieldIssues';
import { englishMessage } from './i18n/apiErrors';

export const INTERCHANGE_FORMAT = 'mapio-school-year';
export const INTERCHANGE_VERSION = 7;
/** Versions this Mapio reads (it writes only the newest). */
export const READABLE_INTERCHANGE_VERSIONS: readonly number[] = [1, 2, 3, 4, 5, 6, 7];

export interface InterchangeDocument {
  format: typeof INTERCHANGE_FORMAT;
  version: typeof INTERCHANGE_VERSION;
  /** The Mapio that wrote it, for people reading the file. */
  writtenBy: string;
  year: SchoolYear;
}

/** A document refused, naming every bad field; `message` is the English wording of the first (for logs). */
export class InterchangeError extends Error {
  constructor(readonly issues: FieldIssue[]) {
    super(englishMessage({ code: 'invalid_input', issues }));
    this.name = 'InterchangeError';
  }
}

export function toInterchange(year: SchoolYear, writtenBy: string): InterchangeDocument {
  return { format: INTERCHANGE_FORMAT, version: INTERCHANGE_VERSION, writtenBy, year };
}

const envelope = z.object({ format: z.string(), version: z.number() }).passthrough();
const documentSchema = z.strictObject({
  format: z.literal(INTERCHANGE_FORMAT),
  version: z.literal(INTERCHANGE_VERSION),
  writtenBy: z.string().max(200),
  year: schoolYearSchema,
});

function fail(issues: FieldIssue[]): never {
  throw new InterchangeError(issues);
}

/** Parse and check a document's text. Throws InterchangeError naming every bad field. */
export function parseInterchange(text: string): SchoolYear {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    // Where and why, never the parser's own message: it quotes the text, which can be a child's name.
    const problem = jsonSyntaxProblem(text);
    fail([problem ? jsonSyntaxIssue('(file)', problem) : fieldIssue('(file)', 'notJson')]);
  }
  const head = envelope.safeParse(raw);
  if (!head.success) fail([fieldIssue('(file)', 'notInterchange', { format: INTERCHANGE_FORMAT })]);
  if (head.data.format !== INTERCHANGE_FORMAT) fail([fieldIssue('format', 'notFormat', { format: INTERCHANGE_FORMAT })]);
  if (!READABLE_INTERCHANGE_VERSIONS.includes(head.data.version)) {
    fail([fieldIssue('version', 'versionUnread', { version: head.data.version, readable: READABLE_INTERCHANGE_VERSIONS.join(', ') })]);
  }
  const v = head.data.version;
  const current =
    v === INTERCHANGE_VERSION
      ? raw
      : {
          ...head.data,
          version: INTERCHANGE_VERSION,
          year: fromVersion6(
            v === 6
              ? head.data.year
              : fromVersion5(
                  v === 5 ? head.data.year : fromVersion4(v === 4 ? head.data.year : fromVersion3(v === 3 ? head.data.year : fromVersion2(v === 1 ? fromVersion1(head.data.year) : head.data.year))),
                ),
          ),
        };
  const parsed = documentSchema.safeParse(current);
  if (!parsed.success) fail(issuesFrom(parsed.error));
  const year = parsed.data.year as SchoolYear;
  const problems = referenceProblems(year);
  if (problems.length > 0) fail(problems);
  return year;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Each record of `list` with `defaults` for the fields it lacks (what an older version's records did not carry). */
const each = (list: unknown, defaults: Record<string, unknown>) => (Array.isArray(list) ? list.map((x) => (isRecord(x) ? { ...defaults, ...x } : x)) : list);

/** A version-6 year with what version 7 added, as version 6 meant it: no Welsh name for an authority the school typed. */
function fromVersion6(year: unknown): unknown {
  if (!isRecord(year)) return year;
  return { ...year, school: isRecord(year.school) ? { localAuthorityCy: '', ...year.school } : year.school };
}

/** A version-5 year with what version 6 added, as version 5 meant it: no tier described for parents. */
function fromVersion5(year: unknown): unknown {
  if (!isRecord(year)) return year;
  return { ...year, tiers: each(year.tiers, { description: '', descriptionCy: '' }) };
}

/** A version-4 year with what version 5 added, as version 4 meant it: no income source, funding note or ALP definition source in Welsh. */
function fromVersion4(year: unknown): unknown {
  if (!isRecord(year)) return year;
  return {
    ...year,
    school: isRecord(year.school) ? { alpDefinitionSourceCy: '', ...year.school } : year.school,
    lines: each(year.lines, { fundingNoteCy: '' }),
    income: each(year.income, { sourceCy: '' }),
  };
}

/** A version-3 year with what version 4 added, as version 3 meant it: no measure unit in Welsh. */
function fromVersion3(year: unknown): unknown {
  if (!isRecord(year) || !Array.isArray(year.enrolments)) return year;
  return { ...year, enrolments: year.enrolments.map((e) => (isRecord(e) ? { measureUnitCy: '', ...e } : e)) };
}

/**
 * A version-2 year with what version 3 added, as version 2 meant it: no learner referred, no closed day,
 * and no Welsh text beside the school's English names.
 */
function fromVersion2(year: unknown): unknown {
  if (!isRecord(year)) return year;
  return {
    ...year,
    school: isRecord(year.school) ? { nameCy: '', ...year.school } : year.school,
    calendar: isRecord(year.calendar) ? { closedDays: [], ...year.calendar } : year.calendar,
    learners: each(year.learners, { referredOn: null, referralDecider: 'school', decidedOn: null }),
    lines: each(year.lines, { nameCy: '', descriptionCy: '' }),
    enrolments: each(year.enrolments, { measureNameCy: '' }),
    income: each(year.income, { nameCy: '' }),
    otherCosts: each(year.otherCosts, { nameCy: '' }),
  };
}

/**
 * A version-1 year with what version 2 added, as a version-1 Mapio meant it: the tier with id
 * `universal` was costed per pupil on roll (the old rule recognised that id), every other tier shared;
 * Mapio's default English names get Mapio's Welsh ones; a local authority typed by hand that names a
 * Welsh authority gets its code; the official number is not entered; the terms are those that make the
 * document's teaching weeks. Anything that is not the expected shape is left for validation to report.
 */
function fromVersion1(year: unknown): unknown {
  if (!isRecord(year)) return year;
  const welshFor = (name: unknown) => [...DEFAULT_TIERS, ...DEFAULT_AREAS].find((d) => d.name === name)?.nameCy ?? '';
  const out: Record<string, unknown> = { ...year };
  if (isRecord(year.school)) {
    const authority = typeof year.school.localAuthority === 'string' ? authorityNamed(year.school.localAuthority) : undefined;
    out.school = { localAuthorityCode: authority?.code ?? '', officialNumber: '', ...year.school };
  }
  if (isRecord(year.calendar) && Array.isArray(year.calendar.weekStarts)) {
    const weeks = year.calendar.weekStarts;
    out.calendar = { terms: weeks.every((w) => typeof w === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(w)) ? termsFromWeeks(weeks as string[]) : [], ...year.calendar };
  }
  if (Array.isArray(year.tiers)) {
    out.tiers = year.tiers.map((t) => (isRecord(t) ? { nameCy: welshFor(t.name), costing: t.id === 'universal' ? 'whole_school' : 'shared', ...t } : t));
  }
  if (Array.isArray(year.areas)) out.areas = year.areas.map((a) => (isRecord(a) ? { nameCy: welshFor(a.name), ...a } : a));
  return out;
}

/** Every reference inside a year must point at a record in it, and ids must be unique. */
export function referenceProblems(year: SchoolYear): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const uniqueIds = (name: string, items: Array<{ id: number | string }>) => {
    const seen = new Set<number | string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) issues.push(fieldIssue(`${name}.${i}.id`, 'idTwice', { id: item.id }));
      seen.add(item.id);
    });
    return seen;
  };
  const tiers = uniqueIds('tiers', year.tiers);
  const areas = uniqueIds('areas', year.areas);
  const staff = uniqueIds('staff', year.staff);
  const lines = uniqueIds('lines', year.lines);
  const learners = uniqueIds('learners', year.learners);
  uniqueIds('enrolments', year.enrolments);
  uniqueIds('income', year.income);
  uniqueIds('otherCosts', year.otherCosts);
  const weeks = year.calendar.weekStarts.length;

  const refs = new Set<string>();
  year.learners.forEach((l, i) => {
    if (refs.has(l.ref)) issues.push(fieldIssue(`learners.${i}.ref`, 'refTwice', { ref: l.ref }));
    refs.add(l.ref);
    l.areaIds.forEach((a, j) => {
      if (!areas.has(a)) issues.push(fieldIssue(`learners.${i}.areaIds.${j}`, 'noArea', { id: a }));
    });
  });
  year.lines.forEach((l, i) => {
    if (!tiers.has(l.tierId)) issues.push(fieldIssue(`lines.${i}.tierId`, 'noTier', { id: l.tierId }));
    l.areaIds.forEach((a, j) => {
      if (!areas.has(a)) issues.push(fieldIssue(`lines.${i}.areaIds.${j}`, 'noArea', { id: a }));
    });
    l.staff.forEach((s, j) => {
      if (!staff.has(s.staffId)) issues.push(fieldIssue(`lines.${i}.staff.${j}.staffId`, 'noStaff', { id: s.staffId }));
    });
    if (l.weeks > 0 && l.startWeek + l.weeks - 1 > weeks) issues.push(fieldIssue(`lines.${i}.weeks`, 'pastLastWeek', { weeks }));
  });
  year.enrolments.forEach((e, i) => {
    if (!lines.has(e.lineId)) issues.push(fieldIssue(`enrolments.${i}.lineId`, 'noLine', { id: e.lineId }));
    if (!learners.has(e.learnerId)) issues.push(fieldIssue(`enrolments.${i}.learnerId`, 'noLearner', { id: e.learnerId }));
    if (e.endWeek < e.startWeek) issues.push(fieldIssue(`enrolments.${i}.endWeek`, 'beforeStartWeek', { start: e.startWeek }));
    if (e.endWeek > weeks) issues.push(fieldIssue(`enrolments.${i}.endWeek`, 'pastLastWeek', { weeks }));
  });
  year.otherCosts.forEach((o, i) => {
    if (o.staffId !== null && !staff.has(o.staffId)) issues.push(fieldIssue(`otherCosts.${i}.staffId`, 'noStaff', { id: o.staffId }));
  });
  if (year.workload.alncoStaffId !== null && !staff.has(year.workload.alncoStaffId)) {
    issues.push(fieldIssue('workload.alncoStaffId', 'noStaff', { id: year.workload.alncoStaffId }));
  }
  return issues;
}
