/**
 * A school's `.mapio` file: one SQLite database holding one academic year.
 *
 * - `create` builds the file beside its final path and renames it into place, so a crash never leaves
 *   half a file; it never overwrites.
 * - `open` inspects the file read-only first (is it SQLite? is it Mapio's? is it newer than us? is it
 *   damaged?) and only reopens it for writing once it is known good, so a wrong or damaged file is
 *   never changed by being looked at. Before migrating an older file it keeps a complete copy.
 * - every edit is one transaction and one undo step (`mutate`).
 * - a file Mapio may not write (read-only media, no permission) opens read-only: it is read into memory
 *   (brought up to date there, never beside the file), every view and export works, and every edit is
 *   refused with a sentence offering Save As (`readOnly`).
 */
import { fieldIssue } from '../shared/fieldIssues';
import fs from 'node:fs';
import nodePath from 'node:path';
import { ApiError } from '../shared/api/contract';
import type { HistoryLabel } from '../shared/api/historySteps';
import type { SchoolYear } from '../shared/domain';
import { issuesFrom, schoolYearSchema } from '../shared/schemas';
import { sqliteCode, type SqliteDatabase } from './connection';
import { closeMapioFile, createMapioFile, fileIoError, openMapioFile, refuseExisting, removeQuietly, syncFile, syncFolder, temporaryPath, type MapioFileKind } from './mapioDatabaseFile';
import { MIGRATIONS, migrate, type Migration } from './migrations';
import { createPrivateFile } from './privateFile';
import { createRepositories, insertRecordsWithIds, type Repositories } from './repositories';
import { createSchoolYearReader, type SchoolYearReader } from './schoolYearReader';
import { isForeignKeyFailure } from './repositories/tableRecord';
import { UndoHistory, type HistoryState } from './undoHistory';

export const MAPIO_APPLICATION_ID = 'mapio-school';

/** A school's `.mapio` file, as the checks on opening describe it. */
const SCHOOL_FILE: MapioFileKind = {
  applicationId: MAPIO_APPLICATION_ID,
  description: 'Mapio school file',
  notSqlite: (name) => new ApiError('file_not_mapio', 'notSchoolFile', { name }),
  wrongApplication: (name) => new ApiError('file_not_mapio', 'notSchoolDatabase', { name }),
  damaged: (name, detail) => new ApiError('file_corrupt', 'schoolFileDamaged', { name, detail }),
};

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

function timestamp(): string {
  return new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/** Turn a failure while writing into a sentence; ApiErrors pass through. */
function writeError(error: unknown, path: string): unknown {
  if (error instanceof ApiError) return error;
  const code = sqliteCode(error);
  if (!code) return error;
  const message = (error as Error).message;
  if (isForeignKeyFailure(error)) {
    return new ApiError('conflict', 'danglingRecord');
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return new ApiError('invalid_input', 'constraintRefused', { detail: message });
  }
  if (code === 'SQLITE_FULL') return new ApiError('file_io', 'diskFullSaving', { name: fileName(path), path });
  if (code.startsWith('SQLITE_CORRUPT')) return new ApiError('file_corrupt', 'schoolFileDamaged', { name: fileName(path), detail: message });
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new ApiError('file_io', 'fileBusy', { name: fileName(path) });
  }
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) {
    return new ApiError('file_io', 'cannotSaveChange', { name: fileName(path), path, detail: message });
  }
  return error;
}

export class SchoolFile {
  readonly path: string;
  /** Set when opening brought an older file up to date: its old version and where the copy was kept. */
  readonly migration: MigrationRecord | null;
  /** Opened read-only (Mapio may not write where the file is): every edit is refused; Save As makes a copy that can be edited. */
  readonly readOnly: boolean;
  private readonly db: SqliteDatabase;
  private readonly repositories: Repositories;
  private readonly undoHistory: UndoHistory;
  private readonly readSchoolYear: SchoolYearReader;
  private mutating = false;
  private closed = false;

  private constructor(path: string, db: SqliteDatabase, migration: MigrationRecord | null, readOnly: boolean, options: OpenOptions) {
    this.path = path;
    this.db = db;
    this.migration = migration;
    this.readOnly = readOnly;
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
      throw ApiError.invalid(issues);
    }
    assertUniqueIds(year);
    createMapioFile(target, SCHOOL_FILE, {
      migrations: options.migrations ?? MIGRATIONS,
      createdByVersion: options.appVersion ?? process.env.npm_package_version ?? 'unknown',
      fill: (db) => insertSchoolYear(createRepositories(db), year),
    });
    return SchoolFile.open(target, options);
  }

  /** Open an existing file: check it, bring it up to date (keeping a copy first), ready to edit. */
  static open(path: string, options: OpenOptions = {}): SchoolFile {
    const target = nodePath.resolve(path);
    const migrations = options.migrations ?? MIGRATIONS;
    let opened: { db: SqliteDatabase; updated: MigrationRecord | null; readOnly: boolean };
    try {
      opened = openMapioFile(target, SCHOOL_FILE, migrations, (db, version, latest, mode) =>
        mode.readOnly ? (migrate(db, migrations), null) : bringUpToDate(db, target, version, latest, migrations),
      );
    } catch (error) {
      throw writeError(error, target);
    }
    try {
      return new SchoolFile(target, opened.db, opened.updated, opened.readOnly, options);
    } catch (error) {
      opened.db.close();
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
   * A step that changed nothing is not recorded. Any new step clears redo. `check`, when given, sees the
   * year as the change leaves it, still inside the transaction: if it throws, nothing is committed.
   */
  mutate<T>(label: HistoryLabel, fn: (repos: Repositories) => T, check?: (after: SchoolYear) => void): T {
    this.assertOpen();
    this.assertWritable();
    if (this.mutating) throw new Error('SchoolFile.mutate cannot be nested: do the whole change in one call.');
    this.mutating = true;
    try {
      const { result, statements } = this.db
        .transaction(() => {
          const mark = this.undoHistory.mark();
          const result = fn(this.repositories);
          if (result instanceof Promise) throw new Error('SchoolFile.mutate needs a synchronous function.');
          const statements = this.undoHistory.take(mark);
          // Read after the undo log was taken, so the year read here is the one handed out after commit.
          check?.(this.readSchoolYear());
          return { result, statements };
        })
        .immediate();
      this.undoHistory.push({ label, statements });
      return result;
    } catch (error) {
      // `check` may have read the year the rolled-back change left: never hand that out.
      this.readSchoolYear.forget();
      throw writeError(error, this.path);
    } finally {
      this.mutating = false;
    }
  }

  /** Reverse the last step; returns its label, or null when there is nothing to undo. */
  undo(): HistoryLabel | null {
    this.assertOpen();
    this.assertWritable();
    try {
      return this.undoHistory.undo();
    } catch (error) {
      throw writeError(error, this.path);
    }
  }

  redo(): HistoryLabel | null {
    this.assertOpen();
    this.assertWritable();
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
      createPrivateFile(temp);
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
    closeMapioFile(this.db);
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  private assertOpen(): void {
    if (this.closed) throw new ApiError('no_file', 'schoolFileClosed');
  }

  /** Refuses any change to a file opened read-only, saying how to get a copy that can be changed. */
  assertWritable(): void {
    if (this.readOnly) throw readOnlyError(this.path);
  }
}

/** The sentence for any change to a file opened read-only. */
export function readOnlyError(path: string): ApiError {
  return new ApiError('file_read_only', 'schoolReadOnly', { name: fileName(path), folder: nodePath.dirname(path) });
}

/**
 * Run `migrations` on a file at `version`; an older file is first copied whole (including anything still
 * in a -wal file) beside itself, and the copy named in what is returned.
 */
function bringUpToDate(db: SqliteDatabase, target: string, version: number, latest: number, migrations: readonly Migration[]): MigrationRecord | null {
  let migration: MigrationRecord | null = null;
  if (version < latest) {
    const backupPath = `${target}.backup-v${version}-${timestamp()}.mapio`;
    let created = false;
    try {
      createPrivateFile(backupPath);
      created = true;
      db.prepare('VACUUM INTO ?').run(backupPath);
    } catch (error) {
      if (created) removeQuietly(backupPath);
      throw new ApiError('file_io', 'noCopyBeforeUpdate', { name: fileName(target), path: backupPath, detail: (error as Error).message });
    }
    migration = { fromVersion: version, toVersion: latest, backupPath };
  }
  try {
    migrate(db, migrations);
  } catch (error) {
    if (error instanceof ApiError || !migration) throw error;
    throw new ApiError('internal', 'updateFailed', { name: fileName(target), path: migration.backupPath, detail: (error as Error).message });
  }
  return migration;
}

function assertUniqueIds(year: SchoolYear): void {
  const lists = { staff: year.staff, lines: year.lines, learners: year.learners, enrolments: year.enrolments, income: year.income, otherCosts: year.otherCosts, tiers: year.tiers, areas: year.areas };
  for (const [field, records] of Object.entries(lists)) {
    const seen = new Set<number | string>();
    (records as Array<{ id: number | string }>).forEach((record, i) => {
      if (seen.has(record.id)) {
        const path = `${field}.${i}.id`;
        throw ApiError.invalid([fieldIssue(path, 'idTwice', { id: record.id })]);
      }
      seen.add(record.id);
    });
  }
}

/** Every record of `year`, keeping its ids. Order matters only for references: staff before lines, lines and learners before enrolments. */
function insertSchoolYear(repos: Repositories, year: SchoolYear): void {
  repos.school.insert(year.school);
  repos.calendar.set(year.calendar);
  repos.tiers.set(year.tiers);
  repos.areas.set(year.areas);
  insertRecordsWithIds(repos, year);
  repos.workload.insert(year.workload);
}
