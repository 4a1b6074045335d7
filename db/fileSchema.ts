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

/** One way a file's schema differs from Mapio's, as data: the words are the catalogue's (`apiError.reason.schemaDiff.<kind>`). */
export interface SchemaDifference {
  kind: 'extra' | 'replaces' | 'changed' | 'missing';
  /** table, virtual table, index, trigger or view. */
  type: string;
  name: string;
  /** For `replaces`: the kind of object Mapio keeps under that name. */
  keeps?: string;
}

const objectType = (o: SchemaObject): string => (o.type === 'table' && /^CREATE VIRTUAL TABLE/i.test(o.sql ?? '') ? 'virtualTable' : o.type);

/** What differs between a file's schema and the expected one, at most `limit` of them; empty when they are the same. */
export function schemaDifferences(actual: Schema, expected: Schema, limit = 3): SchemaDifference[] {
  const found: SchemaDifference[] = [];
  for (const [key, object] of actual) {
    if (found.length >= limit) break;
    const wanted = expected.get(key);
    const name = object.name.slice(0, 60);
    if (!wanted) {
      const sameName = [...expected.values()].find((e) => e.name === object.name);
      found.push(sameName ? { kind: 'replaces', type: objectType(object), name, keeps: objectType(sameName) } : { kind: 'extra', type: objectType(object), name });
    } else if (wanted.sql !== object.sql || wanted.tableName !== object.tableName) {
      found.push({ kind: 'changed', type: objectType(object), name });
    }
  }
  for (const [key, object] of expected) {
    if (found.length >= limit) break;
    if (!actual.has(key) && ![...actual.values()].some((a) => a.name === object.name)) found.push({ kind: 'missing', type: objectType(object), name: object.name });
  }
  return found;
}

/**
 * The file's schema is exactly `expected`, or an ApiError('file_altered') that names the first difference
 * (worded at the edge from its kind, the object's type and name) and how many more there are.
 */
export function assertSchemaAsMade(actual: Schema, expected: Schema, fileName: string, description: string): void {
  // The most telling difference is named: a view or trigger in a table's place, then code Mapio never
  // wrote (a trigger, a view), then anything altered, then the rest.
  const telling = (d: SchemaDifference): number => (d.kind === 'replaces' ? 0 : d.kind === 'extra' && (d.type === 'trigger' || d.type === 'view') ? 1 : d.kind === 'changed' ? 2 : 3);
  const differences = schemaDifferences(actual, expected, 20).sort((a, b) => telling(a) - telling(b));
  const first = differences[0];
  if (!first) return;
  // The object's words come before the difference's, which uses them (worded in that order at the edge).
  throw new ApiError('file_altered', differences.length > 1 ? 'changedOutside' : 'changedOutsideOnly', {
    name: fileName,
    kind: description,
    typeKey: `apiError.reason.schemaObject.${first.type}`,
    typeAKey: `apiError.reason.schemaObjectA.${first.type}`,
    keepsAKey: `apiError.reason.schemaObjectA.${first.keeps ?? first.type}`,
    object: first.name,
    differenceKey: `apiError.reason.schemaDiff.${first.kind}`,
    count: differences.length - 1,
  });
}

/** A version no Mapio ever wrote (between two versions, zero or negative): refused before anything runs. */
export function unknownVersionError(fileName: string, version: number, description: string): ApiError {
  return new ApiError('file_altered', 'unknownVersion', { name: fileName, version, kind: description });
}
