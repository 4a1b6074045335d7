/**
 * The few pieces every repository shares: updating a record by its fields (columns from db/tables.ts) and
 * the sentences for a missing record. Column names only ever come from the maps written in
 * the repositories, never from input; values are always bound parameters.
 */
import { fieldIssue, type IssueCode, type IssueParams } from '../../shared/fieldIssues';
import type { ErrorReason } from '../../shared/api/errors';
import { ApiError } from '../../shared/api/contract';
import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from '../connection';
import { sqliteCode } from '../connection';
import { listFields, toSql, type SqlValue, type TableDescription } from '../tables';
import { recordName } from '../../shared/i18n/recordNames';

/** Which column holds each scalar field of a record (tables without a description in db/tables.ts). */
export type ColumnMap<T> = { readonly [K in keyof T]?: string };

/** How many differently shaped updates of a file are kept prepared; past it the kept ones are dropped. */
const KEPT_UPDATES = 64;
const preparedUpdates = new WeakMap<SqliteDatabase, Map<string, Statement>>();

/**
 * The statement for `sql` on `db`, prepared once: preparing an update compiles the table's triggers with
 * it (the change stamps the reader relies on), which cost more than the edit's own write. SQLite prepares
 * a kept statement again by itself when the file's schema changes.
 */
function preparedUpdate(db: SqliteDatabase, sql: string): Statement {
  let kept = preparedUpdates.get(db);
  if (!kept) preparedUpdates.set(db, (kept = new Map()));
  let statement = kept.get(sql);
  if (!statement) {
    if (kept.size >= KEPT_UPDATES) kept.clear();
    statement = db.prepare(sql);
    kept.set(sql, statement);
  }
  return statement;
}

/**
 * `UPDATE table SET … WHERE id = ?` for the scalar fields present in `changes`. Fields named in
 * `handledElsewhere` (arrays kept in join tables) are skipped; any other field the map doesn't know is
 * refused, so a typo never silently does nothing. Returns false when no row has that id.
 */
export function updateColumns<T extends object>(
  db: SqliteDatabase,
  table: string | TableDescription<T>,
  id: number | string,
  changes: Partial<T>,
  columnMap?: ColumnMap<T>,
  handledElsewhere: readonly string[] = [],
): boolean {
  const columns: Record<string, string | null | undefined> = typeof table === 'string' ? (columnMap ?? {}) : table.columns;
  const tableName = typeof table === 'string' ? table : table.table;
  const skipped = typeof table === 'string' ? handledElsewhere : listFields(table);
  const sets: string[] = [];
  const values: SqlValue[] = [];
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined || skipped.includes(field)) continue;
    const column = columns[field];
    if (!column) throw ApiError.invalid([fieldIssue(field, 'unknownField')]);
    sets.push(`${column} = ?`);
    values.push(toSql(value));
  }
  if (sets.length === 0) {
    return preparedUpdate(db, `SELECT 1 FROM ${tableName} WHERE id = ?`).get(id) !== undefined;
  }
  const result = preparedUpdate(db, `UPDATE ${tableName} SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
  return result.changes > 0;
}

/** A record named by id that is not in the file; `reason` says what kind ("noLine": no intervention line with id 7). */
export function notFound(reason: ErrorReason, id: number | string): ApiError {
  return new ApiError('not_found', reason, { id });
}

export function invalidField(field: string, code: IssueCode, params?: IssueParams): ApiError {
  return ApiError.invalid([fieldIssue(field, code, params)]);
}

/** Refuse a list that names the same thing twice (join tables key on it). */
export function assertNoDuplicates<V extends string | number>(field: string, values: readonly V[], code: IssueCode = 'listedTwice'): void {
  const seen = new Set<V>();
  values.forEach((v, i) => {
    if (seen.has(v)) throw invalidField(`${field}.${i}`, code, { item: v });
    seen.add(v);
  });
}

/** A foreign key refused a change. ON DELETE RESTRICT reports as SQLITE_CONSTRAINT_TRIGGER, hence the message test. */
export function isForeignKeyFailure(error: unknown): boolean {
  const code = sqliteCode(error);
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return true;
  return !!code?.startsWith('SQLITE_CONSTRAINT') && /FOREIGN KEY/i.test((error as Error).message);
}

/** The first names of a list, as a refusal's specifics: "“Reading group”, “Lego therapy”, …" (the count travels beside it). */
export function namesParam(names: readonly string[], max = 3): string {
  const shown = names.slice(0, max).map((n) => `“${n}”`);
  return names.length > max ? `${shown.join(', ')}, …` : shown.join(', ');
}

/**
 * The same for records the school names in both languages: `names` in English and `namesCy` with each
 * record's Welsh name where it has one, for a Welsh reader (shared/i18n/apiErrors.ts).
 */
export function namesParams(records: readonly { name: string; nameCy: string }[]): { names: string; namesCy: string } {
  return { names: namesParam(records.map((r) => r.name)), namesCy: namesParam(records.map((r) => recordName(r, 'cy'))) };
}
