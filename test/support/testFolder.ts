/** Test support: a fresh temporary folder per test, and a file's fingerprint to prove it was not touched. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';
import { SchoolFile } from '../../db/schoolFile';
import { testSchoolYear } from './testSchoolYear';

export function testFolder(): string {
  return fs.mkdtempSync(nodePath.join(os.tmpdir(), 'mapio-db-'));
}

export function sha256(path: string): string {
  return createHash('sha256').update(fs.readFileSync(path)).digest('hex');
}

/** A new school file holding the small test year, in its own temp folder. */
export function createTestFile(name = 'school.mapio'): SchoolFile {
  return SchoolFile.create(nodePath.join(testFolder(), name), testSchoolYear(), { appVersion: 'test' });
}
