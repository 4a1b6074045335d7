/**
 * What a Mapio database file's schema must be, and how a file's own schema is compared with it.
 *
 * A file is untrusted until checked: SQLite stores triggers, views, indexes on expressions, CHECK
 * constraints and defaults inside the file, and runs them on Mapio's own reads and writes. A school file
 * from an email attachment or a shared drive could carry a trigger that copies learners' names into a
 * hidden table, a view that never ends, or an index whose expression takes minutes per row. So before a
 * file is read (beyond its header and `sqlite_schema`) or written, its schema is compared with the one
 * Mapio's own migrations make at that file version, object by object and SQL text by SQL text, and
 * anything else is refused (docs/guarantees.md, "A file is untrusted until checked").
 *
 * The expected schema is DERIVED, never written out by hand: a fresh in-memory database is brought to
 * the file's version by running the real migrations up to it (db/migrations, db/authority/migrations),
 * and its `sqlite_schema` is the answer. A new migration is covered the day it is added.
 */
import { ApiError } from '../shared/api/contract';
import { openDatabase, type SqliteDatabase } from './connection';
import { migrate, type Migration } from './migrations';

/** One row of `sqlite_schema`, its SQL text with runs of white space made one space. */
export interface SchemaObject {
  type: string;
  name: string;
  tableName: string;
  sql: string | null;
}

export type Schema = ReadonlyMap<string, SchemaObject>;

const keyOf = (o: { type: string; name: string }) => `${o.type} ${o.name}`;

/** SQLite keeps the CREATE text as written; indentation differs between migrations, meaning does not. */
function normalisedSql(sql: string | null): string | null {
  return sql === null ? null : sql.replace(/\s+/g, ' ').trim();
}

/** A database's own schema (the `main` schema only; never reads a table). */
export function schemaOf(db: SqliteDatabase): Schema {
  const rows = db.prepare('SELECT type, name, tbl_name AS tableName, sql FROM main.sqlite_schema').all() as SchemaObject[];
  return new Map(rows.map((r) => [keyOf(r), { ...r, sql: normalisedSql(r.sql) }]));
}

const derived = new WeakMap<readonly Migration[], Map<number, Schema>>();

/** The versions a file may be at: those its migrations end on. */
export function knownVersions(migrations: readonly Migration[]): number[] {
  return migrations.map((m) => m.version);
}

/**
 * The schema Mapio's `migrations` make at `version` (one of their versions), built by running them in a
 * fresh in-memory database. Remembered per migration list and version.
 */
export function expectedSchema(migrations: readonly Migration[], version: number): Schema {
  let byVersion = derived.get(migrations);
  if (!byVersion) derived.set(migrations, (byVersion = new Map()));
  const known = byVersion.get(version);
  if (known) return known;
  if (!migrations.some((m) => m.version === version)) throw new Error(`No migration ends at version ${version}.`);
  const db = openDatabase(':memory:');
  try {
    migrate(
      db,
      migrations.filter((m) => m.version <= version),
    );
    const schema = schemaOf(db);
    byVersion.set(version, schema);
    return schema;
  } finally {
    db.close();
  }
}

/** A person's words for one schema object, e.g. "a trigger called “copy_names”". */
function described(o: SchemaObject): string {
  const what = o.type === 'table' && /^CREATE VIRTUAL TABLE/i.test(o.sql ?? '') ? 'virtual table' : o.type;
  return `${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} called “${o.name.slice(0, 60)}”`;
}

/**
 * What differs between a file's schema and the expected one, in words ("a trigger called “x” that Mapio
 * never makes"), at most `limit` of them; empty when they are the same.
 */
export function schemaDifferences(actual: Schema, expected: Schema, limit = 3): string[] {
  const found: string[] = [];
  for (const [key, object] of actual) {
    if (found.length >= limit) break;
    const wanted = expected.get(key);
    if (!wanted) {
      const sameName = [...expected.values()].find((e) => e.name === object.name);
      found.push(sameName ? `${described(object)} where Mapio keeps ${/^[aeiou]/.test(sameName.type) ? 'an' : 'a'} ${sameName.type}` : `${described(object)} that Mapio never makes`);
    } else if (wanted.sql !== object.sql || wanted.tableName !== object.tableName) {
      found.push(`${described(object)} that is not as Mapio made it`);
    }
  }
  for (const [key, object] of expected) {
    if (found.length >= limit) break;
    if (!actual.has(key) && ![...actual.values()].some((a) => a.name === object.name)) found.push(`no ${object.type} called “${object.name}”`);
  }
  return found;
}

/** The file's schema is exactly `expected`, or an ApiError('file_altered') that names what differs. */
export function assertSchemaAsMade(actual: Schema, expected: Schema, fileName: string, description: string): void {
  const differences = schemaDifferences(actual, expected);
  if (differences.length === 0) return;
  throw new ApiError('file_altered', 'changedOutside', { name: fileName, differences: differences.join('; '), kind: description });
}

/** A version no Mapio ever wrote (between two versions, zero or negative): refused before anything runs. */
export function unknownVersionError(fileName: string, version: number, description: string): ApiError {
  return new ApiError('file_altered', 'unknownVersion', { name: fileName, version, kind: description });
}
