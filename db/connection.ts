/**
 * The one place a better-sqlite3 connection is made.
 *
 * Electron loads native modules built for its own ABI, so the packaged app keeps a separate build of
 * better-sqlite3's `.node` file and names it in MAPIO_SQLITE_NATIVE_BINDING. Plain Node (tests, CLI,
 * browser mode) leaves the variable unset and gets the module's own build.
 *
 * Every connection starts with `trusted_schema` off: functions with side effects, and virtual tables,
 * may not be used from anything stored in a file (triggers, views, indexes, defaults, CHECK
 * constraints), even in a file that passed the schema check (db/fileSchema.ts).
 */
import Database from 'better-sqlite3';

export type SqliteDatabase = Database.Database;
export type SqliteOptions = Database.Options;

export function openDatabase(path: string, options: SqliteOptions = {}): SqliteDatabase {
  return distrustSchema(construct(path, options));
}

/** An in-memory database holding `bytes` (a whole database, as `serialize()` gives it). */
export function openSerialized(bytes: Buffer): SqliteDatabase {
  return distrustSchema(construct(bytes, {}));
}

function construct(source: string | Buffer, options: SqliteOptions): SqliteDatabase {
  const nativeBinding = process.env.MAPIO_SQLITE_NATIVE_BINDING;
  return new Database(source, nativeBinding ? { ...options, nativeBinding } : options);
}

function distrustSchema(db: SqliteDatabase): SqliteDatabase {
  try {
    db.pragma('trusted_schema = OFF');
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** The SQLite error code (e.g. 'SQLITE_CORRUPT', 'SQLITE_CONSTRAINT_FOREIGNKEY') of a thrown error, if any. */
export function sqliteCode(error: unknown): string | null {
  if (error instanceof Database.SqliteError) return error.code;
  return null;
}
