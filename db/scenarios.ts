/**
 * Scenarios kept inside a school file: named copies of the school year ("grant ends", "two fewer TAs")
 * in the `scenarios` table (migration 0300), each holding the whole year as an interchange document.
 *
 * The store works through its OWN connection to the school file, never the SchoolFile's: the undo
 * triggers are TEMP and live on the SchoolFile's connection only, so saving a scenario never becomes a
 * step in the baseline's undo history, and the baseline's tables are never written by scenario work.
 * Each write is one small transaction (the file is in WAL mode with synchronous = FULL, so a write
 * this store has returned from survives a crash).
 *
 * `replaceSchoolYear` is the other half: adopting a scenario rewrites the baseline's records inside the
 * SchoolFile's `mutate` (one transaction, one undo step).
 */
import { fieldIssue } from '../shared/fieldIssues';
import fs from 'node:fs';
import nodePath from 'node:path';
import { ApiError, type ScenarioKind, type ScenarioSummary } from '../shared/api/contract';
import type { SchoolYear } from '../shared/domain';
import { InterchangeError, parseInterchange, toInterchange } from '../shared/interchange';
import { openDatabase, type SqliteDatabase } from './connection';
import { insertRecordsWithIds, type Repositories } from './repositories';
import { readOnlyError, SchoolFile } from './schoolFile';
import { newWorkingCopyFolder } from './workingCopyFolder';

export type { ScenarioKind, ScenarioSummary } from '../shared/api/contract';

export interface StoredScenario extends ScenarioSummary {
  year: SchoolYear;
}

export interface ScenarioStoreOptions {
  /** For tests: a fixed clock. */
  now?: () => Date;
  /** Written into each stored document's `writtenBy`. */
  writtenBy?: string;
}

export const SCENARIO_NAME_MAX = 120;

interface ScenarioRow {
  id: number;
  name: string;
  kind: ScenarioKind;
  created_at: string;
  updated_at: string;
}

const summaryOf = (row: ScenarioRow): ScenarioSummary => ({ id: row.id, name: row.name, kind: row.kind, createdAt: row.created_at, updatedAt: row.updated_at });

export class ScenarioStore {
  private readonly now: () => Date;
  private readonly writtenBy: string;
  private closed = false;

  private constructor(
    readonly path: string,
    private readonly db: SqliteDatabase,
    options: ScenarioStoreOptions,
    private readonly readOnly = false,
    private readonly hasTable = true,
  ) {
    this.now = options.now ?? (() => new Date());
    this.writtenBy = options.writtenBy ?? 'Mapio';
  }

  /**
   * A second connection to an open (already migrated) school file. `readOnly`: the file was opened
   * read-only (SchoolFile.readOnly): its scenarios can be listed and compared, never changed, and an
   * older file read-only (brought up to date only in memory) simply has none.
   */
  static open(schoolFilePath: string, options: ScenarioStoreOptions & { readOnly?: boolean } = {}): ScenarioStore {
    const db = openDatabase(schoolFilePath, { fileMustExist: true, readonly: options.readOnly ?? false });
    db.pragma('busy_timeout = 5000');
    if (!options.readOnly) db.pragma('synchronous = FULL');
    const hasTable = db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'scenarios'`).get();
    if (!hasTable && !options.readOnly) {
      db.close();
      throw new ApiError('internal', 'noScenarioTable');
    }
    return new ScenarioStore(schoolFilePath, db, options, options.readOnly ?? false, !!hasTable);
  }

  list(): ScenarioSummary[] {
    this.assertOpen();
    if (!this.hasTable) return [];
    const rows = this.db.prepare('SELECT id, name, kind, created_at, updated_at FROM scenarios ORDER BY created_at, id').all() as ScenarioRow[];
    return rows.map(summaryOf);
  }

  summary(id: number): ScenarioSummary {
    this.assertOpen();
    if (!this.hasTable) throw new ApiError('not_found', 'noScenario', { id });
    const row = this.db.prepare('SELECT id, name, kind, created_at, updated_at FROM scenarios WHERE id = ?').get(id) as ScenarioRow | undefined;
    if (!row) throw new ApiError('not_found', 'noScenario', { id });
    return summaryOf(row);
  }

  /** The scenario and its year, read back through the interchange format's full validation. */
  get(id: number): StoredScenario {
    const summary = this.summary(id);
    const text = this.db.prepare('SELECT year_json FROM scenarios WHERE id = ?').pluck().get(id) as string;
    try {
      return { ...summary, year: parseInterchange(text) };
    } catch (error) {
      if (error instanceof InterchangeError) {
        throw new ApiError('file_corrupt', 'scenarioDamaged', { scenario: summary.name, detail: error.message });
      }
      throw error;
    }
  }

  create(name: string, kind: ScenarioKind, year: SchoolYear): ScenarioSummary {
    this.assertOpen();
    this.assertWritable();
    const clean = this.checkName(name, null);
    const at = this.now().toISOString();
    const id = this.db.prepare('INSERT INTO scenarios (name, kind, created_at, updated_at, year_json) VALUES (?, ?, ?, ?, ?)').run(clean, kind, at, at, this.documentOf(year)).lastInsertRowid;
    return this.summary(Number(id));
  }

  rename(id: number, name: string): ScenarioSummary {
    this.assertWritable();
    this.summary(id);
    const clean = this.checkName(name, id);
    this.db.prepare('UPDATE scenarios SET name = ?, updated_at = ? WHERE id = ?').run(clean, this.now().toISOString(), id);
    return this.summary(id);
  }

  /** Write the scenario's year back (one small transaction). */
  saveYear(id: number, year: SchoolYear): ScenarioSummary {
    this.assertWritable();
    this.summary(id);
    this.db.prepare('UPDATE scenarios SET year_json = ?, updated_at = ? WHERE id = ?').run(this.documentOf(year), this.now().toISOString(), id);
    return this.summary(id);
  }

  delete(id: number): void {
    this.assertWritable();
    this.summary(id);
    this.db.prepare('DELETE FROM scenarios WHERE id = ?').run(id);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  private documentOf(year: SchoolYear): string {
    return JSON.stringify(toInterchange(year, this.writtenBy));
  }

  /** A name is required, at most SCENARIO_NAME_MAX characters, and not already used (ignoring case). */
  private checkName(name: string, exceptId: number | null): string {
    const clean = name.trim();
    if (clean.length === 0) throw ApiError.invalid([fieldIssue('name', 'required')]);
    if (clean.length > SCENARIO_NAME_MAX) {
      throw ApiError.invalid([fieldIssue('name', 'maxChars', { max: SCENARIO_NAME_MAX })]);
    }
    const clash = this.db.prepare('SELECT id FROM scenarios WHERE name = ? COLLATE NOCASE').pluck().get(clean) as number | undefined;
    if (clash !== undefined && clash !== exceptId) {
      throw new ApiError('conflict', 'scenarioNameUsed', { scenario: clean }, [fieldIssue('name', 'scenarioNameUsed')]);
    }
    return clean;
  }

  private assertOpen(): void {
    if (this.closed) throw new ApiError('no_file', 'schoolFileClosed');
  }

  private assertWritable(): void {
    if (this.readOnly) throw readOnlyError(this.path);
  }
}

/**
 * Replace every record of the open year with `year`, keeping `year`'s ids, through the repositories
 * (call it inside SchoolFile.mutate: one transaction, one undo step, undo restores the old year exactly).
 * Children go before what they point at; tiers, areas and the calendar are replaced once nothing uses
 * the old ones.
 */
export function replaceSchoolYear(repos: Repositories, current: SchoolYear, year: SchoolYear): void {
  if (current.enrolments.length > 0) repos.enrolments.delete(current.enrolments.map((e) => e.id));
  for (const l of current.lines) repos.lines.delete(l.id);
  for (const l of current.learners) repos.learners.delete(l.id);
  for (const i of current.income) repos.income.delete(i.id);
  for (const o of current.otherCosts) repos.otherCosts.delete(o.id);
  if (current.workload.alncoStaffId !== null) repos.workload.update({ alncoStaffId: null });
  for (const s of current.staff) repos.staff.delete(s.id);

  repos.tiers.set(year.tiers);
  repos.areas.set(year.areas);
  repos.calendar.set(year.calendar);
  repos.school.update(year.school);
  insertRecordsWithIds(repos, year);
  repos.workload.update(year.workload);
}

/**
 * A scenario being worked on: its year materialised into a temporary school file (in Mapio's own folder
 * in the OS temp folder, db/workingCopyFolder.ts: only this user can read it, since it holds learner
 * data, and copies a crashed process left are removed at the next start), so every operation,
 * validation, undo/redo and the engine work on it unchanged. `persist` writes the year back to the
 * scenario's row when it changed; `discard` closes and deletes the temporary file.
 */
export class ScenarioWorkingCopy {
  private lastWritten: string;

  private constructor(
    readonly id: number,
    public name: string,
    readonly file: SchoolFile,
    private readonly folder: string,
    private readonly store: ScenarioStore,
  ) {
    this.lastWritten = JSON.stringify(file.readYear());
  }

  static materialise(store: ScenarioStore, id: number): ScenarioWorkingCopy {
    const stored = store.get(id);
    const folder = newWorkingCopyFolder();
    try {
      const file = SchoolFile.create(nodePath.join(folder, 'scenario.mapio'), stored.year);
      return new ScenarioWorkingCopy(id, stored.name, file, folder, store);
    } catch (error) {
      fs.rmSync(folder, { recursive: true, force: true });
      throw error;
    }
  }

  /** Write `year` (this copy's year, just read) back to the scenario's row if it changed since the last write. */
  persist(year: SchoolYear): boolean {
    const text = JSON.stringify(year);
    if (text === this.lastWritten) return false;
    this.store.saveYear(this.id, year);
    this.lastWritten = text;
    return true;
  }

  /** Close and delete the temporary file (anything changed was written back by `persist` already). */
  discard(): void {
    try {
      if (this.file.isOpen) this.file.close();
    } finally {
      fs.rmSync(this.folder, { recursive: true, force: true });
    }
  }
}
