import fs from 'node:fs';
import nodePath from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../connection';
import { SchoolFile } from '../schoolFile';
import { createTestFile } from '../../test/support/testFolder';
import { testSchoolYear } from '../../test/support/testSchoolYear';
import { LATEST_VERSION, MIGRATIONS } from './index';
import { takeBackTo } from './olderShapes';
import { stepLabel } from '../../test/support/stepLabel';

const opened: SchoolFile[] = [];
afterEach(() => {
  for (const f of opened.splice(0)) f.close();
});

const columnsOf = (path: string, table: string) => {
  const db = openDatabase(path, { readonly: true });
  try {
    return db.prepare(`SELECT name, type, "notnull", dflt_value FROM pragma_table_info(?)`).all(table) as unknown[];
  } finally {
    db.close();
  }
};

/** A version-100 file holding the test school's data: today's file with the column and the scenarios table taken back out. */
function version100File(): string {
  const file = createTestFile();
  const path = file.path;
  file.close();
  const db = openDatabase(path);
  takeBackTo(db, 100);
  db.pragma('journal_mode = DELETE');
  db.close();
  // It has exactly the shape migration 0100 makes.
  const fresh = openDatabase(':memory:');
  MIGRATIONS[0]!.up(fresh);
  expect(columnsOf(path, 'lines')).toEqual(fresh.prepare(`SELECT name, type, "notnull", dflt_value FROM pragma_table_info('lines')`).all());
  fresh.close();
  return path;
}

describe('0200: a line’s expected progress', () => {
  it('says why it exists', () => {
    const m = MIGRATIONS.find((x) => x.version === 200)!;
    expect(m.why).toMatch(/progress expected/);
  });

  it('brings a version-100 file up to date: its data survives, every line’s expected progress is NULL, and a copy was kept first', () => {
    const path = version100File();
    const file = SchoolFile.open(path);
    opened.push(file);
    expect(file.migration).toMatchObject({ fromVersion: 100, toVersion: LATEST_VERSION });
    expect(file.readYear()).toEqual(testSchoolYear());
    expect(file.readYear().lines.map((l) => l.expectedProgress)).toEqual([null, null, null, null]);

    const db = openDatabase(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.prepare('SELECT count(*) FROM lines WHERE expected_progress IS NULL').pluck().get()).toBe(4);
    db.close();

    // The copy is the old file, untouched: version 100, no new column.
    const backup = file.migration!.backupPath;
    expect(fs.existsSync(backup)).toBe(true);
    expect(nodePath.basename(backup)).toMatch(/^school\.mapio\.backup-v100-\d{8}T\d{6}Z\.mapio$/);
    const old = openDatabase(backup, { readonly: true });
    expect(old.pragma('user_version', { simple: true })).toBe(100);
    expect((old.prepare(`SELECT name FROM pragma_table_info('lines')`).pluck().all() as string[]).includes('expected_progress')).toBe(false);
    expect(old.prepare('SELECT count(*) FROM learners').pluck().get()).toBe(6);
    old.close();
  });

  it('then stores, copies and clears a decimal expected progress', () => {
    const file = SchoolFile.open(version100File());
    opened.push(file);
    file.mutate(stepLabel('Set expected progress'), (r) => r.lines.update(1, { expectedProgress: 6.5 }));
    expect(file.readYear().lines[0]!.expectedProgress).toBe(6.5);
    const copyId = file.mutate(stepLabel('Duplicate'), (r) => r.lines.duplicate(1));
    expect(file.readYear().lines.find((l) => l.id === copyId)!.expectedProgress).toBe(6.5);
    file.mutate(stepLabel('Clear'), (r) => r.lines.update(1, { expectedProgress: null }));
    expect(file.readYear().lines[0]!.expectedProgress).toBeNull();
    file.undo();
    expect(file.readYear().lines[0]!.expectedProgress).toBe(6.5);
  });
});
