/**
 * A school's `.mapio` file: one SQLite database holding one academic year.
 *
 * - `create` builds the file beside its final path and renames it into place, so a crash never leaves
 *   half a file; it never overwrites.
 * - `open` inspects the file read-only first (is it SQLite? is it Mapio's? is it newer than us? is it
 *   damaged?) and only reopens it for writing once it is known good, so a wrong or damaged file is
 *   never changed by being looked at. Before migrating an older file it keeps a complete copy.
 * - every edit is one transaction and one undo step (`mutate`).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import nodePath from 'node:path';
import { ApiError } from '../shared/api/contract';
import type { SchoolYear } from '../shared/domain';
import { issuesFrom, schoolYearSchema } from '../shared/schemas';
import { openDatabase, sqliteCode, type SqliteDatabase } from './connection';
import { MIGRATIONS, migrate, type Migration } from './migrations';
import { createRepositories, type Repositories } from './repositories';
import { createSchoolYearReader } from './schoolYearReader';
import { isForeignKeyFailure } from './repositories/tableRecord';
import { UndoHistory, type HistoryState } from './undoHistory';

export const MAPIO_APPLICATION_ID = 'mapio-school';
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const BUSY_TIMEOUT_MS = 5000;

export interface CreateOptions {
  /** Recorded in mapio_meta.created_by_version. */
  appVersion?: string;
}

export interface OpenOptions {
  /** Undo steps kept (default 200). */
  historyLimit?: number;
  /** The migrations to apply; tests pass their own list to exercise a future migration. Default: all of Mapio's. */
  migrations?: readonly Migration[];
}

/** Where an older file was copied before it was brought up to date. */
export interface MigrationRecord {
  fromVersion: number;
  toVersion: number;
  backupPath: string;
}

const fileName = (path: string) => nodePath.basename(path);

function fileIoError(action: string, path: string, error: unknown): ApiError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason =
    code === 'EACCES' || code === 'EPERM'
      ? 'Mapio is not allowed to use that place. Choose a folder you can save to.'
      : code === 'ENOSPC'
        ? 'The disk is full.'
        : code === 'ENOENT'
          ? 'The folder does not exist.'
          : code === 'EROFS'
            ? 'That place is read-only.'
            : `The system said: ${(error as Error | null)?.message ?? String(error)}`;
  return new ApiError('file_io', `Mapio could not ${action} “${fileName(path)}” (${path}). ${reason}`);
}

function refuseExisting(path: string): void {
  if (fs.existsSync(path)) {
    throw new ApiError('file_io', `There is already a file at ${path}. Choose another name: Mapio never overwrites a file.`);
  }
}

function temporaryPath(path: string): string {
  return `${path}.tmp-${randomBytes(6).toString('hex')}`;
}

function removeQuietly(path: string): void {
  for (const p of [path, `${path}-journal`, `${path}-wal`, `${path}-shm`]) {
    try {
      fs.rmSync(p, { force: true });
    } catch {
      /* best effort: a stray temp file is harmless */
    }
  }
}

/** Make the rename itself durable where the platform allows it (not on Windows). */
function syncFolder(path: string): void {
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

function syncFile(path: string): void {
  const fd = fs.openSync(path, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function timestamp(): string {
  return new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

function configure(db: SqliteDatabase): void {
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('foreign_keys = ON');
  db.pragma('journal_mode = WAL');
  // With WAL, FULL syncs the log on every commit: an edit Mapio has acknowledged survives a power cut.
  db.pragma('synchronous = FULL');
}

/** Turn a failure while writing into a sentence; ApiErrors pass through. */
function writeError(error: unknown, path: string): unknown {
  if (error instanceof ApiError) return error;
  const code = sqliteCode(error);
  if (!code) return error;
  const message = (error as Error).message;
  if (isForeignKeyFailure(error)) {
    return new ApiError('conflict', 'That change would leave a record pointing at something that no longer exists, so nothing was changed.');
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return new ApiError('invalid_input', `That change was refused, so nothing was changed: ${message}.`);
  }
  if (code === 'SQLITE_FULL') return new ApiError('file_io', `The disk is full, so the change to ${path} was not saved. Free some space and try again.`);
  if (code.startsWith('SQLITE_CORRUPT')) return new ApiError('file_corrupt', `${fileName(path)} is damaged; restore it from a backup. (${message})`);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new ApiError('file_io', `${fileName(path)} is busy in another program, so the change was not saved. Close the other program and try again.`);
  }
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) {
    return new ApiError('file_io', `Mapio could not save the change to ${path}. Check the file is still there and you can write to it. (${message})`);
  }
  return error;
}

interface Inspection {
  version: number;
}

/**
 * Look at a file without changing it: read-only connection, and any -wal/-shm file the look creates is
 * removed again. Throws the ApiError that says what is wrong.
 */
function inspect(path: string, latestVersion: number): Inspection {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ApiError('file_io', `Mapio could not find “${fileName(path)}” at ${path}. It may have been moved, renamed or deleted.`);
    }
    throw fileIoError('read', path, error);
  }
  if (!stat.isFile()) throw new ApiError('file_io', `${path} is a folder, not a Mapio school file.`);

  const notMapio = new ApiError(
    'file_not_mapio',
    `“${fileName(path)}” is not a Mapio school file. It may be a spreadsheet or another document; choose a .mapio file.`,
  );
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
  if (stat.size < 512 || !header.equals(SQLITE_HEADER)) throw notMapio;
  rollBackInterruptedWrite(path);

  const damaged = (detail: string) =>
    new ApiError('file_corrupt', `“${fileName(path)}” is damaged; restore it from a backup (Mapio keeps copies beside the file), or ask IT for help. (${detail})`);
  const siblings = [`${path}-wal`, `${path}-shm`].filter((p) => !fs.existsSync(p));
  let db: SqliteDatabase | null = null;
  try {
    db = openDatabase(path, { readonly: true, fileMustExist: true });
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const hasMeta = db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'mapio_meta'`).get();
    const application = hasMeta ? db.prepare(`SELECT value FROM mapio_meta WHERE key = 'application'`).pluck().get() : undefined;
    if (application !== MAPIO_APPLICATION_ID) {
      throw new ApiError('file_not_mapio', `“${fileName(path)}” is a database, but not a Mapio school file. Choose a .mapio file.`);
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > latestVersion) {
      throw new ApiError(
        'file_too_new',
        `“${fileName(path)}” was saved by a newer version of Mapio (file version ${version}, this Mapio understands up to ${latestVersion}). Update Mapio to open it.`,
      );
    }
    const problems = db.prepare('PRAGMA integrity_check(5)').pluck().all() as string[];
    if (problems.length !== 1 || problems[0] !== 'ok') throw damaged(problems.join('; '));
    return { version };
  } catch (error) {
    if (error instanceof ApiError) throw error;
    const code = sqliteCode(error);
    if (code === 'SQLITE_NOTADB' || code?.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_IOERR_SHORT_READ' || code === 'SQLITE_RANGE') {
      throw damaged((error as Error).message);
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

/**
 * A non-empty `-journal` beside the file is a write that was cut off (a crash or power cut during a
 * migration, which runs before WAL is switched on). SQLite undoes it on the first read-write look,
 * putting back the file exactly as it was before that write; a read-only look cannot, and would fail
 * with "attempt to write a readonly database" on every open. So undo it first (test/unit/hardening/crash.test.ts).
 */
function rollBackInterruptedWrite(path: string): void {
  let journalBytes = 0;
  try {
    journalBytes = fs.statSync(`${path}-journal`).size;
  } catch {
    return;
  }
  if (journalBytes === 0) return;
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

export class SchoolFile {
  readonly path: string;
  /** Set when opening brought an older file up to date: its old version and where the copy was kept. */
  readonly migration: MigrationRecord | null;
  private readonly db: SqliteDatabase;
  private readonly repositories: Repositories;
  private readonly undoHistory: UndoHistory;
  private readonly readSchoolYear: () => SchoolYear;
  private mutating = false;
  private closed = false;

  private constructor(path: string, db: SqliteDatabase, migration: MigrationRecord | null, options: OpenOptions) {
    this.path = path;
    this.db = db;
    this.migration = migration;
    this.repositories = createRepositories(db);
    this.undoHistory = new UndoHistory(db, options.historyLimit);
    this.readSchoolYear = createSchoolYearReader(db);
  }

  /** A new file at `path` holding `year`, every record keeping its id. Refuses to overwrite. */
  static create(path: string, year: SchoolYear, options: CreateOptions & OpenOptions = {}): SchoolFile {
    const target = nodePath.resolve(path);
    refuseExisting(target);
    const parsed = schoolYearSchema.safeParse(year);
    if (!parsed.success) {
      const issues = issuesFrom(parsed.error);
      throw new ApiError('invalid_input', `The school year is not valid: ${issues[0]?.path}: ${issues[0]?.message}`, issues);
    }
    assertUniqueIds(year);
    const temp = temporaryPath(target);
    let db: SqliteDatabase | null = null;
    try {
      try {
        db = openDatabase(temp);
      } catch (error) {
        throw fileIoError('create', target, error);
      }
      db.pragma('foreign_keys = ON');
      db.pragma('synchronous = FULL');
      migrate(db, options.migrations ?? MIGRATIONS);
      const writer = db;
      writer.transaction(() => {
        const meta = writer.prepare('INSERT INTO mapio_meta (key, value) VALUES (?, ?)');
        meta.run('application', MAPIO_APPLICATION_ID);
        meta.run('created_by_version', options.appVersion ?? process.env.npm_package_version ?? 'unknown');
        insertSchoolYear(createRepositories(writer), year);
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
      throw writeError(error, target);
    }
    return SchoolFile.open(target, options);
  }

  /** Open an existing file: check it, bring it up to date (keeping a copy first), ready to edit. */
  static open(path: string, options: OpenOptions = {}): SchoolFile {
    const target = nodePath.resolve(path);
    const migrations = options.migrations ?? MIGRATIONS;
    const latest = migrations[migrations.length - 1]?.version ?? 0;
    const { version } = inspect(target, latest);
    let db: SqliteDatabase;
    try {
      db = openDatabase(target, { fileMustExist: true });
    } catch (error) {
      throw fileIoError('open', target, error);
    }
    try {
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      let migration: MigrationRecord | null = null;
      if (version < latest) {
        // A complete, consistent copy (including anything still in a -wal file) before anything changes.
        const backupPath = `${target}.backup-v${version}-${timestamp()}.mapio`;
        try {
          db.prepare('VACUUM INTO ?').run(backupPath);
        } catch (error) {
          throw new ApiError(
            'file_io',
            `Mapio needs to update “${fileName(target)}” to this version and could not first keep a copy of it at ${backupPath}, so it left the file as it was. (${(error as Error).message})`,
          );
        }
        migration = { fromVersion: version, toVersion: latest, backupPath };
      }
      try {
        // Migrations run before WAL and foreign keys are switched on: a table rebuild needs foreign keys
        // off, and a failed migration then leaves the file exactly as it was.
        migrate(db, migrations);
      } catch (error) {
        if (error instanceof ApiError || !migration) throw error;
        throw new ApiError(
          'internal',
          `Mapio could not update “${fileName(target)}” to this version, so it left the file as it was (a copy is also kept at ${migration.backupPath}). (${(error as Error).message})`,
        );
      }
      configure(db);
      return new SchoolFile(target, db, migration, options);
    } catch (error) {
      db.close();
      throw writeError(error, target);
    }
  }

  /** The whole year as plain domain objects, sorted by sort order / id. */
  readYear(): SchoolYear {
    this.assertOpen();
    return this.readSchoolYear();
  }

  /**
   * Run `fn` in one transaction (all or nothing) and record it as one undo step called `label`.
   * A step that changed nothing is not recorded. Any new step clears redo.
   */
  mutate<T>(label: string, fn: (repos: Repositories) => T): T {
    this.assertOpen();
    if (this.mutating) throw new Error('SchoolFile.mutate cannot be nested: do the whole change in one call.');
    this.mutating = true;
    try {
      const { result, statements } = this.db
        .transaction(() => {
          const mark = this.undoHistory.mark();
          const result = fn(this.repositories);
          if (result instanceof Promise) throw new Error('SchoolFile.mutate needs a synchronous function.');
          return { result, statements: this.undoHistory.take(mark) };
        })
        .immediate();
      this.undoHistory.push({ label, statements });
      return result;
    } catch (error) {
      throw writeError(error, this.path);
    } finally {
      this.mutating = false;
    }
  }

  /** Reverse the last step; returns its label, or null when there is nothing to undo. */
  undo(): string | null {
    this.assertOpen();
    try {
      return this.undoHistory.undo();
    } catch (error) {
      throw writeError(error, this.path);
    }
  }

  redo(): string | null {
    this.assertOpen();
    try {
      return this.undoHistory.redo();
    } catch (error) {
      throw writeError(error, this.path);
    }
  }

  history(): HistoryState {
    return this.undoHistory.state();
  }

  /**
   * A complete copy at `path` (built beside it, then renamed into place; an existing file is refused),
   * then this file is closed and the copy returned, open, with the undo history carried over.
   */
  saveAs(path: string): SchoolFile {
    this.assertOpen();
    const target = nodePath.resolve(path);
    refuseExisting(target);
    const temp = temporaryPath(target);
    try {
      this.db.prepare('VACUUM INTO ?').run(temp);
      syncFile(temp);
      refuseExisting(target);
      fs.renameSync(temp, target);
      syncFolder(target);
    } catch (error) {
      removeQuietly(temp);
      if (error instanceof ApiError) throw error;
      throw fileIoError('save a copy as', target, error);
    }
    const history = this.undoHistory.snapshot();
    const limit = this.undoHistory.limit;
    this.close();
    const copy = SchoolFile.open(target, { historyLimit: limit });
    copy.undoHistory.restore(history);
    return copy;
  }

  /** A consistent online copy at `destination` through this connection (SQLite's backup API; db/backups.ts names and keeps it). */
  backupTo(destination: string): Promise<unknown> {
    this.assertOpen();
    return this.db.backup(destination);
  }

  /** Close the connection; the file is left as a single self-contained file (no -wal beside it). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.db.pragma('journal_mode = DELETE');
    } catch {
      /* another connection holds it; the WAL is checkpointed by whoever closes last */
    }
    this.db.close();
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  private assertOpen(): void {
    if (this.closed) throw new ApiError('no_file', 'This school file has been closed. Open it again to carry on.');
  }
}

function assertUniqueIds(year: SchoolYear): void {
  const lists = { staff: year.staff, lines: year.lines, learners: year.learners, enrolments: year.enrolments, income: year.income, otherCosts: year.otherCosts, tiers: year.tiers, areas: year.areas };
  for (const [field, records] of Object.entries(lists)) {
    const seen = new Set<number | string>();
    (records as Array<{ id: number | string }>).forEach((record, i) => {
      if (seen.has(record.id)) {
        const path = `${field}.${i}.id`;
        throw new ApiError('invalid_input', `${path}: the id ${record.id} is used twice`, [{ path, message: 'is used twice' }]);
      }
      seen.add(record.id);
    });
  }
}

/** Every record of `year`, keeping its ids. Order matters only for references: staff before lines, lines and learners before enrolments. */
function insertSchoolYear(repos: Repositories, year: SchoolYear): void {
  repos.school.insert(year.school);
  repos.calendar.set(year.calendar.weekStarts);
  repos.tiers.set(year.tiers);
  repos.areas.set(year.areas);
  for (const s of year.staff) repos.staff.insertWithId(s);
  for (const l of year.lines) repos.lines.insertWithId(l);
  for (const l of year.learners) repos.learners.insertWithId(l);
  for (const e of year.enrolments) repos.enrolments.insertWithId(e);
  for (const i of year.income) repos.income.insertWithId(i);
  for (const o of year.otherCosts) repos.otherCosts.insertWithId(o);
  repos.workload.insert(year.workload);
}
