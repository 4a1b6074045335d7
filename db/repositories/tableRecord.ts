/**
 * The few pieces every repository shares: binding domain values to columns, updating a record by its
 * fields, and the sentences for a missing record. Column names only ever come from the maps written in
 * the repositories, never from input; values are always bound parameters.
 */
import { ApiError } from '../../shared/api/contract';
import type { SqliteDatabase } from '../connection';
import { sqliteCode } from '../connection';

export type SqlValue = string | number | bigint | null;

/** Booleans become 0/1; everything else a column holds is already a string, number or null. */
export function toSql(value: unknown): SqlValue {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === undefined) return null;
  return value as SqlValue;
}

/** Which column holds each scalar field of a record. */
export type ColumnMap<T> = { readonly [K in keyof T]?: string };

/**
 * `UPDATE table SET … WHERE id = ?` for the scalar fields present in `changes`. Fields named in
 * `handledElsewhere` (arrays kept in join tables) are skipped; any other field the map doesn't know is
 * refused, so a typo never silently does nothing. Returns false when no row has that id.
 */
export function updateColumns<T extends object>(
  db: SqliteDatabase,
  table: string,
  id: number | string,
  changes: Partial<T>,
  columns: ColumnMap<T>,
  handledElsewhere: readonly string[] = [],
): boolean {
  const sets: string[] = [];
  const values: SqlValue[] = [];
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined || handledElsewhere.includes(field)) continue;
    const column = (columns as Record<string, string | undefined>)[field];
    if (!column) throw new ApiError('invalid_input', `${field}: is not a field that can be changed here`, [{ path: field, message: 'unknown field' }]);
    sets.push(`${column} = ?`);
    values.push(toSql(value));
  }
  if (sets.length === 0) {
    return db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
  }
  const result = db.prepare(`UPDATE ${table} SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
  return result.changes > 0;
}

export function notFound(what: string, id: number | string): ApiError {
  return new ApiError('not_found', `No ${what} with id ${typeof id === 'string' ? `'${id}'` : id}`);
}

/** A field naming a record that doesn't exist, e.g. "lineId: no intervention line with id 7". */
export function unknownReference(field: string, what: string, id: number | string): ApiError {
  const message = `no ${what} with id ${typeof id === 'string' ? `'${id}'` : id}`;
  return new ApiError('not_found', `${field}: ${message}`, [{ path: field, message }]);
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
