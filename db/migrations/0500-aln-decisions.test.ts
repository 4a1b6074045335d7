import nodePath from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SchoolYear } from '../../shared/domain';
import { costSchoolYear } from '../../shared/engine';
import { openDatabase } from '../connection';
import { SchoolFile } from '../schoolFile';
import { testFolder } from '../../test/support/testFolder';
import { testSchoolYear } from '../../test/support/testSchoolYear';
import { LATEST_VERSION, MIGRATIONS } from './index';
import { takeBackTo } from './olderShapes';

const opened: Array<{ close(): void }> = [];
afterEach(() => {
  for (const f of opened.splice(0).reverse()) f.close();
});

/** A version-400 file of the test school: learners with no referral fields, a calendar with no closed days. */
function version400File(year: SchoolYear): string {
  const path = nodePath.join(testFolder(), 'school.mapio');
  SchoolFile.create(path, year, { appVersion: 'test' }).close();
  const db = openDatabase(path);
  takeBackTo(db, 400);
  db.pragma('journal_mode = DELETE');
  db.close();
  return path;
}

describe('0500: ALN decisions', () => {
  it('says why it exists', () => {
    expect(MIGRATIONS.find((m) => m.version === 500)?.why).toMatch(/referral/);
  });

  it('brings a version-400 file up to date with no learner referred, no closed day, and every figure unchanged', () => {
    const before = testSchoolYear();
    const file = SchoolFile.open(version400File(before));
    opened.push(file);
    expect(file.migration).toMatchObject({ fromVersion: 400, toVersion: LATEST_VERSION });
    const after = file.readYear();
    expect(after.learners.map((l) => [l.referredOn, l.referralDecider, l.decidedOn])).toEqual(before.learners.map(() => [null, 'school', null]));
    expect(after.calendar.closedDays).toEqual([]);
    expect(after).toEqual(before);
    expect(costSchoolYear(after, { today: '2027-02-01' })).toEqual(costSchoolYear(before, { today: '2027-02-01' }));
  });

  it('keeps what the school records next: a referral, a closed day, and undo of both', () => {
    const file = SchoolFile.open(version400File(testSchoolYear()));
    opened.push(file);
    const id = file.readYear().learners[0]!.id;
    file.mutate('Refer', (r) => r.learners.update(id, { referredOn: '2026-10-01', referralDecider: 'la' }));
    const year = file.readYear();
    file.mutate('Close a day', (r) => r.calendar.set({ ...year.calendar, closedDays: ['2026-11-02'] }));
    expect(file.readYear().learners[0]).toMatchObject({ referredOn: '2026-10-01', referralDecider: 'la', decidedOn: null });
    expect(file.readYear().calendar.closedDays).toEqual(['2026-11-02']);
    file.undo();
    expect(file.readYear().calendar.closedDays).toEqual([]);
  });

  it('the new columns refuse a date that is not a date', () => {
    const path = version400File(testSchoolYear());
    SchoolFile.open(path).close();
    const db = openDatabase(path);
    opened.push(db);
    expect(() => db.prepare(`UPDATE learners SET referred_on = '1 Oct 2026'`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO calendar_closed_days (day) VALUES ('soon')`).run()).toThrow(/CHECK/);
  });
});
