/**
 * The API contract: the only door between the UI (or the CLI) and a school's data.
 *
 * Every operation is named here with the zod schema of its input and the type of its output. Electron
 * serves it over IPC, browser mode over a loopback HTTP server, the CLI in-process; all three call the
 * same handlers (backend/handlers) after `parseInput` has validated the request. A request that fails
 * validation gets an `ApiError` with field-named issues and changes nothing.
 */
import { z } from 'zod';
import type { AlnStatus, SchoolYear } from '../domain';
import type { CostedMap } from '../engine/types';
import type { AuthorityComparison } from '../authority/comparison';
import type { ScenarioComparison } from '../engine/scenarioComparison';
import type { HourlyCostChange, IncomeChange, StaffRemoval } from '../scenarioLevers';
import {
  calendarSchema,
  enrolmentFields,
  incomeFields,
  learnerFields,
  lineFields,
  otherCostFields,
  schoolSchema,
  staffFields,
  tierSchema,
  areaSchema,
  workloadSchema,
  week,
  issuesFrom,
  misColumnMappingSchema,
  singleLine,
  type FieldIssue,
  type MisColumnMapping,
} from '../schemas';

const id = z.number().int().positive();
/** Half of a UTF-16 surrogate pair on its own: no file system can name a file with it (found by `npm run soak`). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const filePath = z
  .string()
  .min(1, { error: 'a file path is required' })
  .max(4096)
  .refine((s) => !s.includes('\u0000'), { error: 'must not contain control characters (such as NUL)' })
  .refine((s) => !LONE_SURROGATE.test(s), { error: 'must be a file name the computer can use' });
const byId = z.strictObject({ id });
const misFileName = singleLine(z.string().trim().min(1, { error: 'the file’s name is required' }).max(260));
/** An MIS export, base64. About 30 MB: far more than 10,000 learners need. */
const misContent = z
  .string()
  .min(1, { error: 'the file is empty' })
  .max(40_000_000, { error: 'the file is too large to be a list of learners (over 30 MB)' })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'must be the file’s bytes in base64' });
const scenarioName = singleLine(
  z
    .string()
    .trim()
    .min(1, { error: 'a scenario needs a name' })
    .max(120, { error: 'must be at most 120 characters' }),
);
/** A percentage in whole basis points (250 = 2.5%). */
const basisPoints = (min: number, max: number, range: string) =>
  z
    .number()
    .int({ error: 'must be whole basis points (250 = 2.5%)' })
    .min(min, { error: `must be ${range}` })
    .max(max, { error: `must be ${range}` });
const update = <T extends z.ZodObject>(fields: T) => z.strictObject({ id, changes: fields.partial().strict() });

export const operations = {
  /** Which file is open, the recent files, and how Mapio is running. */
  'app.info': z.strictObject({}),
  /**
   * Stop whatever is running (a long import or export, a file that takes too long to open): the door
   * ends the data process and starts it again on the file that was open; the call that was running is
   * answered `cancelled`. Where Mapio runs in one process (the command line) there is nothing to stop.
   */
  'app.stop': z.strictObject({}),
  /** Remember the language the person chose, so it survives a restart in every mode. */
  'settings.setLanguage': z.strictObject({ language: z.enum(['en', 'cy']) }),
  'file.create': z.strictObject({ path: filePath, template: z.enum(['demo', 'empty']) }),
  'file.open': z.strictObject({ path: filePath }),
  'file.saveAs': z.strictObject({ path: filePath }),
  'file.close': z.strictObject({}),
  /** Next academic year's file from this one: staff, lines and learners carried, enrolments ended, year groups advanced. */
  'file.rollForward': z.strictObject({ path: filePath }),

  /** The whole open school year with its costed figures as at a week (default: the current week). */
  'year.get': z.strictObject({ asAtWeek: week.optional() }),

  'school.update': z.strictObject({ changes: schoolSchema.partial().strict() }),
  'calendar.set': calendarSchema,
  'tiers.set': z.strictObject({ tiers: z.array(tierSchema).min(1) }),
  'areas.set': z.strictObject({ areas: z.array(areaSchema).min(1) }),
  'workload.update': z.strictObject({ changes: workloadSchema.partial().strict() }),

  'staff.create': staffFields,
  'staff.update': update(staffFields),
  'staff.delete': byId,

  'lines.create': lineFields,
  'lines.update': update(lineFields),
  'lines.duplicate': byId,
  'lines.delete': byId,

  'learners.create': learnerFields,
  'learners.update': update(learnerFields),
  'learners.delete': byId,

  /** Enrol several learners on one line at once; weeks default to the line's whole run. */
  'enrolments.createMany': z.strictObject({
    lineId: id,
    learnerIds: z.array(id).min(1).max(5000),
    startWeek: week.optional(),
    endWeek: week.optional(),
  }),
  'enrolments.update': update(enrolmentFields.omit({ lineId: true, learnerId: true })),
  'enrolments.delete': z.strictObject({ ids: z.array(id).min(1).max(5000) }),

  'income.create': incomeFields,
  'income.update': update(incomeFields),
  'income.delete': byId,

  'otherCosts.create': otherCostFields,
  'otherCosts.update': update(otherCostFields),
  'otherCosts.delete': byId,

  /** What importing learners from an MIS export (CSV or .xlsx) would do: no side effects. */
  'mis.preview': z.strictObject({ fileName: misFileName, contentBase64: misContent, mapping: misColumnMappingSchema.optional() }),
  /** Import the learners the preview accepts, in one transaction (one undo step); re-runs the preview on the server. */
  'mis.import': z.strictObject({ fileName: misFileName, contentBase64: misContent, mapping: misColumnMappingSchema }),

  /** The automatic backups of the open school file (of every file when none is open), newest first. */
  'backups.list': z.strictObject({}),
  /** Open a backup as a new school file (`to`, or "<name> (restored <date>).mapio" beside the open file); nothing is overwritten. */
  'backups.restore': z.strictObject({ path: filePath, to: filePath.optional() }),

  'history.undo': z.strictObject({}),
  'history.redo': z.strictObject({}),

  /** Scenarios kept inside the school file (issue 11): named copies of the year to try options on. */
  'scenario.list': z.strictObject({}),
  /** A new scenario: a copy of the baseline, or next year rolled forward from it (shaped before it becomes a file). */
  'scenario.create': z.strictObject({ name: scenarioName, from: z.enum(['baseline', 'rollForward']) }),
  'scenario.rename': z.strictObject({ id, name: scenarioName }),
  /** Delete a scenario (never the baseline); not undoable, so the UI confirms first. */
  'scenario.delete': byId,
  /** Work on a scenario: every operation, undo and redo then apply to it until `scenario.leave`. */
  'scenario.enter': byId,
  'scenario.leave': z.strictObject({}),
  /** The baseline and the named scenarios side by side, every figure from the engine. */
  'scenario.compare': z.strictObject({ ids: z.array(id).max(12, { error: 'compare at most 12 scenarios at once' }) }),
  /** Make a scenario the new baseline: one undo step (undo restores the old baseline exactly). */
  'scenario.adopt': byId,
  /** A new .mapio file holding the scenario's year (a rolled-forward year becoming next year's file); not opened. */
  'scenario.saveAsFile': z.strictObject({ id, path: filePath }),
  /** Quick levers on the open scenario (refused on the baseline), each one undo step. 250 = +2.5%. */
  'scenario.lever.payAward': z.strictObject({ percentBasisPoints: basisPoints(-5000, 5000, 'a pay award between −50% and +50%') }),
  /** Change one income line by a percentage: −10000 (−100%) = the income ends. */
  'scenario.lever.scaleIncome': z.strictObject({ incomeId: id, percentBasisPoints: basisPoints(-10000, 100000, 'between −100% and +1000%') }),
  /** Remove a person from the scenario; their lines stay, without them, so the gap shows. */
  'scenario.lever.removeStaff': z.strictObject({ staffId: id }),

  /** The costed map as an Excel workbook for governors, written atomically to `path` (.xlsx). */
  'export.governorsWorkbook': z.strictObject({
    path: filePath,
    learners: z.enum(['none', 'anonymised', 'named']).default('anonymised'),
    lang: z.enum(['en', 'cy']).default('en'),
  }),
  /** The statement for parents of what the school regards as ALP: printable HTML (.html), no costs, no learners. */
  'export.alpStatement': z.strictObject({ path: filePath, lang: z.enum(['en', 'cy']).default('en') }),
  /** Write the open school's authority return (.xlsx) to `path`: no learner names, refs or dates of birth. */
  'return.create': z.strictObject({ path: filePath }),

  /** The authority's comparison workspace: a `.mapio-la` file of imported returns. */
  'authority.create': z.strictObject({ path: filePath }),
  'authority.open': z.strictObject({ path: filePath }),
  'authority.close': z.strictObject({}),
  /** One return per call (so the UI can show "n of N" and drag and drop works in browser mode); `replace` replaces a duplicate. */
  'authority.importReturn': z.strictObject({
    fileName: singleLine(z.string().trim().min(1, { error: 'a file name is required' }).max(260)),
    contentBase64: z
      .string()
      .min(1, { error: 'the file is empty' })
      .max(4_000_000, { error: 'is too large for a return (over 3 MB)' })
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'must be the file’s bytes in base64' }),
    replace: z.boolean().optional(),
  }),
  /** Every .xlsx in a folder (Electron and the CLI). */
  'authority.importFolder': z.strictObject({ path: filePath }),
  /** The comparison for one academic year (default: the newest imported). */
  'authority.comparison': z.strictObject({ academicYear: z.string().regex(/^\d{4}-\d{2}$/, { error: 'must look like 2026-27' }).optional() }),
  /** The officer's correction: lines with this normalised name are the intervention `canonicalName` (empty: remove the mapping). */
  'authority.setMapping': z.strictObject({
    normalisedName: singleLine(z.string().trim().min(1, { error: 'is required' }).max(200)),
    canonicalName: singleLine(z.string().max(200)),
  }),
  'authority.removeSchool': z.strictObject({ schoolKey: singleLine(z.string().min(1, { error: 'is required' }).max(500)) }),
  /** A school's published (Section 52) ALN allocation for a year, to sit beside what it says it spends; null clears it. */
  'authority.setPublishedAllocation': z.strictObject({
    schoolKey: z.string().min(1, { error: 'is required' }).max(500),
    academicYear: z.string().regex(/^\d{4}-\d{2}$/, { error: 'must look like 2026-27' }),
    amountPence: z.number().int({ error: 'money must be whole pence (an integer), not a decimal' }).min(0, { error: 'must not be negative' }).max(100_000_000_000).nullable(),
    source: z.string().max(300).optional(),
  }),
  /** The comparison as an .xlsx, written atomically. */
  'authority.exportComparison': z.strictObject({ path: filePath, academicYear: z.string().regex(/^\d{4}-\d{2}$/, { error: 'must look like 2026-27' }).optional() }),
} as const;

export type OperationName = keyof typeof operations;
export type OperationInput<N extends OperationName> = z.input<(typeof operations)[N]>;
export type ParsedInput<N extends OperationName> = z.output<(typeof operations)[N]>;

export interface FileInfo {
  path: string;
  /** The file name without folders, for the title bar. */
  name: string;
  /** Opened read-only: Mapio may not write where the file is; views and exports work, edits are refused, Save As makes an editable copy. */
  readOnly?: boolean;
}

export interface AppInfo {
  version: string;
  mode: 'electron' | 'browser' | 'cli';
  file: FileInfo | null;
  recentFiles: string[];
  /** The language last chosen (English until someone chooses Welsh). */
  language: 'en' | 'cy';
  /** Where a new school file goes when only a name is typed (the documents folder's Mapio folder). */
  schoolFolder: string;
}

/** The open school year and its figures: what every screen renders from. */
export interface YearView {
  file: FileInfo;
  data: SchoolYear;
  costed: CostedMap;
  history: { canUndo: boolean; canRedo: boolean; undoLabel: string | null; redoLabel: string | null };
  /** The scenario being worked on, or null (or absent) when the baseline is open. Set by Session.view(). */
  scenario?: { id: number; name: string } | null;
}

export const SCENARIO_KINDS = ['copy', 'roll_forward'] as const;
/** How a scenario began: a copy of the baseline, or next year rolled forward from it. */
export type ScenarioKind = (typeof SCENARIO_KINDS)[number];

/** A scenario kept in the school file. */
export interface ScenarioSummary {
  id: number;
  name: string;
  kind: ScenarioKind;
  /** ISO date-times (UTC). */
  createdAt: string;
  updatedAt: string;
}

export interface ScenarioCreated {
  scenario: ScenarioSummary;
  scenarios: ScenarioSummary[];
  /** For a rolled-forward scenario: learners who leave (by reference) and income lines that ended and were not carried. */
  rollForward: { leaverRefs: string[]; endedIncome: string[] } | null;
}

export interface ScenarioDeleted {
  scenarios: ScenarioSummary[];
  /** The open year (the baseline, if the deleted scenario was open). */
  view: YearView;
}

/** The file `scenario.saveAsFile` wrote (not opened). */
export interface ScenarioFileWritten {
  file: FileInfo;
  academicYear: string;
}

export interface PayAwardApplied extends MutationResult {
  /** Every person's hourly cost before and after. */
  changes: HourlyCostChange[];
}

export interface IncomeScaled extends MutationResult {
  change: IncomeChange;
}

export interface StaffRemoved extends MutationResult {
  /**
   * Who was removed, the lines that lost them (kept, with the staff left; `nowUnstaffed` = no one left,
   * so the line costs no staff time and shows in the comparison's unstaffed lines), other cost lines
   * that named them (kept with no one named) and whether they were the ALNCo for the workload.
   */
  removal: Omit<StaffRemoval, 'year'>;
}

/** The new year's file, opened, with what did not carry over. */
export interface RollForwardOutcome {
  view: YearView;
  /** Learners who left (past the school's last year group), by reference. */
  leaverRefs: string[];
  /** Income lines that ended before the new year and were not carried. */
  endedIncome: string[];
}

/** What a mutation returns: the id it created (if any) and the fresh view, so totals update in one round trip. */
export interface MutationResult {
  createdIds?: number[];
  view: YearView;
}

export type { MisColumnMapping, MisField } from '../schemas';

/** A learner field an MIS import would change on an existing learner, with its old and new value. */
export interface MisFieldChange {
  field: 'name' | 'yearGroup' | 'alnStatus' | 'efsm' | 'lookedAfter' | 'welshAlp';
  from: string | number | boolean;
  to: string | number | boolean;
}

export const MIS_REJECT_CODES = [
  'missing_ref',
  'ref_too_long',
  'duplicate_ref',
  'missing_name',
  'name_too_long',
  'missing_year_group',
  'impossible_year_group',
  'unknown_aln_status',
  'not_yes_or_no',
  'formula',
  'control_character',
] as const;
export type MisRejectCode = (typeof MIS_REJECT_CODES)[number];

/** One data row of the file and what importing it would do. */
export interface MisPreviewRow {
  /** The row's number as a spreadsheet shows it (the header is row 1). */
  rowNumber: number;
  action: 'add' | 'update' | 'unchanged' | 'reject';
  ref: string;
  name: string;
  /** -1 nursery, 0 reception, 1..14; null when the row is rejected before it was read. */
  yearGroup: number | null;
  alnStatus: AlnStatus | null;
  /** The existing learner an update or unchanged row matched by reference. */
  learnerId: number | null;
  /** For an update: which fields change. */
  changes: MisFieldChange[];
  /** For a reject: why, as a code (for translation) and a sentence naming what to fix. */
  rejectCode: MisRejectCode | null;
  reason: string | null;
}

export interface MisPreview {
  fileName: string;
  format: 'csv' | 'xlsx';
  /** How the CSV's bytes were read; null for .xlsx. */
  encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252' | null;
  /** The header row as written in the file. */
  columns: string[];
  /** The mapping used (guessed from the headers unless the request gave one). */
  mapping: MisColumnMapping;
  /** Every rejected row and the first rows of the others, in file order (at most MIS_PREVIEW_ROW_LIMIT that are not rejects). */
  rows: MisPreviewRow[];
  /** True when rows that are not rejects were left out of `rows` (the counts are always exact). */
  rowsTruncated: boolean;
  counts: { add: number; update: number; unchanged: number; reject: number; blank: number; notInFile: number };
  /**
   * Set when the mapping lacks a required column (reference, name, year group) or names a column the
   * file doesn't have: the sentence says which, `rows` is empty and the counts are 0. `mis.import` with
   * such a mapping is refused with the same message.
   */
  mappingProblem: { message: string; issues: FieldIssue[] } | null;
}
export const MIS_PREVIEW_ROW_LIMIT = 500;

/** What `export.governorsWorkbook` wrote: the full path, its sheets (in the export's language) and its size. */
export interface GovernorsWorkbookExport {
  path: string;
  sheets: string[];
  bytes: number;
}

export interface AlpStatementExport {
  path: string;
}

/** What `return.create` wrote. */
export interface ReturnWritten {
  path: string;
  schoolName: string;
  academicYear: string;
  bytes: number;
}

/** A return held in the authority file. */
export interface ImportedReturnInfo {
  schoolKey: string;
  schoolName: string;
  academicYear: string;
  fileName: string;
  /** ISO date-time it was imported. */
  importedAt: string;
}

/** Every return handled, each imported or rejected with its file name and a reason. */
export interface ReturnImportOutcome {
  imported: Array<{ fileName: string; school: { schoolKey: string; name: string; academicYear: string }; replaced: boolean }>;
  rejected: Array<{ fileName: string; reason: string }>;
}

/** The open authority file and its comparison: what the authority workspace renders from. */
export interface AuthorityView {
  file: FileInfo;
  returns: ImportedReturnInfo[];
  academicYears: string[];
  /** The year the comparison covers; null when nothing is imported yet. */
  academicYear: string | null;
  comparison: AuthorityComparison;
}

/** One automatic backup (db/backups.ts). */
export interface BackupInfo {
  path: string;
  /** ISO date-time (UTC) the copy was taken. */
  takenAt: string;
  /** daily: on open, at most once a day; before-import: before an import changed the file; before-update: before a newer Mapio updated the file. */
  reason: 'daily' | 'before-import' | 'before-update';
  bytes: number;
  /** The school file it is a copy of. */
  schoolFile: string;
}

type OutputOf = {
  'app.info': AppInfo;
  'app.stop': { stopped: boolean };
  'settings.setLanguage': AppInfo;
  'file.create': YearView;
  'file.open': YearView;
  'file.saveAs': YearView;
  'file.close': AppInfo;
  'file.rollForward': RollForwardOutcome;
  'year.get': YearView;
  'scenario.list': ScenarioSummary[];
  'scenario.create': ScenarioCreated;
  'scenario.rename': ScenarioSummary;
  'scenario.delete': ScenarioDeleted;
  'scenario.enter': YearView;
  'scenario.leave': YearView;
  'scenario.compare': ScenarioComparison;
  'scenario.saveAsFile': ScenarioFileWritten;
  'scenario.lever.payAward': PayAwardApplied;
  'scenario.lever.scaleIncome': IncomeScaled;
  'scenario.lever.removeStaff': StaffRemoved;
  'backups.list': BackupInfo[];
  'backups.restore': YearView;
  /** Asynchronous (exceljs zips the workbook asynchronously): the handler returns a Promise; `await` it. */
  'export.governorsWorkbook': Promise<GovernorsWorkbookExport>;
  'export.alpStatement': AlpStatementExport;
  /**
   * The two MIS operations read .xlsx through exceljs, which is asynchronous, so their handlers return
   * a Promise; every transport awaits it, and over the wire the value is the MisPreview / MutationResult.
   */
  'mis.preview': Promise<MisPreview>;
  'mis.import': Promise<MutationResult>;
  /** Asynchronous (exceljs): the handlers return a Promise; every transport awaits it. */
  'return.create': Promise<ReturnWritten>;
  'authority.create': AuthorityView;
  'authority.open': AuthorityView;
  'authority.close': { closed: boolean };
  'authority.importReturn': Promise<ReturnImportOutcome>;
  'authority.importFolder': Promise<ReturnImportOutcome>;
  'authority.comparison': AuthorityView;
  'authority.setMapping': AuthorityView;
  'authority.removeSchool': AuthorityView;
  'authority.setPublishedAllocation': AuthorityView;
  'authority.exportComparison': Promise<{ path: string; bytes: number }>;
};
export type OperationOutput<N extends OperationName> = N extends keyof OutputOf ? OutputOf[N] : MutationResult;

/** The typed surface a client sees (renderer, CLI). */
export type MapioApi = {
  call<N extends OperationName>(name: N, input: OperationInput<N>): Promise<Awaited<OperationOutput<N>>>;
};

export const API_ERROR_CODES = [
  'invalid_input', // the request failed validation: see issues
  'unknown_operation',
  'not_found', // a record named by id doesn't exist
  'conflict', // e.g. deleting staff still assigned to lines
  'no_file', // no school file is open
  'file_not_mapio', // not a SQLite database, or not a Mapio one
  'file_corrupt',
  'file_too_new', // written by a newer Mapio
  'file_io', // cannot read or write the path
  'file_altered', // a Mapio file changed outside Mapio (schema not as its migrations make it, a version no Mapio wrote): never opened
  'file_read_only', // a change to a file opened read-only (Mapio may not write where it is)
  'timeout', // an operation ran past its time limit and was stopped
  'cancelled', // the person stopped an operation
  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** The error every door returns: a code for programs, a sentence for people, field issues for forms. */
export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  issues?: FieldIssue[];
}

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly issues: FieldIssue[] | undefined;
  constructor(code: ApiErrorCode, message: string, issues?: FieldIssue[]) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.issues = issues;
  }
  toBody(): ApiErrorBody {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
  static fromBody(body: ApiErrorBody): ApiError {
    return new ApiError(body.code, body.message, body.issues);
  }
}

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(operations, name);
}

/** Validate a request at the door. Throws ApiError('invalid_input') naming each bad field. */
export function parseInput<N extends OperationName>(name: N, input: unknown): ParsedInput<N> {
  const result = operations[name].safeParse(input ?? {});
  if (!result.success) {
    const issues = issuesFrom(result.error);
    const first = issues[0];
    throw new ApiError('invalid_input', first ? `${first.path}: ${first.message}` : 'invalid request', issues);
  }
  return result.data as ParsedInput<N>;
}
