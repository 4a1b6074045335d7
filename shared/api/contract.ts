/**
 * The API contract: the only door between the UI (or the CLI) and a school's data.
 *
 * Every operation is declared in its area's file (app.ts, file.ts, year.ts, school.ts, staff.ts, lines.ts,
 * learners.ts, enrolments.ts, budget.ts, mis.ts, backups.ts, scenarios.ts, exports.ts, versions.ts, authority.ts) with
 * the zod schema of its input and the type of its output side by side; this file assembles them and is
 * what importers use. Electron serves it over IPC, browser mode over a loopback HTTP server, the CLI
 * in-process; all three call the same handlers (backend/handlers) after `parseInput` has validated the
 * request. A request that fails validation gets an `ApiError` with field-named issues and changes nothing.
 */
import type { z } from 'zod';
import { issuesFrom } from '../schemas';
import { appOperations } from './app';
import { authorityOperations } from './authority';
import { backupsOperations } from './backups';
import { budgetOperations } from './budget';
import { enrolmentsOperations } from './enrolments';
import { ApiError } from './errors';
import { exportsOperations } from './exports';
import { fileOperations } from './file';
import { learnersOperations } from './learners';
import { linesOperations } from './lines';
import { misOperations } from './mis';
import type { OperationGroup, OutputOf } from './operation';
import { scenariosOperations } from './scenarios';
import { schoolOperations } from './school';
import { staffOperations } from './staff';
import { versionsOperations } from './versions';
import { historyOperations, yearOperations } from './year';

export * from './app';
export * from './authority';
export * from './backups';
export * from './errors';
export * from './exports';
export * from './file';
export * from './mis';
export * from './scenarios';
export * from './versions';
export * from './year';
export * from './yearPatch';

/** Every area's operations, in the order they are offered. */
export const OPERATION_GROUPS = [
  appOperations,
  fileOperations,
  yearOperations,
  schoolOperations,
  staffOperations,
  linesOperations,
  learnersOperations,
  enrolmentsOperations,
  budgetOperations,
  misOperations,
  backupsOperations,
  historyOperations,
  scenariosOperations,
  exportsOperations,
  versionsOperations,
  authorityOperations,
] as const;

/** Every operation by name: its input schema and its declared output. */
export const operations = {
  ...appOperations,
  ...fileOperations,
  ...yearOperations,
  ...schoolOperations,
  ...staffOperations,
  ...linesOperations,
  ...learnersOperations,
  ...enrolmentsOperations,
  ...budgetOperations,
  ...misOperations,
  ...backupsOperations,
  ...historyOperations,
  ...scenariosOperations,
  ...exportsOperations,
  ...versionsOperations,
  ...authorityOperations,
} satisfies OperationGroup;

export type OperationName = keyof typeof operations;
export type OperationInput<N extends OperationName> = z.input<(typeof operations)[N]['input']>;
export type ParsedInput<N extends OperationName> = z.output<(typeof operations)[N]['input']>;
/** What the operation's handler answers: declared beside its input, never a default. */
export type OperationOutput<N extends OperationName> = OutputOf<(typeof operations)[N]>;

/** The typed surface a client sees (renderer, CLI). */
export type MapioApi = {
  call<N extends OperationName>(name: N, input: OperationInput<N>): Promise<Awaited<OperationOutput<N>>>;
};

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(operations, name);
}

/** Validate a request at the door. Throws ApiError('invalid_input') naming each bad field. */
export function parseInput<N extends OperationName>(name: N, input: unknown): ParsedInput<N> {
  const result = operations[name].input.safeParse(input ?? {});
  if (!result.success) {
    throw ApiError.invalid(issuesFrom(result.error));
  }
  return result.data as ParsedInput<N>;
}
