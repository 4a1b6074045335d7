/** Test support: a school file as an older Mapio left it, ready for a migration's test to open and migrate. */
import nodePath from 'node:path';
import type { SchoolYear } from '../../shared/domain';
import { openDatabase } from '../../db/connection';
import { SchoolFile } from '../../db/schoolFile';
import { takeBackTo } from '../../db/migrations/olderShapes';
import { testFolder } from './testFolder';

/** A school file of `year`, made today and taken back to `version` (100, 200, 300…). */
export function schoolFileAtVersion(year: SchoolYear, version: number): string {
  const path = nodePath.join(testFolder(), 'school.mapio');
  SchoolFile.create(path, year, { appVersion: 'test' }).close();
  const db = openDatabase(path);
  takeBackTo(db, version);
  db.pragma('journal_mode = DELETE');
  db.close();
  return path;
}
