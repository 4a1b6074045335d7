/**
 * An authority's `.mapio-la` file: one SQLite database holding the returns its schools sent, the
 * officer's mapping of intervention names and the schools' published allocations.
 *
 * The same safety habits as the school file, from the same code (db/mapioDatabaseFile.ts):
 * - `create` builds the file beside its final path and renames it into place; it never overwrites;
 * - `open` undoes a write a crash cut off, then looks at the file read-only (SQLite? Mapio's authority
 *   file? newer than us? damaged?) and refuses a wrong file without changing it; only a good file is
 *   reopened for writing;
 * - WAL, foreign keys on, synchronous FULL; STRICT tables; each imported return is its own transaction (or
 *   savepoint, when an import stores several in one commit).
 */
import nodePath from 'node:path';
import { ApiError } from '../../shared/api/contract';
import { authorityReturnSchema, returnInNewestShape, type AuthorityReturn } from '../../shared/authority/returnFormat';
import type { ComparedReturn } from '../../shared/authority/comparison';
import type { ListedSchool, PublishedAllocation } from '../../shared/authority/authorityLists';
import type { SqliteDatabase } from '../connection';
import { closeMapioFile, createMapioFile, fileIoError, openMapioFile, type MapioFileKind } from '../mapioDatabaseFile';
import { migrate, type Migration } from '../migrations';
import { AUTHORITY_MIGRATIONS } from './migrations';

export const AUTHORITY_APPLICATION_ID = 'mapio-authority';
export const AUTHORITY_FILE_EXTENSION = '.mapio-la';

export interface AuthorityFileOptions {
  migrations?: readonly Migration[];
  /** For tests: the clock import times are taken from. */
  now?: () => Date;
}

/** A return as stored: what the list of imported returns shows. */
export interface StoredReturnInfo {
  schoolKey: string;
  schoolName: string;
  academicYear: string;
  fileName: string;
  /** ISO date-time the return was imported. */
  importedAt: string;
  /** ISO date-time the school's Mapio wrote it; null for a return from before version 4. */
  writtenAt: string | null;
  sha256: string;
}

/** A return that a newer one replaced: kept in the school's history by its file name. */
export interface ReplacedReturnInfo {
  fileName: string;
  writtenAt: string | null;
  importedAt: string;
  replacedAt: string;
  replacedByFile: string;
}

export interface NewReturn {
  schoolKey: string;
  fileName: string;
  formatVersion: number;
  sha256: string;
  /** The canonical JSON exactly as the school's Mapio wrote it. */
  json: string;
  ret: AuthorityReturn;
}

const baseName = (p: string) => nodePath.basename(p);

const notAuthorityFile = (name: string) => new ApiError('file_not_mapio', 'notAuthorityFile', { name, extension: AUTHORITY_FILE_EXTENSION });

/** An authority's `.mapio-la` file, as the checks on opening describe it. */
const AUTHORITY_FILE: MapioFileKind = {
  applicationId: AUTHORITY_APPLICATION_ID,
  description: 'Mapio authority file',
  notSqlite: notAuthorityFile,
  wrongApplication: (name, application) =>
    application === 'mapio-school' ? new ApiError('file_not_mapio', 'schoolNotAuthority', { name, extension: AUTHORITY_FILE_EXTENSION }) : notAuthorityFile(name),
  damaged: (name, detail) => new ApiError('file_corrupt', 'authorityFileDamaged', { name, detail }),
};

interface ReturnRow {
  school_key: string;
  academic_year: string;
  school_name: string;
  file_name: string;
  imported_at: string;
  written_at: string | null;
  sha256: string;
  content: string;
}

const RETURN_COLUMNS = 'school_key, academic_year, school_name, file_name, imported_at, written_at, sha256, content';

export class AuthorityFile {
  readonly path: string;
  /** Opened read-only (Mapio may not write where the file is): it is read into memory and every change is refused. */
  readonly readOnly: boolean;
  private readonly db: SqliteDatabase;
  private readonly now: () => Date;
  private closed = false;

  private constructor(path: string, db: SqliteDatabase, readOnly: boolean, options: AuthorityFileOptions) {
    this.path = path;
    this.db = db;
    this.readOnly = readOnly;
    this.now = options.now ?? (() => new Date());
  }

  /** A new, empty authority file at `path`. Refuses to overwrite anything. */
  static create(path: string, options: AuthorityFileOptions & { appVersion?: string } = {}): AuthorityFile {
    const target = nodePath.resolve(path);
    try {
      createMapioFile(target, AUTHORITY_FILE, { migrations: options.migrations ?? AUTHORITY_MIGRATIONS, createdByVersion: options.appVersion ?? 'unknown' });
    } catch (error) {
      throw error instanceof ApiError ? error : fileIoError('create', target, error);
    }
    return AuthorityFile.open(target, options);
  }

  /** Open an existing authority file after checking it read-only. */
  static open(path: string, options: AuthorityFileOptions = {}): AuthorityFile {
    const target = nodePath.resolve(path);
    const migrations = options.migrations ?? AUTHORITY_MIGRATIONS;
    const { db, readOnly } = openMapioFile(target, AUTHORITY_FILE, migrations, (writer) => migrate(writer, migrations));
    return new AuthorityFile(target, db, readOnly, options);
  }

  /** The return already imported for this school and year, if any. */
  findReturn(schoolKey: string, academicYear: string): StoredReturnInfo | null {
    this.assertOpen();
    const row = this.db.prepare(`SELECT ${RETURN_COLUMNS} FROM school_returns WHERE school_key = ? AND academic_year = ?`).get(schoolKey, academicYear) as ReturnRow | undefined;
    return row ? toInfo(row) : null;
  }

  /** The return held for this school and year, as its data (for setting it beside a newer one); null when none. */
  heldReturn(schoolKey: string, academicYear: string): AuthorityReturn | null {
    this.assertOpen();
    const row = this.db.prepare('SELECT school_name, academic_year, format_version, content FROM school_returns WHERE school_key = ? AND academic_year = ?').get(schoolKey, academicYear) as
      { school_name: string; academic_year: string; format_version: number; content: string } | undefined;
    return row ? this.parsed(row) : null;
  }

  /** The returns a newer one replaced for this school, oldest first: the school's history. */
  replacedReturns(schoolKey: string, academicYear: string): ReplacedReturnInfo[] {
    this.assertOpen();
    const rows = this.db
      .prepare('SELECT file_name, written_at, imported_at, replaced_at, replaced_by_file FROM replaced_returns WHERE school_key = ? AND academic_year = ? ORDER BY id')
      .all(schoolKey, academicYear) as Array<{ file_name: string; written_at: string | null; imported_at: string; replaced_at: string; replaced_by_file: string }>;
    return rows.map((r) => ({ fileName: r.file_name, writtenAt: r.written_at, importedAt: r.imported_at, replacedAt: r.replaced_at, replacedByFile: r.replaced_by_file }));
  }

  /**
   * Run `work` in one write transaction, committed (and flushed to disk) once at the end; a write inside it
   * that throws (as `addReturn` does for a duplicate) is undone alone, as its own savepoint, when caught.
   */
  inOneTransaction<T>(work: () => T): T {
    this.assertOpen();
    this.assertWritable();
    return this.db.transaction(work).immediate();
  }

  /**
   * Store one checked return in its own transaction (a savepoint inside `inOneTransaction`). With `replace`, an earlier return for the same
   * school and year is replaced; without it, that is an ApiError('conflict') naming the earlier file.
   */
  addReturn(entry: NewReturn, options: { replace?: boolean } = {}): StoredReturnInfo {
    this.assertOpen();
    this.assertWritable();
    const importedAt = this.now().toISOString();
    const { ret } = entry;
    return this.db
      .transaction(() => {
        const existing = this.findReturn(entry.schoolKey, ret.school.academicYear);
        if (existing && !options.replace) throw duplicateError(existing);
        if (existing) {
          // The replaced return stays in the school's history by its file name.
          this.db
            .prepare(
              `INSERT INTO replaced_returns (school_key, academic_year, school_name, file_name, written_at, imported_at, replaced_at, replaced_by_file)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(entry.schoolKey, existing.academicYear, existing.schoolName, existing.fileName, existing.writtenAt, existing.importedAt, importedAt, entry.fileName);
          this.db.prepare('DELETE FROM school_returns WHERE school_key = ? AND academic_year = ?').run(entry.schoolKey, ret.school.academicYear);
        }
        this.db
          .prepare(
            `INSERT INTO school_returns (school_key, academic_year, school_name, file_name, imported_at, written_at, format_version, sha256, content)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(entry.schoolKey, ret.school.academicYear, ret.school.name, entry.fileName, importedAt, ret.writtenAt, entry.formatVersion, entry.sha256, entry.json);
        // A renamed school (the same official number) is one school, shown by the name in its latest year's return.
        const latestYear = this.db.prepare('SELECT max(academic_year) FROM school_returns WHERE school_key = ?').pluck().get(entry.schoolKey) as string;
        if (latestYear === ret.school.academicYear) this.db.prepare('UPDATE school_returns SET school_name = ? WHERE school_key = ?').run(ret.school.name, entry.schoolKey);
        return { schoolKey: entry.schoolKey, schoolName: ret.school.name, academicYear: ret.school.academicYear, fileName: entry.fileName, importedAt, writtenAt: ret.writtenAt, sha256: entry.sha256 };
      })
      .immediate();
  }

  /** Every imported return, by school name then year. */
  listReturns(): StoredReturnInfo[] {
    this.assertOpen();
    const rows = this.db.prepare(`SELECT ${RETURN_COLUMNS} FROM school_returns ORDER BY school_name COLLATE NOCASE, academic_year`).all() as ReturnRow[];
    return rows.map(toInfo);
  }

  /** Academic years present, newest first. */
  academicYears(): string[] {
    this.assertOpen();
    return this.db.prepare('SELECT DISTINCT academic_year FROM school_returns ORDER BY academic_year DESC').pluck().all() as string[];
  }

  /** The returns of one academic year (default: the newest present), ready for compareReturns. */
  comparedReturns(academicYear?: string): ComparedReturn[] {
    this.assertOpen();
    const year = academicYear ?? this.academicYears()[0];
    if (year === undefined) return [];
    const rows = this.db
      .prepare(
        `SELECT r.school_key, r.academic_year, r.school_name, r.file_name, r.imported_at, r.sha256, r.content, r.format_version, a.amount_pence AS allocation,
           (SELECT json_group_array(h.file_name) FROM (SELECT file_name FROM replaced_returns WHERE school_key = r.school_key AND academic_year = r.academic_year ORDER BY id) h) AS replaced
         FROM school_returns r LEFT JOIN published_allocations a ON a.school_key = r.school_key AND a.academic_year = r.academic_year
         WHERE r.academic_year = ? ORDER BY r.school_name COLLATE NOCASE`,
      )
      .iterate(year) as IterableIterator<ReturnRow & { format_version: number; allocation: number | null; replaced: string }>;
    const byNumber = this.allocationsByNumber(year);
    // One row at a time: with 1,480 returns, holding every stored JSON text beside its parsed copy
    // was most of the comparison's peak memory.
    const compared: ComparedReturn[] = [];
    for (const row of rows) {
      const replacedFiles = JSON.parse(row.replaced) as string[];
      const ret = this.parsed(row);
      // The allocation the authority published for the school's official number; else one entered by hand for the school.
      const published = byNumber.get(ret.school.officialNumber) ?? row.allocation;
      compared.push({ schoolKey: row.school_key, ret, publishedAllocationPence: published, fileName: row.file_name, importedOn: row.imported_at, replacedFiles });
    }
    return compared;
  }

  /** A stored return's data in the newest shape; a file_corrupt ApiError when it no longer passes the schema. */
  private parsed(row: { school_name: string; academic_year: string; format_version: number; content: string }): AuthorityReturn {
    const raw: unknown = JSON.parse(row.content);
    const parsed = authorityReturnSchema.safeParse(returnInNewestShape(row.format_version, raw));
    if (!parsed.success) {
      throw new ApiError('file_corrupt', 'storedReturnInvalid', { school: row.school_name, year: row.academic_year, name: baseName(this.path) });
    }
    return parsed.data as AuthorityReturn;
  }

  /** The officer's mapping: normalised name → canonical name. */
  mapping(): Record<string, string> {
    this.assertOpen();
    const rows = this.db.prepare('SELECT normalised_name, canonical_name FROM intervention_mappings ORDER BY normalised_name').all() as Array<{ normalised_name: string; canonical_name: string }>;
    return Object.fromEntries(rows.map((r) => [r.normalised_name, r.canonical_name]));
  }

  /** Say that lines with this normalised name are the intervention `canonicalName`; an empty name removes the mapping. */
  setMapping(normalisedName: string, canonicalName: string): void {
    this.assertOpen();
    this.assertWritable();
    const canonical = canonicalName.trim();
    if (canonical === '') this.db.prepare('DELETE FROM intervention_mappings WHERE normalised_name = ?').run(normalisedName);
    else {
      this.db
        .prepare(
          `INSERT INTO intervention_mappings (normalised_name, canonical_name, set_at) VALUES (?, ?, ?)
           ON CONFLICT (normalised_name) DO UPDATE SET canonical_name = excluded.canonical_name, set_at = excluded.set_at`,
        )
        .run(normalisedName, canonical, this.now().toISOString());
    }
  }

  /** Remove every return (all years) and the published allocations of a school. Returns the number of returns removed. */
  removeSchool(schoolKey: string): number {
    this.assertOpen();
    this.assertWritable();
    return this.db.transaction(() => {
      const removed = this.db.prepare('DELETE FROM school_returns WHERE school_key = ?').run(schoolKey).changes;
      this.db.prepare('DELETE FROM replaced_returns WHERE school_key = ?').run(schoolKey);
      this.db.prepare('DELETE FROM published_allocations WHERE school_key = ?').run(schoolKey);
      return removed;
    })();
  }

  /**
   * Record (or with null, clear) a school's published ALN allocation for a year. A school whose return
   * carries its official number has it recorded by that number, beside the imported statement's (so a
   * correction typed by hand is the one the comparison shows); otherwise by the school's key.
   */
  setPublishedAllocation(schoolKey: string, academicYear: string, amountPence: number | null, source = ''): void {
    this.assertOpen();
    this.assertWritable();
    this.db.transaction(() => {
      const school = this.db
        .prepare(
          `SELECT json_extract(content, '$.school.officialNumber') AS official_number, school_name FROM school_returns WHERE school_key = ?
           ORDER BY academic_year = ? DESC, academic_year DESC LIMIT 1`,
        )
        .get(schoolKey, academicYear) as { official_number: string | null; school_name: string } | undefined;
      const officialNumber = school?.official_number ?? '';
      if (/^\d{7}$/.test(officialNumber)) {
        if (amountPence === null) this.db.prepare('DELETE FROM allocations_by_number WHERE official_number = ? AND academic_year = ?').run(officialNumber, academicYear);
        else {
          this.db
            .prepare(
              `INSERT INTO allocations_by_number (official_number, academic_year, school_name, amount_pence, source) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (official_number, academic_year) DO UPDATE SET amount_pence = excluded.amount_pence, source = excluded.source`,
            )
            .run(officialNumber, academicYear, school?.school_name ?? '', amountPence, source);
        }
      }
      if (amountPence === null || /^\d{7}$/.test(officialNumber)) this.db.prepare('DELETE FROM published_allocations WHERE school_key = ? AND academic_year = ?').run(schoolKey, academicYear);
      else {
        this.db
          .prepare(
            `INSERT INTO published_allocations (school_key, academic_year, amount_pence, source) VALUES (?, ?, ?, ?)
             ON CONFLICT (school_key, academic_year) DO UPDATE SET amount_pence = excluded.amount_pence, source = excluded.source`,
          )
          .run(schoolKey, academicYear, amountPence, source);
      }
    })();
  }

  /**
   * Replace the year's published allocations with those of the authority's statement, in one transaction.
   * `source` says where they came from (the file name and the unit read).
   */
  replaceAllocations(academicYear: string, allocations: readonly PublishedAllocation[], source: string): void {
    this.assertOpen();
    this.assertWritable();
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM allocations_by_number WHERE academic_year = ?').run(academicYear);
      const insert = this.db.prepare('INSERT INTO allocations_by_number (official_number, academic_year, school_name, amount_pence, source) VALUES (?, ?, ?, ?, ?)');
      for (const a of allocations) insert.run(a.officialNumber, academicYear, a.name, a.amountPence, source);
    })();
  }

  /** The year's published allocations: official number → pence. One query. */
  allocationsByNumber(academicYear: string): Map<string, number> {
    this.assertOpen();
    const rows = this.db.prepare('SELECT official_number, amount_pence FROM allocations_by_number WHERE academic_year = ?').all(academicYear) as Array<{
      official_number: string;
      amount_pence: number;
    }>;
    return new Map(rows.map((r) => [r.official_number, r.amount_pence]));
  }

  /** Replace the authority's list of its schools, in one transaction. */
  replaceSchoolList(schools: readonly ListedSchool[]): void {
    this.assertOpen();
    this.assertWritable();
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM listed_schools').run();
      const insert = this.db.prepare('INSERT INTO listed_schools (official_number, name, name_cy, phase, language_medium) VALUES (?, ?, ?, ?, ?)');
      for (const s of schools) insert.run(s.officialNumber, s.name, s.nameCy, s.phase, s.languageMedium);
    })();
  }

  /** The authority's list of its schools, by official number (each with the Welsh name the list gave, or ''). */
  listedSchools(): ListedSchool[] {
    this.assertOpen();
    const rows = this.db.prepare('SELECT official_number, name, name_cy, phase, language_medium FROM listed_schools ORDER BY official_number').all() as Array<{
      official_number: string;
      name: string;
      name_cy: string;
      phase: ListedSchool['phase'];
      language_medium: ListedSchool['languageMedium'];
    }>;
    return rows.map((r) => ({ officialNumber: r.official_number, name: r.name, nameCy: r.name_cy, phase: r.phase, languageMedium: r.language_medium }));
  }

  /**
   * The Welsh name each of `officialNumbers`' newest return (of any year) gives, where it gives one: how a
   * listed school that has not returned this year, and whose Welsh name the list does not give, is named for
   * a Welsh reader. Every stored return's JSON
   * is read for its number, so it is asked only when some listed school has not returned.
   */
  welshSchoolNames(officialNumbers: readonly string[]): Record<string, string> {
    this.assertOpen();
    const wanted = new Set(officialNumbers);
    const rows = this.db
      .prepare(
        `SELECT json_extract(content, '$.school.officialNumber') AS number, json_extract(content, '$.school.nameCy') AS name_cy
         FROM school_returns ORDER BY academic_year`,
      )
      .all() as Array<{ number: unknown; name_cy: unknown }>;
    const names: Record<string, string> = {};
    for (const r of rows) {
      if (typeof r.number === 'string' && r.number !== '' && wanted.has(r.number) && typeof r.name_cy === 'string' && r.name_cy.trim() !== '') names[r.number] = r.name_cy.trim();
    }
    return names;
  }

  /** The officer's notes: school key → note. */
  schoolNotes(): Record<string, string> {
    this.assertOpen();
    const rows = this.db.prepare('SELECT school_key, note FROM school_notes ORDER BY school_key').all() as Array<{ school_key: string; note: string }>;
    return Object.fromEntries(rows.map((r) => [r.school_key, r.note]));
  }

  /** The officer's note on a school; an empty note removes it. */
  setSchoolNote(schoolKey: string, note: string): void {
    this.assertOpen();
    this.assertWritable();
    const text = note.trim();
    if (text === '') this.db.prepare('DELETE FROM school_notes WHERE school_key = ?').run(schoolKey);
    else {
      this.db
        .prepare('INSERT INTO school_notes (school_key, note, set_at) VALUES (?, ?, ?) ON CONFLICT (school_key) DO UPDATE SET note = excluded.note, set_at = excluded.set_at')
        .run(schoolKey, text, this.now().toISOString());
    }
  }

  /** Close, leaving one self-contained file (no -wal beside it). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeMapioFile(this.db);
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  private assertOpen(): void {
    if (this.closed) throw new ApiError('no_file', 'authorityFileClosed');
  }

  /** Refuses any change to a file opened read-only. */
  assertWritable(): void {
    if (this.readOnly) {
      throw new ApiError('file_read_only', 'authorityReadOnly', { name: baseName(this.path), folder: nodePath.dirname(this.path) });
    }
  }
}

function toInfo(row: ReturnRow): StoredReturnInfo {
  return {
    schoolKey: row.school_key,
    schoolName: row.school_name,
    academicYear: row.academic_year,
    fileName: row.file_name,
    importedAt: row.imported_at,
    writtenAt: row.written_at,
    sha256: row.sha256,
  };
}

/** "duplicate of <file> imported on <date>": the same school and year is already in the file. */
export function duplicateError(existing: StoredReturnInfo): ApiError {
  return new ApiError('conflict', 'duplicateReturn', { file: existing.fileName, date: existing.importedAt.slice(0, 10), school: existing.schoolName, year: existing.academicYear });
}
