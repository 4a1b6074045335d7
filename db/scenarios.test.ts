import fs from 'node:fs';
import nodePath from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SchoolYear } from '../shared/domain';
import { demoSchoolYear } from '../shared/demo/demoSchool';
import { openDatabase } from './connection';
import { replaceSchoolYear, ScenarioStore, ScenarioWorkingCopy } from './scenarios';
import { workingCopiesRoot } from './workingCopyFolder';
import { SchoolFile } from './schoolFile';
import { testFolder } from '../test/support/testFolder';
import { testSchoolYear } from '../test/support/testSchoolYear';
import { apiErrorFrom as refusal } from '../test/support/refusals';
import { stepLabel } from '../test/support/stepLabel';

const cleanup: Array<() => void> = [];
afterEach(() => {
  for (const f of cleanup.splice(0).reverse()) f();
});

function openDemo(): { file: SchoolFile; store: ScenarioStore } {
  const folder = testFolder();
  const file = SchoolFile.create(nodePath.join(folder, 'demo.mapio'), demoSchoolYear(), { appVersion: 'test' });
  let tick = 0;
  const store = ScenarioStore.open(file.path, { now: () => new Date(Date.UTC(2026, 10, 24, 9, 0, tick++)) });
  cleanup.push(() => fs.rmSync(folder, { recursive: true, force: true }));
  cleanup.push(() => file.close());
  cleanup.push(() => store.close());
  return { file, store };
}

/** Every row of every table except the scenarios themselves, read through a separate connection. */
function baselineRows(path: string): Record<string, unknown[]> {
  const db = openDatabase(path, { readonly: true });
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'scenarios' ORDER BY name`).pluck().all() as string[];
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT rowid AS _rowid, * FROM "${t}" ORDER BY rowid`).all()]));
  } finally {
    db.close();
  }
}

describe('ScenarioStore', () => {
  it('keeps named copies of the year in the school file, read back exactly', () => {
    const { file, store } = openDemo();
    const year = file.readYear();
    const a = store.create('Grant ends', 'copy', year);
    const b = store.create('  Two fewer TAs ', 'copy', year);
    expect(a).toEqual({ id: a.id, name: 'Grant ends', kind: 'copy', createdAt: '2026-11-24T09:00:00.000Z', updatedAt: '2026-11-24T09:00:00.000Z' });
    expect(b.name).toBe('Two fewer TAs');
    expect(store.list().map((s) => s.name)).toEqual(['Grant ends', 'Two fewer TAs']);
    expect(store.get(a.id).year).toEqual(year);

    const changed: SchoolYear = { ...year, income: year.income.filter((i) => i.kind !== 'aln_grant') };
    const saved = store.saveYear(a.id, changed);
    expect(saved.updatedAt > saved.createdAt).toBe(true);
    expect(store.get(a.id).year).toEqual(changed);
    expect(store.rename(a.id, 'Grant ends in March').name).toBe('Grant ends in March');
    store.delete(b.id);
    expect(store.list().map((s) => s.id)).toEqual([a.id]);
  });

  it('refuses a duplicate or empty name and an unknown id, saying what to do', () => {
    const { file, store } = openDemo();
    const year = file.readYear();
    const a = store.create('Grant ends', 'copy', year);
    const dup = refusal(() => store.create('GRANT ENDS', 'copy', year));
    expect(dup.code).toBe('conflict');
    expect(dup.message).toBe('There is already a scenario called “GRANT ENDS”. Choose another name.');
    expect(refusal(() => store.create('   ', 'copy', year)).issues).toEqual([{ path: 'name', code: 'required' }]);
    expect(store.rename(a.id, 'grant ends').name).toBe('grant ends'); // its own name, recased, is fine
    expect(refusal(() => store.get(99)).message).toBe('No scenario with id 99. It may have been deleted.');
    expect(refusal(() => store.delete(99)).code).toBe('not_found');
  });

  it('reports a damaged scenario without touching the baseline', () => {
    const { file, store } = openDemo();
    const a = store.create('Grant ends', 'copy', file.readYear());
    const db = openDatabase(file.path);
    db.prepare(`UPDATE scenarios SET year_json = '{"format":"mapio-school-year","version":1,"writtenBy":"x","year":{}}' WHERE id = ?`).run(a.id);
    db.close();
    const error = refusal(() => store.get(a.id));
    expect(error.code).toBe('file_corrupt');
    expect(error.message).toMatch(/^The scenario “Grant ends” in this file is damaged and cannot be read \(year\.school: .*\)\. The baseline is not affected\.$/);
  });

  it('never writes the baseline’s tables and never adds to the baseline’s undo history', () => {
    const { file, store } = openDemo();
    const rows = baselineRows(file.path);
    const year = file.readYear();
    const a = store.create('Grant ends', 'copy', year);
    store.saveYear(a.id, { ...year, staff: year.staff.map((s) => ({ ...s, hourlyCostPence: s.hourlyCostPence + 1 })) });
    store.rename(a.id, 'Renamed');
    expect(baselineRows(file.path)).toEqual(rows);
    expect(file.readYear()).toEqual(year);
    expect(file.history().canUndo).toBe(false);
  });
});

describe('ScenarioWorkingCopy', () => {
  it('materialises a scenario into a temporary file, writes changes back, and deletes the file on discard', () => {
    const { file, store } = openDemo();
    const a = store.create('Grant ends', 'copy', file.readYear());
    const copy = ScenarioWorkingCopy.materialise(store, a.id);
    expect(nodePath.dirname(nodePath.dirname(copy.file.path))).toBe(workingCopiesRoot());
    expect(nodePath.basename(nodePath.dirname(copy.file.path))).toMatch(new RegExp(`^scenario-${process.pid}-`));
    if (process.platform !== 'win32') {
      expect(fs.statSync(workingCopiesRoot()).mode & 0o777).toBe(0o700);
      for (const f of fs.readdirSync(nodePath.dirname(copy.file.path))) expect(fs.statSync(nodePath.join(nodePath.dirname(copy.file.path), f)).mode & 0o077).toBe(0);
    }
    expect(copy.file.path).not.toBe(file.path);
    expect(copy.file.readYear()).toEqual(store.get(a.id).year);
    expect(copy.persist(copy.file.readYear())).toBe(false); // unchanged: nothing written
    const grantId = copy.file.readYear().income.find((i) => i.kind === 'aln_grant')!.id;
    copy.file.mutate(stepLabel('Delete income line'), (repos) => repos.income.delete(grantId));
    expect(copy.persist(copy.file.readYear())).toBe(true);
    expect(store.get(a.id).year.income.some((i) => i.id === grantId)).toBe(false);
    expect(file.readYear().income.some((i) => i.id === grantId)).toBe(true);
    const folder = nodePath.dirname(copy.file.path);
    expect((fs.statSync(folder).mode & 0o777).toString(8)).toBe('700');
    copy.discard();
    expect(fs.existsSync(folder)).toBe(false);
  });
});

describe('replaceSchoolYear', () => {
  it('replaces the whole year in one undo step, and undo restores every row exactly', () => {
    const { file } = openDemo();
    const before = file.readYear();
    const rows = baselineRows(file.path);
    const next = testSchoolYear();
    file.mutate(stepLabel('Adopt scenario'), (repos) => replaceSchoolYear(repos, before, next));
    const adopted = file.readYear();
    expect(adopted).toEqual({ ...next, lines: next.lines.map((l) => ({ ...l, expectedProgress: l.expectedProgress ?? null })) });
    expect(file.history().undoLabel).toEqual(stepLabel('Adopt scenario'));
    expect(file.undo()).toEqual(stepLabel('Adopt scenario'));
    expect(file.readYear()).toEqual(before);
    expect(baselineRows(file.path)).toEqual(rows);
    expect(file.history().canUndo).toBe(false);
    file.redo();
    expect(file.readYear()).toEqual(adopted);
  });
});
