import type { SqliteDatabase } from '../connection';

/**
 * One change to the school file's shape. `version` is what `PRAGMA user_version` says once it has run;
 * `why` is the one-line reason the change exists. `up` runs inside the transaction `migrate` opens, so
 * it must not open its own.
 */
export interface Migration {
  version: number;
  why: string;
  up(db: SqliteDatabase): void;
}
