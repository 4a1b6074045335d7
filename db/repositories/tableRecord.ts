/**
 * The few pieces every repository shares: updating a record by its fields (columns from db/tables.ts) and
 * the sentences for a missing record. Column names only ever come from the maps written in
 * the repositories, never from input; values are always bound parameters.
 */
import { ApiError } from '../../shared/api/contract';
import type { SqliteDatabase } from '../connection';
import { sqliteCode } from '../connection';
import { listFields, toSql, type SqlValue, type TableDescription } from '../tables';

/** Which column holds each scalar field of a record (tables without a description in db/tables.ts). */
export type ColumnMap<T> = { readonly [K in keyof T]?: string };

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
    if (!column) throw new ApiError('invalid_input', `${field}: is not a field that can be changed here`, [{ path: field, message: 'unknown field' }]);
    sets.push(`${column} = ?`);
    values.push(toSql(value));
  }
  if (sets.length === 0) {
    return db.prepare(`SELECT 1 FROM ${tableName} WHERE id = ?`).get(id) !== undefined;
  }
  const result = db.prepare(`UPDATE ${tableName} SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
  return result.changes > 0;
}

export function notFound(what: string, id: number | string): ApiError {
  return new ApiError('not_found', `No ${what} with id ${typeof id === 'string' ? `'${id}'` : id}`);
}

export function invalidField(field: string, message: string): ApiError {
  return new ApiError('invalid_input', `${field}: ${message}`, [{ path: field, message }]);
}

/** Refuse a list that names the same thing twice (join tables key on it). */
export function assertNoDuplicates<V>(field: string, values: readonly V[], describe: (v: V) => string): void {
  const seen = new Set<V>();
  values.forEach((v, i) => {
    if (seen.has(v)) throw invalidField(`${field}.${i}`, `${describe(v)} is listed twice`);
    seen.add(v);
  });
}

/** A foreign key refused a change. ON DELETE RESTRICT reports as SQLITE_CONSTRAINT_TRIGGER, hence the message test. */
export function isForeignKeyFailure(error: unknown): boolean {
  const code = sqliteCode(error);
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return true;
  return !!code?.startsWith('SQLITE_CONSTRAINT') && /FOREIGN KEY/i.test((error as Error).message);
}

/** A short list of names for a message: "Reading group, Lego therapy and 3 more". */
export function nameList(names: readonly string[], max = 3): string {
  const shown = names.slice(0, max).map((n) => `“${n}”`);
  const rest = names.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
