/**
 * What every Mapio database file does to stay safe, whichever kind it is (a school's `.mapio`, db/schoolFile.ts;
 * an authority's `.mapio-la`, db/authority/authorityFile.ts). Each kind says only what differs: its
 * `mapio_meta.application`, how its errors are worded, its migrations.
 *
 * - `createMapioFile` builds the file beside its final path and renames it into place (then syncs the
 *   folder), so a crash never leaves half a file; it never overwrites.
 * - `openMapioFile` inspects the file read-only with `trusted_schema` off (SQLite? this kind of Mapio
 *   file? a version Mapio wrote? newer than us? its schema exactly what Mapio's migrations make at that
 *   version (db/fileSchema.ts)? damaged?) and refuses a wrong file with an ApiError that says what is
 *   wrong, its bytes and its folder untouched: no WAL switch, no migration, no backup copy, no journal
 *   rolled back (a write a crash cut off is undone on a private copy first, and on the file only once that
 *   copy has passed). Only a good file is reopened for writing, brought up to date and switched to WAL,
 *   foreign keys on, synchronous FULL. A file Mapio may not write (read-only media, permissions) is read
 *   into memory instead and opened read-only.
 */
import type { ErrorReason } from '../shared/api/errors';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';
import { ApiError } from '../shared/api/contract';
import { openDatabase, openSerialized, sqliteCode, type SqliteDatabase } from './connection';
import { assertSchemaAsMade, expectedSchema, knownVersions, schemaOf, unknownVersionError } from './fileSchema';
import { migrate, type Migration } from './migrations';
import { createPrivateFile } from './privateFile';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const BUSY_TIMEOUT_MS = 5000;

/** One kind of Mapio database file: what it is called and how it says what is wrong with a file. */
export interface MapioFileKind {
  /** Written to `mapio_meta.application` on create; a file with another value is refused. */
  applicationId: string;
  /** As in "<path> is a folder, not a Mapio school file." */
  description: string;
  /** Not a SQLite database at all (a spreadsheet, a document…). `name` is the file's base name. */
  notSqlite(name: string): ApiError;
  /** A SQLite database whose `mapio_meta.application` is `application` (undefined: none) instead of ours. */
  wrongApplication(name: string, application: unknown): ApiError;
  /** A damaged file; `detail` is what SQLite found. Code 'file_corrupt'. */
  damaged(name: string, detail: string): ApiError;
}

const fileName = (path: string) => nodePath.basename(path);

const ACTIONS = { create: 'cannotCreate', open: 'cannotOpen', read: 'cannotRead', write: 'cannotWrite', 'save a copy as': 'cannotSaveCopy' } as const satisfies Record<string, ErrorReason>;

/** Why the system refused, as the catalogue key of its words (`detail` is the system's own text, for the last case). */
export function whyKey(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'apiError.reason.why.noPermission';
  if (code === 'ENOSPC') return 'apiError.reason.why.diskFull';
  if (code === 'ENOENT') return 'apiError.reason.why.noFolder';
  if (code === 'EROFS') return 'apiError.reason.why.readOnlyPlace';
  return 'apiError.reason.why.system';
}

/** "Mapio could not <action> “name” (path). <why>", from a file-system or SQLite error. */
export function fileIoError(action: keyof typeof ACTIONS, path: string, error: unknown): ApiError {
  return new ApiError('file_io', ACTIONS[action], { name: fileName(path), path, whyKey: whyKey(error), detail: (error as Error | null)?.message ?? String(error) });
}

/** Mapio never overwrites a file. */
export function refuseExisting(path: string): void {
  if (fs.existsSync(path)) {
    throw new ApiError('file_io', 'alreadyAFile', { path });
  }
}

/** Where a file is built before it is renamed to `path`: beside it, so the rename stays on one disk. */
export function temporaryPath(path: string): string {
  return `${path}.tmp-${randomBytes(6).toString('hex')}`;
}

/** Remove a half-built file and any journal SQLite left beside it. */
export function removeQuietly(path: string): void {
  for (const p of [path, `${path}-journal`, `${path}-wal`, `${path}-shm`]) {
    try {
      fs.rmSync(p, { force: true });
    } catch {
      /* best effort: a stray temp file is harmless */
    }
  }
}

/** Make the rename itself durable where the platform allows it (not on Windows). */
export function syncFolder(path: string): void {
  try {
    const fd = fs.openSync(nodePath.dirname(path), 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    /* not supported here */
  }
}

export function syncFile(path: string): void {
  const fd = fs.openSync(path, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function configure(db: SqliteDatabase): void {
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('foreign_keys = ON');
  db.pragma('journal_mode = WAL');
  // With WAL, FULL syncs the log on every commit: an edit Mapio has acknowledged survives a power cut.
  db.pragma('synchronous = FULL');
}

/**
 * A new file of `kind` at `target`: migrated, its `mapio_meta` written, then `fill` (one transaction),
 * built at a temporary path and renamed into place. Refuses an existing file; leaves nothing behind on
 * failure. Throws ApiErrors as they are, a file-system or SQLite error as fileIoError('create'), anything
 * else as it is.
 */
export function createMapioFile(target: string, kind: MapioFileKind, content: { migrations: readonly Migration[]; createdByVersion: string; fill?: (db: SqliteDatabase) => void }): void {
  refuseExisting(target);
  const temp = temporaryPath(target);
  let db: SqliteDatabase | null = null;
  try {
    try {
      createPrivateFile(temp);
      db = openDatabase(temp);
    } catch (error) {
      throw fileIoError('create', target, error);
    }
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    migrate(db, content.migrations);
    const writer = db;
    writer.transaction(() => {
      const meta = writer.prepare('INSERT INTO mapio_meta (key, value) VALUES (?, ?)');
      meta.run('application', kind.applicationId);
      meta.run('created_by_version', content.createdByVersion);
      content.fill?.(writer);
    })();
    db.close();
    db = null;
    refuseExisting(target);
    fs.renameSync(temp, target);
    syncFolder(target);
  } catch (error) {
    try {
      db?.close();
    } catch {
      /* already failing */
    }
    removeQuietly(temp);
    if (error instanceof ApiError) throw error;
    if ((error as NodeJS.ErrnoException).code) throw fileIoError('create', target, error);
    throw error;
  }
}

/** How a file was opened: for writing, or read into memory because Mapio may not write where it is. */
export interface OpenedMode {
  /** True when the file is read-only for Mapio: the connection is an in-memory copy and nothing is ever written back. */
  readOnly: boolean;
}

/**
 * Open the file of `kind` at `target` (an absolute path): inspected read-only first (see `inspect`), then
 * reopened for writing, brought up to date by `update` (given the file's version and the latest in
 * `migrations`; it must run the migrations and returns what the caller wants to know about it), then
 * configured. When Mapio may not write the file or its folder, the checked file is read into memory
 * instead and `update` runs there (`mode.readOnly`: it must not write beside the file). The connection
 * is closed again if anything fails.
 */
export function openMapioFile<T>(
  target: string,
  kind: MapioFileKind,
  migrations: readonly Migration[],
  update: (db: SqliteDatabase, version: number, latest: number, mode: OpenedMode) => T,
): { db: SqliteDatabase; updated: T; readOnly: boolean } {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const { version } = inspect(target, kind, migrations);
  const readOnly = !mayWrite(target);
  let db: SqliteDatabase;
  try {
    db = readOnly ? readIntoMemory(target) : openDatabase(target, { fileMustExist: true });
  } catch (error) {
    throw fileIoError('open', target, error);
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Migrations run before WAL and foreign keys are switched on: a table rebuild needs foreign keys
    // off, and a failed migration then leaves the file exactly as it was.
    const updated = update(db, version, latest, { readOnly });
    if (readOnly) db.pragma('foreign_keys = ON');
    else configure(db);
    return { db, updated, readOnly };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** May Mapio write the file and create its journal beside it? (Read-only media, permissions, a locked file.) */
function mayWrite(path: string): boolean {
  try {
    fs.accessSync(path, fs.constants.W_OK);
    fs.accessSync(nodePath.dirname(path), fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The checked file, read whole through a read-only connection into an in-memory database. */
function readIntoMemory(path: string): SqliteDatabase {
  const reader = openDatabase(path, { readonly: true, fileMustExist: true });
  try {
    return openSerialized(reader.serialize());
  } finally {
    reader.close();
  }
}

/** Close, leaving one self-contained file (no -wal beside it). */
export function closeMapioFile(db: SqliteDatabase): void {
  try {
    db.pragma('journal_mode = DELETE');
  } catch {
    /* another connection holds it; the WAL is checkpointed by whoever closes last */
  }
  db.close();
}

/**
 * Look at a file without changing it: a read-only connection with `trusted_schema` off, and any
 * -wal/-shm file the look creates is removed again. Throws the ApiError that says what is wrong.
 *
 * Nothing stored in the file runs before its schema has been compared with Mapio's own: only the header,
 * `sqlite_schema` and (once its table is known to be Mapio's) `mapio_meta` are read first.
 */
function inspect(path: string, kind: MapioFileKind, migrations: readonly Migration[]): { version: number } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ApiError('file_io', 'fileMissing', { name: fileName(path), path });
    }
    throw fileIoError('read', path, error);
  }
  if (!stat.isFile()) throw new ApiError('file_io', 'isAFolder', { path });

  const header = Buffer.alloc(SQLITE_HEADER.length);
  try {
    const fd = fs.openSync(path, 'r');
    try {
      fs.readSync(fd, header, 0, header.length, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    throw fileIoError('read', path, error);
  }
  if (stat.size < 512 || !header.equals(SQLITE_HEADER)) throw kind.notSqlite(fileName(path));
  if (hasInterruptedWrite(path)) {
    // Checked on a private copy, rolled back there; the file itself only once the copy has passed.
    inspectCopy(path, kind, migrations);
    rollBackInterruptedWrite(path);
  }
  return inspectInPlace(path, fileName(path), kind, migrations);
}

function inspectInPlace(path: string, name: string, kind: MapioFileKind, migrations: readonly Migration[]): { version: number } {
  const latestVersion = migrations[migrations.length - 1]?.version ?? 0;
  const siblings = [`${path}-wal`, `${path}-shm`].filter((p) => !fs.existsSync(p));
  let db: SqliteDatabase | null = null;
  try {
    db = openDatabase(path, { readonly: true, fileMustExist: true });
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const schema = schemaOf(db);
    // mapio_meta is read only when it is exactly the table Mapio makes (a view or a table with computed
    // columns could run code on the read); its shape never changes from one version to the next.
    const firstVersion = migrations[0]?.version;
    const expectedMeta = firstVersion === undefined ? undefined : expectedSchema(migrations, firstVersion).get('table mapio_meta');
    const meta = schema.get('table mapio_meta');
    const application = meta && expectedMeta && meta.sql === expectedMeta.sql ? db.prepare(`SELECT value FROM mapio_meta WHERE key = 'application'`).pluck().get() : undefined;
    if (application !== kind.applicationId) throw kind.wrongApplication(name, application);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > latestVersion) {
      throw new ApiError('file_too_new', 'newerVersion', { name, version, latest: latestVersion });
    }
    if (!knownVersions(migrations).includes(version)) throw unknownVersionError(name, version, kind.description);
    assertSchemaAsMade(schema, expectedSchema(migrations, version), name, kind.description);
    const problems = db.prepare('PRAGMA integrity_check(5)').pluck().all() as string[];
    if (problems.length !== 1 || problems[0] !== 'ok') throw kind.damaged(name, problems.join('; '));
    return { version };
  } catch (error) {
    if (error instanceof ApiError) throw error;
    const code = sqliteCode(error);
    if (code === 'SQLITE_NOTADB' || code?.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_IOERR_SHORT_READ' || code === 'SQLITE_RANGE') {
      throw kind.damaged(name, (error as Error).message);
    }
    if (code) throw fileIoError('read', path, error);
    throw error;
  } finally {
    db?.close();
    for (const p of siblings) {
      try {
        if (fs.existsSync(p) && (!p.endsWith('-wal') || fs.statSync(p).size === 0)) fs.rmSync(p);
      } catch {
        /* leave it */
      }
    }
  }
}

/** A non-empty `-journal` beside the file: a write that was cut off (see `rollBackInterruptedWrite`). */
function hasInterruptedWrite(path: string): boolean {
  try {
    return fs.statSync(`${path}-journal`).size > 0;
  } catch {
    return false;
  }
}

/**
 * Inspect what the file will be once its cut-off write is undone, without undoing it: the file and its
 * journal are copied into a private folder, SQLite undoes the write on the copy, and the copy is
 * inspected. A foreign or altered file is refused with its own bytes and journal as they were.
 */
function inspectCopy(path: string, kind: MapioFileKind, migrations: readonly Migration[]): void {
  const folder = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'mapio-check-'));
  try {
    fs.chmodSync(folder, 0o700);
    const copy = nodePath.join(folder, 'copy');
    fs.copyFileSync(path, copy);
    fs.copyFileSync(`${path}-journal`, `${copy}-journal`);
    let db: SqliteDatabase | null = null;
    try {
      db = openDatabase(copy, { fileMustExist: true });
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
    } catch {
      /* the inspection that follows says what is wrong */
    } finally {
      db?.close();
    }
    inspectInPlace(copy, fileName(path), kind, migrations);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw fileIoError('read', path, error);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * A non-empty `-journal` beside the file is a write that was cut off (a crash or power cut during a
 * migration, which runs before WAL is switched on, or while the file was being closed). SQLite undoes it
 * on the first read-write look, putting back the file exactly as it was before that write; a read-only
 * look cannot, and would fail with "attempt to write a readonly database" on every open. Called only
 * once a copy rolled back the same way passed inspection (test/unit/hardening/crash.test.ts;
 * db/authority/authorityFile.test.ts).
 */
function rollBackInterruptedWrite(path: string): void {
  let db: SqliteDatabase | null = null;
  try {
    db = openDatabase(path, { fileMustExist: true });
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch {
    /* the read-only inspection that follows says what is wrong */
  } finally {
    db?.close();
  }
}
