/**
 * The API contract: the only door between the UI (or the CLI) and a school's data.
 *
 * Every operation is named here with the zod schema of its input and the type of its output. Electron
 * serves it over IPC, browser mode over a loopback HTTP server, the CLI in-process; all three call the
 * same handlers (backend/handlers) after `parseInput` has validated the request. A request that fails
 * validation gets an `ApiError` with field-named issues and changes nothing.
 */
import { z } from 'zod';
import type { SchoolYear } from '../domain';
import type { CostedMap } from '../engine/types';
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
  type FieldIssue,
} from '../schemas';

const id = z.number().int().positive();
const filePath = z.string().min(1, { error: 'a file path is required' }).max(4096);
const byId = z.strictObject({ id });
const update = <T extends z.ZodObject>(fields: T) => z.strictObject({ id, changes: fields.partial().strict() });

export const operations = {
  /** Which file is open, the recent files, and how Mapio is running. */
  'app.info': z.strictObject({}),
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

  'history.undo': z.strictObject({}),
  'history.redo': z.strictObject({}),
} as const;

export type OperationName = keyof typeof operations;
export type OperationInput<N extends OperationName> = z.input<(typeof operations)[N]>;
export type ParsedInput<N extends OperationName> = z.output<(typeof operations)[N]>;

export interface FileInfo {
  path: string;
  /** The file name without folders, for the title bar. */
  name: string;
}

export interface AppInfo {
  version: string;
  mode: 'electron' | 'browser' | 'cli';
  file: FileInfo | null;
  recentFiles: string[];
}

/** The open school year and its figures: what every screen renders from. */
export interface YearView {
  file: FileInfo;
  data: SchoolYear;
  costed: CostedMap;
  history: { canUndo: boolean; canRedo: boolean; undoLabel: string | null; redoLabel: string | null };
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

type OutputOf = {
  'app.info': AppInfo;
  'file.create': YearView;
  'file.open': YearView;
  'file.saveAs': YearView;
  'file.close': AppInfo;
  'file.rollForward': RollForwardOutcome;
  'year.get': YearView;
};
export type OperationOutput<N extends OperationName> = N extends keyof OutputOf ? OutputOf[N] : MutationResult;

/** The typed surface a client sees (renderer, CLI). */
export type MapioApi = {
  call<N extends OperationName>(name: N, input: OperationInput<N>): Promise<OperationOutput<N>>;
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
