/**
 * Versions presented to governors kept inside a school file (the `governor_versions` table, migration
 * 0700): the year as an interchange document, the scenarios its workbook compared, the options and dates
 * it was made with, and the workbook's own bytes (docs/exports.md, "Versions presented to governors").
 *
 * Like the scenarios (db/scenarios.ts) the store works through its OWN connection to the school file, so
 * saving or deleting a version is never a step in the map's undo history, and no edit, undo or adopted
 * scenario ever writes this table: a version, once saved, is never changed, only deleted.
 */
import { ApiError, type GovernorVersionOptions, type GovernorVersionSummary } from '../shared/api/contract';
import type { SchoolYear } from '../shared/domain';
import { InterchangeError, parseInterchange, toInterchange } from '../shared/interchange';
import { openDatabase, type SqliteDatabase } from './connection';
import { readOnlyError } from './schoolFile';

/** A scenario as the version's workbook compared it. */
export interface VersionScenario {
  id: number;
  name: string;
  year: SchoolYear;
}

export interface StoredGovernorVersion extends GovernorVersionSummary {
  year: SchoolYear;
  /** The name the map itself was given in the workbook's Scenarios sheet. */
  baselineName: string;
  scenarios: VersionScenario[];
  workbook: Uint8Array;
  /** The workbook's sheet names, in its language. */
  sheets: string[];
}

export interface NewGovernorVersion {
  name: string;
  presentedOn: string;
  options: GovernorVersionOptions;
  year: SchoolYear;
  baselineName: string;
  scenarios: VersionScenario[];
  workbook: Uint8Array;
  sheets: string[];
}

interface VersionRow {
  id: number;
  name: string;
  presented_on: string;
  created_at: string;
  options_json: string;
  bytes: number;
}

const SUMMARY_COLUMNS = 'id, name, presented_on, created_at, options_json, length(workbook) AS bytes';

/** What options_json holds: the workbook's options, the map's name in it and its sheets. */
interface StoredOptions extends GovernorVersionOptions {
  baselineName: string;
  sheets: string[];
}

function summaryOf(row: VersionRow): GovernorVersionSummary {
  const { baselineName: _name, sheets: _sheets, ...options } = JSON.parse(row.options_json) as StoredOptions;
  return { id: row.id, name: row.name, presentedOn: row.presented_on, createdAt: row.created_at, options, workbookBytes: row.bytes };
}

export class GovernorVersionStore {
  private closed = false;

  private constructor(
    readonly path: string,
    private readonly db: SqliteDatabase,
    private readonly now: () => Date,
    private readonly writtenBy: string,
    private readonly readOnly: boolean,
    private readonly hasTable: boolean,
  ) {}

  /** A second connection to an open (already migrated) school file; read-only when the file was opened so. */
  static open(schoolFilePath: string, options: { readOnly?: boolean; now?: () => Date; writtenBy?: string } = {}): GovernorVersionStore {
    const readOnly = options.readOnly ?? false;
    const db = openDatabase(schoolFilePath, { fileMustExist: true, readonly: readOnly });
    db.pragma('busy_timeout = 5000');
    if (!readOnly) db.pragma('synchronous = FULL');
    const hasTable = !!db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'governor_versions'`).get();
    if (!hasTable && !readOnly) {
      db.close();
      throw new ApiError('internal', 'noVersionTable');
    }
    return new GovernorVersionStore(schoolFilePath, db, options.now ?? (() => new Date()), options.writtenBy ?? 'Mapio', readOnly, hasTable);
  }

  list(): GovernorVersionSummary[] {
    this.assertOpen();
    if (!this.hasTable) return [];
    const rows = this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM governor_versions ORDER BY presented_on, created_at, id`).all() as VersionRow[];
    return rows.map(summaryOf);
  }

  summary(id: number): GovernorVersionSummary {
    this.assertOpen();
    const row = this.hasTable ? (this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM governor_versions WHERE id = ?`).get(id) as VersionRow | undefined) : undefined;
    if (!row) throw new ApiError('not_found', 'noVersion', { id });
    return summaryOf(row);
  }

  /** The version with its year and scenarios, read back through the interchange format's full validation. */
  get(id: number): StoredGovernorVersion {
    const summary = this.summary(id);
    const row = this.db.prepare('SELECT options_json, year_json, scenarios_json, workbook FROM governor_versions WHERE id = ?').get(id) as {
      options_json: string;
      year_json: string;
      scenarios_json: string;
      workbook: Buffer;
    };
    try {
      const scenarios = (JSON.parse(row.scenarios_json) as Array<{ id: number; name: string; year: unknown }>).map((s) => ({ id: s.id, name: s.name, year: parseInterchange(JSON.stringify(s.year)) }));
      const { baselineName, sheets } = JSON.parse(row.options_json) as StoredOptions;
      return { ...summary, year: parseInterchange(row.year_json), baselineName, sheets, scenarios, workbook: new Uint8Array(row.workbook) };
    } catch (error) {
      if (error instanceof InterchangeError || error instanceof SyntaxError) {
        throw new ApiError('file_corrupt', 'versionDamaged', { version: summary.name, detail: error.message });
      }
      throw error;
    }
  }

  /** Keep a new version (one small transaction). Its name and date were checked at the door. */
  create(version: NewGovernorVersion): GovernorVersionSummary {
    this.assertOpen();
    this.assertWritable();
    const options: StoredOptions = { ...version.options, baselineName: version.baselineName, sheets: version.sheets };
    const scenarios = version.scenarios.map((s) => ({ id: s.id, name: s.name, year: toInterchange(s.year, this.writtenBy) }));
    const id = this.db
      .prepare('INSERT INTO governor_versions (name, presented_on, created_at, options_json, year_json, scenarios_json, workbook) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(
        version.name.trim(),
        version.presentedOn,
        this.now().toISOString(),
        JSON.stringify(options),
        JSON.stringify(toInterchange(version.year, this.writtenBy)),
        JSON.stringify(scenarios),
        Buffer.from(version.workbook),
      ).lastInsertRowid;
    return this.summary(Number(id));
  }

  delete(id: number): void {
    this.assertWritable();
    this.summary(id);
    this.db.prepare('DELETE FROM governor_versions WHERE id = ?').run(id);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new ApiError('no_file', 'schoolFileClosed');
  }

  private assertWritable(): void {
    if (this.readOnly) throw readOnlyError(this.path);
  }
}
