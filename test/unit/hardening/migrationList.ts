/**
 * The migrations crash.test.ts kills a file in the middle of: all of Mapio's, then a deliberately slow
 * one (a few hundred thousand rows written, every line renamed), so a SIGKILL lands inside it.
 */
import { LATEST_VERSION, MIGRATIONS, type Migration } from '../../../db/migrations';

export const SLOW_MIGRATION_VERSION = LATEST_VERSION + 100;
export const SLOW_MIGRATION_ROWS = 300_000;

export const slowMigration: Migration = {
  version: SLOW_MIGRATION_VERSION,
  why: 'Test only: a migration slow enough to be interrupted.',
  up(db) {
    db.exec('CREATE TABLE crash_scratch (n INTEGER NOT NULL, filler TEXT NOT NULL) STRICT');
    db.exec(`WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ${SLOW_MIGRATION_ROWS}) INSERT INTO crash_scratch SELECT x, hex(randomblob(32)) FROM c`);
    db.exec(`UPDATE lines SET name = name || ' (migrated)'`);
  },
};

export const crashTestMigrations: readonly Migration[] = [...MIGRATIONS, slowMigration];
