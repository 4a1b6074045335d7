/**
 * The Node side of Mapio: one backend that Electron's IPC, the browser-mode server and the CLI all
 * serve. Every request passes the door (`parseInput`: the contract's zod schema) before any handler
 * runs; a bad request gets an ApiError naming the field and changes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApiError, isOperationName, parseInput, type OperationName, type OperationOutput, type ParsedInput } from '../shared/api/contract';
import { SchoolFile } from '../db/schoolFile';
import { demoSchoolYear } from '../shared/demo/demoSchool';
import { CostsTooLarge, Session } from './session';
import { PatchedAnswers } from './patchedAnswers';
import { SettingsStore } from './settings';
import { authorityHandlers } from './handlers/authority';
import { budgetHandlers } from './handlers/budget';
import { backupHandlers } from './handlers/backups';
import { SchoolBackups, backupsRoot } from '../db/backups';
import { removeStaleWorkingCopies } from '../db/workingCopyFolder';
import { exportHandlers } from './handlers/exports';
import { fileHandlers } from './handlers/file';
import { historyHandlers } from './handlers/history';
import { learnerHandlers } from './handlers/learners';
import { lineHandlers } from './handlers/lines';
import { misHandlers } from './handlers/mis';
import { scenarioHandlers } from './handlers/scenarios';
import { versionHandlers } from './handlers/versions';
import { schoolHandlers } from './handlers/school';
import { staffHandlers } from './handlers/staff';
import type { HandlerContext, HandlerMap } from './handlers/types';

export const MAPIO_VERSION = '0.1.0';
export const DEMO_FILE_NAME = 'Demo school.mapio';

/** The union of every area's handlers: the compiler checks it covers the whole contract. */
const handlers: HandlerMap<OperationName> = {
  ...fileHandlers,
  ...schoolHandlers,
  ...staffHandlers,
  ...lineHandlers,
  ...learnerHandlers,
  ...budgetHandlers,
  ...historyHandlers,
  ...backupHandlers,
  ...misHandlers,
  ...authorityHandlers,
  ...exportHandlers,
  ...scenarioHandlers,
  ...versionHandlers,
};

export interface Backend {
  call(name: string, input: unknown): Promise<unknown>;
  dispose(): void;
}

export interface BackendOptions {
  mode: 'electron' | 'browser' | 'cli';
  /** Where settings and the demo school live. */
  dataDir: string;
  /** A file to open at start (e.g. double-clicked). */
  openPath?: string;
  /** Open the last file or the demo school at start (the apps do; the CLI doesn't). */
  openOnStart?: boolean;
  /** For tests: a fixed "today". */
  today?: () => string;
}

/** Typed, synchronous entry used by the CLI and tests; the transports use `call`. */
export interface TypedBackend extends Backend {
  invoke<N extends OperationName>(name: N, input: unknown): OperationOutput<N>;
  readonly session: Session;
  /** One piece of work worth doing while no call waits (warming the engine); false when there is none left. */
  rehearse(): boolean;
}

export function createBackend(options: BackendOptions): TypedBackend {
  const settings = new SettingsStore(options.dataDir);
  const session = new Session(settings, options.today);
  // Automatic backups beside the data (db/backups.ts); the CLI runs one command and takes none.
  if (options.mode !== 'cli') session.backups = new SchoolBackups(backupsRoot(options.dataDir));
  // Scenario working copies a crashed Mapio left in the temp folder hold children's data: remove them now.
  if (options.mode !== 'cli') removeStaleWorkingCopies();
  const ctx: HandlerContext = { session, mode: options.mode, version: MAPIO_VERSION, dataDir: options.dataDir };

  if (options.openPath) {
    session.adopt(SchoolFile.open(path.resolve(options.openPath)));
  } else if (options.openOnStart ?? options.mode !== 'cli') {
    openLastOrDemo(session, options.dataDir);
  }

  const invoke = <N extends OperationName>(name: N, input: unknown): OperationOutput<N> => {
    const parsed: ParsedInput<N> = parseInput(name, input);
    const handler = handlers[name] as (input: ParsedInput<N>, ctx: HandlerContext) => OperationOutput<N>;
    // An edit refused because its figures would be too large to count names the request's fields at fault.
    const named = (error: unknown) => (error instanceof CostsTooLarge ? error.naming(moneyFieldsOf(parsed)) : error);
    try {
      const output = handler(parsed, ctx);
      if (output instanceof Promise) {
        return output.catch((error: unknown) => {
          throw named(error);
        }) as OperationOutput<N>;
      }
      return output;
    } catch (error) {
      throw named(error);
    }
  };

  // What the transports' client was last sent, so answers can carry only what changed (backend/patchedAnswers.ts).
  const answers = new PatchedAnswers();

  return {
    session,
    invoke,
    async call(name: string, input: unknown): Promise<unknown> {
      if (!isOperationName(name)) throw new ApiError('unknown_operation', 'noOperation', { operation: String(name).slice(0, 80) });
      try {
        const value = await invoke(name, input); // await: an async handler's rejection must pass through toApiError too
        if (name === 'app.info' && (input as { answerChangesAsPatches?: unknown } | null | undefined)?.answerChangesAsPatches === true) answers.follow();
        return answers.answer(value);
      } catch (error) {
        throw toApiError(error);
      }
    },
    rehearse: () => session.rehearseCosting(),
    dispose() {
      session.closeAuthorityFile();
      session.close();
    },
  };
}

/** The fields of a request that multiply into money: what an edit whose costs would be too large to count is refused for. */
const MONEY_FIELDS = new Set([
  'hourlyCostPence',
  'count',
  'groups',
  'minutesPerSession',
  'planningMinutesPerSession',
  'sessionsPerWeekHundredths',
  'weeks',
  'pence',
  'quantity',
  'unitPence',
  'minutesPerWeek',
  'percentBasisPoints',
]);

/** Paths ("changes.hourlyCostPence", "staff.0.count") of the money fields a request sets, in order. */
export function moneyFieldsOf(input: unknown, prefix = '', depth = 0): string[] {
  if (depth > 4 || input === null || typeof input !== 'object') return [];
  const found: string[] = [];
  for (const [key, value] of Object.entries(input)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (MONEY_FIELDS.has(key) && typeof value === 'number') found.push(path);
    else found.push(...moneyFieldsOf(value, path, depth + 1));
  }
  return found;
}

/** Anything thrown that is not already an ApiError becomes a generic one: no stack or data leaks out. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return new ApiError('conflict', 'recordMissingOrInUse');
    if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_FULL' || code === 'SQLITE_IOERR') {
      return new ApiError('file_io', 'cannotWriteSchoolFile');
    }
  }
  return new ApiError('internal', 'lastChangeNotSaved');
}

/** First launch: create and open the demo school. Later launches: the most recent file that still opens. */
function openLastOrDemo(session: Session, dataDir: string): void {
  for (const recent of session.settings.get().recentFiles) {
    if (!fs.existsSync(recent)) continue;
    try {
      session.adopt(SchoolFile.open(recent));
      return;
    } catch {
      // A recent file that no longer opens is skipped here; opening it by hand shows the reason.
    }
  }
  const demoPath = path.join(dataDir, DEMO_FILE_NAME);
  session.adopt(fs.existsSync(demoPath) ? SchoolFile.open(demoPath) : SchoolFile.create(demoPath, demoSchoolYear()));
}
