import nodePath from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../connection';
import { ScenarioStore } from '../scenarios';
import { SchoolFile } from '../schoolFile';
import { createTestFile } from '../../test/support/testFolder';
import { LATEST_VERSION } from './index';
import { takeBackTo } from './olderShapes';

const opened: Array<{ close(): void }> = [];
afterEach(() => {
  for (const f of opened.splice(0).reverse()) f.close();
});

/** A version-200 file: today's file with the scenarios table taken back out. */
function version200File(): string {
  const file = createTestFile();
  const path = file.path;
  file.close();
  const db = openDatabase(path);
  takeBackTo(db, 200);
  db.pragma('journal_mode = DELETE');
  db.close();
  return path;
}

describe('migration 0300: scenarios', () => {
  it('adds an empty, STRICT scenarios table with a case-insensitive unique name index to a version-200 file, keeping its year', () => {
    const path = version200File();
    const file = SchoolFile.open(path);
    opened.push(file);
    expect(file.migration?.fromVersion).toBe(200);
    expect(LATEST_VERSION).toBeGreaterThanOrEqual(300);
    expect(file.readYear().school.name.length).toBeGreaterThan(0);
    const db = openDatabase(path, { readonly: true });
    opened.push(db);
    expect(db.prepare(`SELECT strict FROM pragma_table_list WHERE name = 'scenarios'`).pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM scenarios').pluck().get()).toBe(0);
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM scenarios WHERE name = 'x' COLLATE NOCASE`).all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/scenarios_by_name/);
    const store = ScenarioStore.open(path);
    opened.push(store);
    store.create('Grant ends', 'copy', file.readYear());
    expect(() => store.create('grant ENDS', 'copy', file.readYear())).toThrow(/already a scenario/);
    expect(nodePath.basename(path)).toBe('school.mapio');
  });
});
