/**
 * What passes between the process that shows Mapio (Electron's main process, browser mode's HTTP server)
 * and the process that holds the data (backend/host/backendHost.ts): the backend runs off the main
 * thread, so a long import or a slow file never freezes the window or stops the server answering, and a
 * call that runs past its time limit can be stopped by ending that process (SQLite's write-ahead log
 * keeps every acknowledged edit: test/unit/hardening/crash.test.ts).
 *
 * Plain objects only, so the same messages travel over Node's child-process IPC and Electron's
 * utilityProcess MessagePort. An answer travels as its JSON text in UTF-8 bytes: one block of bytes crosses
 * the boundary in a copy, where the same answer as objects was serialised field by field and built again
 * on the other side (the year's 900 KB: 15 ms on a quiet machine, 40–90 ms while a window is loading), and
 * browser mode's server sends those bytes as they are (docs/performance.md, "Round 13"). Bytes, not a
 * string: one character beyond Latin-1 in a school's words (a ’ or a ŵ) makes V8 hold the whole text at two
 * bytes a character, and a string then crosses at twice its UTF-8 size and is encoded again for HTTP
 * (docs/performance.md, "Round 14: the first paint with no debugger attached").
 */
import type { ApiErrorBody, OperationName } from '../../shared/api/contract';
import type { BackendOptions } from '../backend';

/** How the data process is started: the backend's options, less what only a test passes in-process. */
export type HostStartOptions = Pick<BackendOptions, 'mode' | 'dataDir' | 'openPath' | 'openOnStart'>;

export type ToHost = { type: 'start'; options: HostStartOptions } | { type: 'call'; id: number; name: string; input: unknown } | { type: 'dispose' };

export type FromHost =
  | { type: 'started'; openFailed: ApiErrorBody | null }
  | { type: 'startFailed'; error: ApiErrorBody }
  | { type: 'result'; id: number; ok: true; json: Uint8Array }
  | { type: 'result'; id: number; ok: false; error: ApiErrorBody }
  | { type: 'disposed' };

/** A value as an answer carries it: its JSON text in UTF-8. */
export function jsonBytes(value: unknown): Uint8Array {
  return Buffer.from(JSON.stringify(value), 'utf8');
}

/** An answer's value from its JSON text in UTF-8 (a Buffer, or the Uint8Array a MessagePort delivers), read without a copy. */
export function valueOfJsonBytes(json: Uint8Array): unknown {
  return JSON.parse(Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString('utf8')) as unknown;
}

export function isFromHost(value: unknown): value is FromHost {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return type === 'started' || type === 'startFailed' || type === 'result' || type === 'disposed';
}

export function isToHost(value: unknown): value is ToHost {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return type === 'start' || type === 'call' || type === 'dispose';
}

/** How long a call may run before the data process is stopped and started again (milliseconds). */
export interface TimeLimits {
  /** Starting the data process, including reopening the last file. */
  start: number;
  /** Opening or making a file: its check (schema, integrity) and first read. */
  open: number;
  /** Imports and exports: reading or writing whole spreadsheets, folders of returns. */
  long: number;
  /** Everything else: an edit, a view. */
  other: number;
}

export const DEFAULT_TIME_LIMITS: TimeLimits = {
  start: 60_000,
  open: 60_000,
  long: 10 * 60_000,
  other: 60_000,
};

const OPENING: ReadonlySet<string> = new Set<OperationName>([
  'file.create',
  'file.open',
  'file.saveAs',
  'file.rollForward',
  'backups.restore',
  'authority.create',
  'authority.open',
  'scenario.enter',
  'scenario.saveAsFile',
]);

const LONG: ReadonlySet<string> = new Set<OperationName>([
  'mis.preview',
  'mis.import',
  'authority.importReturn',
  'authority.importFolder',
  'authority.exportComparison',
  'export.governorsWorkbook',
  'export.alpStatement',
  'return.create',
  'scenario.compare',
  'versions.save',
  'versions.export',
  'versions.compare',
]);

export function timeLimitFor(name: string, limits: TimeLimits): number {
  if (OPENING.has(name)) return limits.open;
  if (LONG.has(name)) return limits.long;
  return limits.other;
}

/** What a call was doing, for the sentence saying it was stopped: the key of its words (`apiError.reason.activity.<key>`). */
export function activityOf(name: string): 'openingFile' | 'readingLearners' | 'importingReturns' | 'writingExport' | 'that' {
  if (OPENING.has(name)) return 'openingFile';
  if (name.startsWith('mis.')) return 'readingLearners';
  if (name.startsWith('authority.import')) return 'importingReturns';
  if (name.startsWith('export.') || name === 'versions.save' || name === 'versions.export' || name === 'return.create' || name === 'authority.exportComparison') return 'writingExport';
  return 'that';
}
