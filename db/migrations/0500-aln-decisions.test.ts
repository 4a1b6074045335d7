import { afterEach, describe, expect, it } from 'vitest';
import { costSchoolYear } from '../../shared/engine';
import { openDatabase } from '../connection';
import { SchoolFile } from '../schoolFile';
import { testSchoolYear } from '../../test/support/testSchoolYear';
import { LATEST_VERSION, MIGRATIONS } from './index';
import { schoolFileAtVersion } from '../../test/support/olderSchoolFile';
import { stepLabel } from '../../test/support/stepLabel';

const opened: Array<{ close(): void }> = [];
afterEach(() => {
  for (const f of opened.splice(0).reverse()) f.close();
});

describe('0500: ALN decisions', () => {
  it('says why it exists', () => {
    expect(MIGRATIONS.find((m) => m.version === 500)?.why).toMatch(/referral/);
  });

  it('brings a version-400 file up to date with no learner referred, no closed day, and every figure unchanged', () => {
    const before = testSchoolYear();
    const file = SchoolFile.open(schoolFileAtVersion(before, 400));
    opened.push(file);
    expect(file.migration).toMatchObject({ fromVersion: 400, toVersion: LATEST_VERSION });
    const after = file.readYear();
    expect(after.learners.map((l) => [l.referredOn, l.referralDecider, l.decidedOn])).toEqual(before.learners.map(() => [null, 'school', null]));
    expect(after.calendar.closedDays).toEqual([]);
    expect(after).toEqual(before);
    expect(costSchoolYear(after, { today: '2027-02-01' })).toEqual(costSchoolYear(before, { today: '2027-02-01' }));
  });

  it('keeps what the school records next: a referral, a closed day, and undo of both', () => {
    const file = SchoolFile.open(schoolFileAtVersion(testSchoolYear(), 400));
    opened.push(file);
    const id = file.readYear().learners[0]!.id;
    file.mutate(stepLabel('Refer'), (r) => r.learners.update(id, { referredOn: '2026-10-01', referralDecider: 'la' }));
    const year = file.readYear();
    file.mutate(stepLabel('Close a day'), (r) => r.calendar.set({ ...year.calendar, closedDays: ['2026-11-02'] }));
    expect(file.readYear().learners[0]).toMatchObject({ referredOn: '2026-10-01', referralDecider: 'la', decidedOn: null });
    expect(file.readYear().calendar.closedDays).toEqual(['2026-11-02']);
    file.undo();
    expect(file.readYear().calendar.closedDays).toEqual([]);
  });

  it('the new columns refuse a date that is not a date', () => {
    const path = schoolFileAtVersion(testSchoolYear(), 400);
    SchoolFile.open(path).close();
    const db = openDatabase(path);
    opened.push(db);
    expect(() => db.prepare(`UPDATE learners SET referred_on = '1 Oct 2026'`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO calendar_closed_days (day) VALUES ('soon')`).run()).toThrow(/CHECK/);
  });
});
