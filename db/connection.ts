/**
 * The one place a better-sqlite3 connection is made.
 *
 * Electron loads native modules built for its own ABI, so the packaged app keeps a separate build of
 * better-sqlite3's `.node` file and names it in MAPIO_SQLITE_NATIVE_BINDING. Plain Node (tests, CLI,
 * browser mode) leaves the variable unset and gets the module's own build.
 */
import Database from 'better-sqlite3';

export type SqliteDatabase = Database.Database;
export type SqliteOptions = Database.Options;

export function openDatabase(path: string, options: SqliteOptions = {}): SqliteDatabase {
  const nativeBinding = process.env.MAPIO_SQLITE_NATIVE_BINDING;
  return new Database(path, nativeBinding ? { ...options, nativeBinding } : options);
}

/** The SQLite error code (e.g. 'SQLITE_CORRUPT', 'SQLITE_CONSTRAINT_FOREIGNKEY') of a thrown error, if any. */
export function sqliteCode(error: unknown): string | null {
  if (error instanceof Database.SqliteError) return error.code;
  return null;
}
