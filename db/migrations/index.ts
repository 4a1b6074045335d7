/**
 * Every migration, oldest first. To change the file's shape, add a new file named
 * `NNNN-what-it-does.ts` (leave gaps: 0100, 0200…), export `migration`, and list it here. Never edit a
 * migration that has shipped: files in schools were made with it.
 */
import { ApiError } from '../../shared/api/contract';
import type { SqliteDatabase } from '../connection';
import type { Migration } from './migration';
import { migration as initialSchoolYear } from './0100-initial-school-year';
import { migration as lineExpectedProgress } from './0200-line-expected-progress';
import { migration as scenarios } from './0300-scenarios';
import { migration as schoolSetUp } from './0400-school-set-up';
import { migration as alnDecisions } from './0500-aln-decisions';
import { migration as welshNames } from './0600-welsh-names';
import { migration as governorVersions } from './0700-governor-versions';
import { migration as welshMeasureUnits } from './0800-welsh-measure-units';
import { migration as welshSourcesAndNotes } from './0900-welsh-sources-and-notes';
import { migration as tierDescriptions } from './1000-tier-descriptions';
import { migration as welshAuthorityName } from './1100-welsh-authority-name';

export type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = assertIncreasing([
  initialSchoolYear,
  lineExpectedProgress,
  scenarios,
  schoolSetUp,
  alnDecisions,
  welshNames,
  governorVersions,
  welshMeasureUnits,
  welshSourcesAndNotes,
  tierDescriptions,
  welshAuthorityName,
]);

/** The newest file version this Mapio understands. */
export const LATEST_VERSION: number = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

/** Thrown at load time if the list is out of order, so a bad merge cannot ship. */
export function assertIncreasing(migrations: Migration[]): Migration[] {
  let previous = 0;
  for (const m of migrations) {
    if (!Number.isInteger(m.version) || m.version <= previous) {
      throw new Error(`Migration versions must increase: ${m.version} comes after ${previous}.`);
    }
    previous = m.version;
  }
  return migrations;
}

export function fileVersion(db: SqliteDatabase): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function pendingMigrations(version: number, migrations: readonly Migration[] = MIGRATIONS): Migration[] {
  return migrations.filter((m) => m.version > version);
}

/**
 * Bring the file up to date: every pending migration in ONE transaction that ends by setting
 * `PRAGMA user_version`, so a file is either wholly at its old version or wholly at the new one.
 * Returns the version the file was at before.
 */
export function migrate(db: SqliteDatabase, migrations: readonly Migration[] = MIGRATIONS): number {
  const from = fileVersion(db);
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  if (from > latest) {
    throw new ApiError('file_too_new', 'newerVersion', { version: from, latest });
  }
  const pending = pendingMigrations(from, migrations);
  if (pending.length === 0) return from;
  db.transaction(() => {
    for (const m of pending) m.up(db);
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw new Error(`Updating the file left ${broken.length} records pointing at missing records.`);
    // user_version is written into the database header inside this same transaction.
    db.pragma(`user_version = ${Math.trunc(latest)}`);
  }).immediate();
  return from;
}
