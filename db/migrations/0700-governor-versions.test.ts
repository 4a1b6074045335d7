import { afterEach, describe, expect, it } from 'vitest';
import { costSchoolYear } from '../../shared/engine';
import { openDatabase } from '../connection';
import { GovernorVersionStore } from '../governorVersions';
import { SchoolFile } from '../schoolFile';
import { testSchoolYear } from '../../test/support/testSchoolYear';
import { LATEST_VERSION, MIGRATIONS } from './index';
import { schoolFileAtVersion } from '../../test/support/olderSchoolFile';

const opened: Array<{ close(): void }> = [];
afterEach(() => {
  for (const f of opened.splice(0).reverse()) f.close();
});

describe('0700: versions presented to governors', () => {
  it('says why it exists', () => {
    expect(MIGRATIONS.find((m) => m.version === 700)?.why).toMatch(/Versions presented to governors/);
  });

  it('brings a version-600 file up to date with no versions and every figure unchanged', () => {
    const before = testSchoolYear();
    const path = schoolFileAtVersion(before, 600);
    const file = SchoolFile.open(path);
    opened.push(file);
    expect(file.migration).toMatchObject({ fromVersion: 600, toVersion: LATEST_VERSION });
    const after = file.readYear();
    expect(after).toEqual(before);
    expect(costSchoolYear(after, { today: '2027-02-01' })).toEqual(costSchoolYear(before, { today: '2027-02-01' }));
    const store = GovernorVersionStore.open(path);
    opened.push(store);
    expect(store.list()).toEqual([]);
  });

  it('keeps a version outside the map’s undo history', () => {
    const path = schoolFileAtVersion(testSchoolYear(), 600);
    const file = SchoolFile.open(path);
    opened.push(file);
    const store = GovernorVersionStore.open(path, { now: () => new Date('2027-03-12T16:00:00Z') });
    opened.push(store);
    const year = file.readYear();
    const options = { learners: 'none', lang: 'en', generatedOn: '2027-03-12', viewedOn: { date: '2027-03-12', chosenWeek: null } } as const;
    const saved = store.create({ name: 'As presented', presentedOn: '2027-03-12', options, year, baselineName: 'school', scenarios: [], workbook: new Uint8Array([1, 2, 3]), sheets: ['Summary'] });
    expect(saved).toMatchObject({ name: 'As presented', presentedOn: '2027-03-12', createdAt: '2027-03-12T16:00:00.000Z', options, workbookBytes: 3 });
    expect(file.history().canUndo).toBe(false);
    expect(store.get(saved.id).year).toEqual(year);
  });

  it('lists no versions in a version-600 file read where it cannot be brought up to date', () => {
    const path = schoolFileAtVersion(testSchoolYear(), 600);
    const store = GovernorVersionStore.open(path, { readOnly: true });
    opened.push(store);
    expect(store.list()).toEqual([]);
    const db = openDatabase(path, { readonly: true });
    opened.push(db);
    expect(db.pragma('user_version', { simple: true })).toBe(600);
  });
});
