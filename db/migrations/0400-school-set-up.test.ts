import fs from 'node:fs';
import nodePath from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SchoolYear } from '../../shared/domain';
import { costSchoolYear } from '../../shared/engine';
import { weeksFromTerms } from '../../shared/schoolTerms';
import { openDatabase } from '../connection';
import { SchoolFile } from '../schoolFile';
import { testSchoolYear } from '../../test/support/testSchoolYear';
import { LATEST_VERSION, MIGRATIONS } from './index';
import { schoolFileAtVersion } from '../../test/support/olderSchoolFile';
import { enrolOn } from '../../test/support/schoolYearBuilder';

const opened: Array<{ close(): void }> = [];
afterEach(() => {
  for (const f of opened.splice(0).reverse()) f.close();
});

function olderYear(): SchoolYear {
  const year = testSchoolYear();
  year.tiers = [...year.tiers, { id: 'universal_plus', name: 'Universal plus', nameCy: '', description: '', descriptionCy: '', isAlp: false, costing: 'shared', sortOrder: 4 }];
  year.areas = year.areas.map((a) => (a.id === 'sensory_physical' ? { ...a, name: 'Physical and sensory', nameCy: '' } : a));
  const universal = year.lines.find((l) => l.tierId === 'universal')!;
  year.enrolments.push(enrolOn(universal, 900, 1), enrolOn(universal, 901, 2));
  return year;
}

describe('0400: setting up a school', () => {
  it('says why it exists', () => {
    expect(MIGRATIONS.find((m) => m.version === 400)?.why).toMatch(/official number/);
  });

  it('brings a version-300 file up to date with every figure unchanged, keeping a copy of the old file first', () => {
    const before = olderYear();
    const path = schoolFileAtVersion(before, 300);
    const file = SchoolFile.open(path);
    opened.push(file);
    expect(file.migration).toMatchObject({ fromVersion: 300, toVersion: LATEST_VERSION });
    const after = file.readYear();

    // The universal tier keeps per-pupil costing as its mode; the authority's own tier is shared.
    expect(after.tiers.map((t) => [t.id, t.costing, t.nameCy])).toEqual([
      ['universal', 'whole_school', 'Cyffredinol'],
      ['targeted', 'shared', 'Wedi’i thargedu'],
      ['alp', 'shared', 'DDY'],
      ['universal_plus', 'shared', ''],
    ]);
    // Mapio's default names get Mapio's Welsh; a name the school changed has none until the school gives one.
    expect(after.areas.map((a) => a.nameCy)).toEqual(['Gwybyddiaeth a dysgu', 'Cyfathrebu a rhyngweithio', 'Datblygiad ymddygiadol, emosiynol a chymdeithasol', '']);
    // Neath Port Talbot, typed by hand, is authority 671; the official number waits to be entered.
    expect(after.school).toMatchObject({ localAuthority: 'Neath Port Talbot', localAuthorityCode: '671', officialNumber: '' });
    // Terms that make exactly the old weeks: 38 weeks, three terms each with a half-term.
    expect(after.calendar.weekStarts).toEqual(before.calendar.weekStarts);
    expect(weeksFromTerms(after.calendar.terms)).toEqual(before.calendar.weekStarts);
    expect(after.calendar.terms).toHaveLength(3);

    // Every figure, to the penny: the whole costed map is what the old rule (universal by id) gave.
    const asBefore = costSchoolYear(before, { today: '2027-02-01' });
    const asAfter = costSchoolYear(after, { today: '2027-02-01' });
    expect(asAfter).toEqual(asBefore);
    const universalLine = asAfter.lines.find((l) => l.lineId === before.lines.find((x) => x.tierId === 'universal')!.id)!;
    expect(universalLine.shares).toHaveLength(4);
    expect(universalLine.shares.every((s) => s.pence === 0)).toBe(true);
    expect(universalLine.unallocatedPence).toBe(universalLine.costPence);

    // The copy is the old file, untouched: version 300, none of the new columns or tables.
    const backup = file.migration!.backupPath;
    expect(nodePath.basename(backup)).toMatch(/^school\.mapio\.backup-v300-\d{8}T\d{6}Z\.mapio$/);
    expect(fs.existsSync(backup)).toBe(true);
    const old = openDatabase(backup, { readonly: true });
    opened.push(old);
    expect(old.pragma('user_version', { simple: true })).toBe(300);
    expect(old.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'calendar_terms'`).pluck().get()).toBe(0);
    expect(old.prepare(`SELECT name FROM pragma_table_info('tiers')`).pluck().all()).not.toContain('costing');
  });

  it('the new columns refuse what the door would: an official number of 6 digits, a half-term with one date', () => {
    const path = schoolFileAtVersion(olderYear(), 300);
    SchoolFile.open(path).close();
    const db = openDatabase(path);
    opened.push(db);
    expect(() => db.prepare(`UPDATE school SET official_number = '661234'`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE school SET local_authority_code = '66A'`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE calendar_terms SET half_term_starts_on = NULL WHERE position = 1`).run()).toThrow(/CHECK/);
    expect(db.prepare(`SELECT strict FROM pragma_table_list WHERE name = 'calendar_terms'`).pluck().get()).toBe(1);
  });
});
