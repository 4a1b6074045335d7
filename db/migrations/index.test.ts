import fs from 'node:fs';
import nodePath from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/contract';
import { openDatabase } from '../connection';
import { SchoolFile } from '../schoolFile';
import { createTestFile, sha256, testFolder } from '../../test/support/testFolder';
import { testSchoolYear } from '../../test/support/testSchoolYear';
import { LATEST_VERSION, MIGRATIONS, assertIncreasing, migrate, type Migration } from './index';

const opened: SchoolFile[] = [];
afterEach(() => {
  for (const f of opened.splice(0)) f.close();
});

/** A pretend future migration, to prove what happens to files made by this version. */
const addsLineColour: Migration = {
  version: LATEST_VERSION + 100,
  why: 'test: lines get a colour',
  up(db) {
    db.exec(`ALTER TABLE lines ADD COLUMN colour TEXT NOT NULL DEFAULT 'blue'`);
  },
};
const fails: Migration = {
  version: LATEST_VERSION + 100,
  why: 'test: a migration that breaks half way',
  up(db) {
    db.exec(`CREATE TABLE half_done (x INTEGER) STRICT`);
    throw new Error('disk on fire');
  },
};

describe('migrations', () => {
  it('are listed in increasing order, each saying why it exists', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual([...MIGRATIONS.map((m) => m.version)].sort((a, b) => a - b));
    for (const m of MIGRATIONS) expect(m.why.length).toBeGreaterThan(10);
    expect(() => assertIncreasing([addsLineColour, MIGRATIONS[0]!])).toThrow(/must increase/);
    expect(() => assertIncreasing([MIGRATIONS[0]!, MIGRATIONS[0]!])).toThrow(/must increase/);
  });

  it('bring an empty database to the latest version in one go, with STRICT tables', () => {
    const db = openDatabase(':memory:');
    expect(migrate(db)).toBe(0);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    const tables = db.prepare(`SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'`).all() as Array<{ name: string; strict: number }>;
    expect(tables.length).toBeGreaterThanOrEqual(17);
    for (const t of tables) expect(t, t.name).toEqual({ name: t.name, strict: 1 });
    expect(migrate(db)).toBe(LATEST_VERSION); // nothing pending: a no-op
    db.close();
  });

  it('refuse a database newer than every known migration', () => {
    const db = openDatabase(':memory:');
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(ApiError);
    db.close();
  });

  it('roll back whole when one fails, leaving the version as it was', () => {
    const db = openDatabase(':memory:');
    migrate(db);
    expect(() => migrate(db, [...MIGRATIONS, fails])).toThrow(/disk on fire/);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'`).pluck().get()).toBe(0);
    db.close();
  });

  it('the lookups repositories rely on use their named indexes', () => {
    const db = openDatabase(':memory:');
    migrate(db);
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
    expect(plan('SELECT * FROM enrolments WHERE line_id = 1')).toMatch(/enrolments_line/);
    expect(plan('SELECT * FROM enrolments WHERE learner_id = 1')).toMatch(/enrolments_learner/);
    expect(plan('SELECT * FROM line_staff WHERE staff_id = 1')).toMatch(/line_staff_staff/);
    expect(plan("SELECT * FROM learners WHERE ref = 'A1'")).toMatch(/learners_ref/);
    db.close();
  });
});

describe('opening a file made by an earlier version', () => {
  it('keeps a complete copy of the old file, then brings it up to date', () => {
    const file = createTestFile();
    file.close();
    const before = testSchoolYear();
    const updated = SchoolFile.open(file.path, { migrations: [...MIGRATIONS, addsLineColour] });
    opened.push(updated);
    expect(updated.migration?.fromVersion).toBe(LATEST_VERSION);
    expect(updated.readYear()).toEqual(before);

    const backup = updated.migration!.backupPath;
    expect(nodePath.basename(backup)).toMatch(new RegExp(`^school\\.mapio\\.backup-v${LATEST_VERSION}-\\d{8}T\\d{6}Z\\.mapio$`));
    // Holds the same children's data as the file: this user's alone (docs/guarantees.md, "Private on a shared laptop").
    if (process.platform !== 'win32') expect(fs.statSync(backup).mode & 0o077).toBe(0);
    const copy = SchoolFile.open(backup);
    opened.push(copy);
    expect(copy.readYear()).toEqual(before);
    expect(copy.migration).toBeNull();

    const db = openDatabase(file.path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 100);
    db.close();
  });

  it('leaves the file byte for byte as it was when the update fails', () => {
    const file = createTestFile();
    file.close();
    const before = sha256(file.path);
    let error: unknown;
    try {
      SchoolFile.open(file.path, { migrations: [...MIGRATIONS, fails] });
    } catch (e) {
      error = e;
    }
    expect((error as ApiError).message).toMatch(/could not update “school.mapio” to this version, so it left the file as it was/);
    expect(sha256(file.path)).toBe(before);
    expect(fs.readdirSync(nodePath.dirname(file.path)).filter((n) => n.includes('.backup-v'))).toHaveLength(1);
  });

  it('an empty version-0 database is refused as not Mapio', () => {
    const path = nodePath.join(testFolder(), 'v0.mapio');
    const db = openDatabase(path);
    db.exec('CREATE TABLE x (y INTEGER)');
    db.close();
    expect(() => SchoolFile.open(path)).toThrow(expect.objectContaining({ code: 'file_not_mapio' }));
  });
});
