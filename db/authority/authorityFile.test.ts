import fs from 'node:fs';
import nodePath from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/contract';
import { canonicalJson, schoolKeyFor, schoolKeyOf, type AuthorityReturn } from '../../shared/authority/returnFormat';
import { buildAuthorityReturn } from '../../shared/authority/buildReturn';
import { costSchoolYear } from '../../shared/engine';
import { openDatabase } from '../connection';
import { createTestFile, sha256, testFolder } from '../../test/support/testFolder';
import { testSchoolYear } from '../../test/support/testSchoolYear';
import { AuthorityFile } from './authorityFile';
import { AUTHORITY_LATEST_VERSION, AUTHORITY_MIGRATIONS } from './migrations';

const opened: AuthorityFile[] = [];
afterEach(() => {
  while (opened.length) opened.pop()?.close();
});

function track(file: AuthorityFile): AuthorityFile {
  opened.push(file);
  return file;
}

function entry(name = 'Ysgol Gynradd Bryn Derw', fileName = 'bryn-derw.xlsx') {
  const year = testSchoolYear();
  year.school.name = name;
  const ret = buildAuthorityReturn(year, costSchoolYear(year));
  const json = canonicalJson(ret);
  return { schoolKey: schoolKeyOf(ret.school), fileName, formatVersion: 3, sha256: 'a'.repeat(64), json, ret };
}

function thrown(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('nothing was thrown');
}

describe('AuthorityFile', () => {
  it('creates a STRICT, WAL, Mapio authority file and keeps returns across reopening', () => {
    const path = nodePath.join(testFolder(), 'Sir Prawf.mapio-la');
    const file = track(AuthorityFile.create(path, { now: () => new Date('2027-07-20T10:00:00Z') }));
    file.addReturn(entry());
    file.close();
    const db = openDatabase(path, { readonly: true });
    expect(db.prepare(`SELECT value FROM mapio_meta WHERE key = 'application'`).pluck().get()).toBe('mapio-authority');
    expect(db.pragma('user_version', { simple: true })).toBe(AUTHORITY_LATEST_VERSION);
    const strict = db.prepare(`SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'`).all() as Array<{ name: string; strict: number }>;
    expect(strict.every((t) => t.strict === 1)).toBe(true);
    db.close();
    const again = track(AuthorityFile.open(path));
    expect(again.listReturns()).toEqual([
      {
        schoolKey: 'neath-port-talbot/ysgol-gynradd-bryn-derw',
        schoolName: 'Ysgol Gynradd Bryn Derw',
        academicYear: '2026-27',
        fileName: 'bryn-derw.xlsx',
        importedAt: '2027-07-20T10:00:00.000Z',
        writtenAt: null,
        sha256: 'a'.repeat(64),
      },
    ]);
    expect(again.comparedReturns()[0]?.ret).toEqual(entry().ret);
  });

  it('still compares a version-1 return it stored before returns carried the official number', () => {
    const file = track(AuthorityFile.create(nodePath.join(testFolder(), 'Sir Prawf.mapio-la')));
    const v2 = entry();
    const { localAuthorityCode: _c, officialNumber: _n, ...school } = v2.ret.school;
    file.addReturn({ ...v2, formatVersion: 1, json: canonicalJson({ ...v2.ret, school }) });
    expect(file.comparedReturns()[0]?.ret.school).toEqual({ ...v2.ret.school, localAuthorityCode: '', officialNumber: '' });
  });

  it('refuses a duplicate school and year, naming the earlier file and date; replaces only when asked', () => {
    const file = track(AuthorityFile.create(nodePath.join(testFolder(), 'la.mapio-la'), { now: () => new Date('2027-07-20T10:00:00Z') }));
    file.addReturn(entry());
    const error = thrown(() => file.addReturn(entry('ysgol gynradd BRYN-DERW', 'second.xlsx')));
    expect(error.message).toMatch(/^duplicate of bryn-derw\.xlsx imported on 2027-07-20/);
    expect(file.listReturns()).toHaveLength(1);
    file.addReturn(entry('Ysgol Gynradd Bryn Derw', 'second.xlsx'), { replace: true });
    expect(file.listReturns().map((r) => r.fileName)).toEqual(['second.xlsx']);
  });

  it('keeps the replaced return in the school’s history, and a renamed school under its latest name in every year', () => {
    const file = track(AuthorityFile.create(nodePath.join(testFolder(), 'la.mapio-la'), { now: () => new Date('2027-07-20T10:00:00Z') }));
    const numbered = (name: string, fileName: string, academicYear = '2026-27') => {
      const e = entry(name, fileName);
      const ret = { ...e.ret, writtenAt: '2027-06-01T09:00:00.000Z', school: { ...e.ret.school, officialNumber: '6712345', academicYear } };
      return { ...e, schoolKey: schoolKeyFor(ret.school), formatVersion: 4, json: canonicalJson(ret), ret };
    };
    file.addReturn(numbered('Ysgol Bryn Derw', 'last-year.xlsx', '2025-26'));
    file.addReturn(numbered('Ysgol Bryn Derw', 'may.xlsx'));
    file.addReturn(numbered('Ysgol Gynradd Bryn Derw', 'june.xlsx'), { replace: true });
    expect(file.listReturns().map((r) => [r.schoolKey, r.schoolName, r.academicYear, r.fileName, r.writtenAt])).toEqual([
      ['school/6712345', 'Ysgol Gynradd Bryn Derw', '2025-26', 'last-year.xlsx', '2027-06-01T09:00:00.000Z'],
      ['school/6712345', 'Ysgol Gynradd Bryn Derw', '2026-27', 'june.xlsx', '2027-06-01T09:00:00.000Z'],
    ]);
    expect(file.replacedReturns('school/6712345', '2026-27')).toEqual([
      { fileName: 'may.xlsx', writtenAt: '2027-06-01T09:00:00.000Z', importedAt: '2027-07-20T10:00:00.000Z', replacedAt: '2027-07-20T10:00:00.000Z', replacedByFile: 'june.xlsx' },
    ]);
    expect(file.comparedReturns('2026-27')[0]?.replacedFiles).toEqual(['may.xlsx']);
    expect(file.heldReturn('school/6712345', '2026-27')?.school.name).toBe('Ysgol Gynradd Bryn Derw');
    file.removeSchool('school/6712345');
    expect(file.replacedReturns('school/6712345', '2026-27')).toEqual([]);
  });

  it('re-keys by official number the returns and allocations held before schools were matched by it (migration 0200)', () => {
    const path = nodePath.join(testFolder(), 'before-0200.mapio-la');
    AuthorityFile.create(path, { migrations: AUTHORITY_MIGRATIONS.slice(0, 1) }).close();
    const db = openDatabase(path);
    const insert = db.prepare(
      `INSERT INTO school_returns (school_key, academic_year, school_name, file_name, imported_at, format_version, sha256, content) VALUES (?, '2026-27', ?, ?, '2027-07-01T10:00:00.000Z', 3, ?, ?)`,
    );
    const withNumber = entry('Ysgol Gynradd Bryn Derw', 'numbered.xlsx');
    const school: AuthorityReturn['school'] = { ...withNumber.ret.school, officialNumber: '6712345' };
    const { writtenAt: _w, ...v3 } = { ...withNumber.ret, school };
    insert.run(schoolKeyOf(v3.school), v3.school.name, 'numbered.xlsx', 'a'.repeat(64), canonicalJson(v3));
    const without = entry('Ysgol Arall', 'unnumbered.xlsx');
    const { writtenAt: _x, ...v3b } = without.ret;
    insert.run(schoolKeyOf(v3b.school), v3b.school.name, 'unnumbered.xlsx', 'b'.repeat(64), canonicalJson(v3b));
    db.prepare(`INSERT INTO published_allocations (school_key, academic_year, amount_pence, source) VALUES (?, '2026-27', 4321000, 'Section 52')`).run(schoolKeyOf(v3.school));
    db.close();

    const file = track(AuthorityFile.open(path));
    expect(file.listReturns().map((r) => [r.schoolKey, r.fileName, r.writtenAt])).toEqual([
      ['neath-port-talbot/ysgol-arall', 'unnumbered.xlsx', null],
      ['school/6712345', 'numbered.xlsx', null],
    ]);
    expect(file.comparedReturns().find((r) => r.schoolKey === 'school/6712345')?.publishedAllocationPence).toBe(4_321_000);
    expect(file.comparedReturns().every((r) => r.ret.writtenAt === null)).toBe(true);
  });

  it('opens a file from before the list of schools carried Welsh names (migration 0400) with its returns, list, allocations and notes, each listed school with no Welsh name', () => {
    const path = nodePath.join(testFolder(), 'before-0400.mapio-la');
    const before = AuthorityFile.create(path, { migrations: AUTHORITY_MIGRATIONS.filter((m) => m.version < 400) });
    const unnumbered = entry();
    const ret: AuthorityReturn = { ...unnumbered.ret, school: { ...unnumbered.ret.school, officialNumber: '6712345' } };
    before.addReturn({ ...unnumbered, schoolKey: schoolKeyFor(ret.school), json: canonicalJson(ret), ret });
    before.replaceAllocations('2026-27', [{ officialNumber: '6712345', name: 'Ysgol Gynradd Bryn Derw', amountPence: 4_321_000 }], 'section52.csv (£)');
    before.setSchoolNote('school/6712345', 'Asked about the ELSA hours');
    before.close();
    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(300);
    db.prepare(
      `INSERT INTO listed_schools (official_number, name, phase, language_medium) VALUES ('6712345', 'Bryn Derw Primary', 'primary', 'english'), ('6719999', 'Ysgol Arall', 'special', 'welsh')`,
    ).run();
    db.close();

    const file = track(AuthorityFile.open(path));
    expect(file.listedSchools()).toEqual([
      { officialNumber: '6712345', name: 'Bryn Derw Primary', nameCy: '', phase: 'primary', languageMedium: 'english' },
      { officialNumber: '6719999', name: 'Ysgol Arall', nameCy: '', phase: 'special', languageMedium: 'welsh' },
    ]);
    expect(file.listReturns().map((r) => [r.schoolKey, r.fileName])).toEqual([['school/6712345', 'bryn-derw.xlsx']]);
    expect(file.comparedReturns()[0]?.publishedAllocationPence).toBe(4_321_000);
    expect(file.schoolNotes()).toEqual({ 'school/6712345': 'Asked about the ELSA hours' });
    file.replaceSchoolList([{ officialNumber: '6719999', name: 'Ysgol Arall', nameCy: 'Ysgol Arall Gymraeg', phase: 'special', languageMedium: 'welsh' }]);
    expect(file.listedSchools().map((s) => s.nameCy)).toEqual(['Ysgol Arall Gymraeg']);
    file.close();
    const after = openDatabase(path, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(AUTHORITY_LATEST_VERSION);
    after.close();
  });

  it('keeps the officer’s mapping, published allocations, and removes a school', () => {
    const file = track(AuthorityFile.create(nodePath.join(testFolder(), 'la.mapio-la')));
    file.addReturn(entry());
    file.addReturn(entry('Ysgol Arall', 'arall.xlsx'));
    file.setMapping('e l s a', 'ELSA');
    expect(file.mapping()).toEqual({ 'e l s a': 'ELSA' });
    file.setMapping('e l s a', '');
    expect(file.mapping()).toEqual({});
    file.setPublishedAllocation('neath-port-talbot/ysgol-arall', '2026-27', 4_321_000, 'Section 52 statement 2026-27');
    expect(file.comparedReturns().find((r) => r.ret.school.name === 'Ysgol Arall')?.publishedAllocationPence).toBe(4_321_000);
    expect(file.removeSchool('neath-port-talbot/ysgol-arall')).toBe(1);
    expect(file.listReturns().map((r) => r.schoolName)).toEqual(['Ysgol Gynradd Bryn Derw']);
    expect(file.removeSchool('nobody')).toBe(0);
  });

  it('never overwrites an existing file', () => {
    const path = nodePath.join(testFolder(), 'taken.mapio-la');
    fs.writeFileSync(path, 'mine');
    expect(thrown(() => AuthorityFile.create(path)).code).toBe('file_io');
    expect(fs.readFileSync(path, 'utf8')).toBe('mine');
  });

  it('refuses, untouched, a school file, a spreadsheet, a damaged file and a newer file', () => {
    const folder = testFolder();
    const school = createTestFile();
    school.close();
    const before = sha256(school.path);
    const schoolError = thrown(() => AuthorityFile.open(school.path));
    expect(schoolError.code).toBe('file_not_mapio');
    expect(schoolError.message).toMatch(/is a school’s Mapio file, not an authority file/);
    expect(sha256(school.path)).toBe(before);

    const sheet = nodePath.join(folder, 'returns.xlsx');
    fs.writeFileSync(sheet, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(2000)]));
    expect(thrown(() => AuthorityFile.open(sheet)).message).toMatch(/is not a Mapio authority file/);

    const good = nodePath.join(folder, 'good.mapio-la');
    track(AuthorityFile.create(good)).addReturn(entry());
    opened.pop()?.close();
    const damaged = nodePath.join(folder, 'damaged.mapio-la');
    const bytes = fs.readFileSync(good);
    bytes.fill(0x55, 4096, Math.min(bytes.length, 4096 * 3));
    fs.writeFileSync(damaged, bytes);
    const damagedBefore = sha256(damaged);
    expect(thrown(() => AuthorityFile.open(damaged)).code).toBe('file_corrupt');
    expect(sha256(damaged)).toBe(damagedBefore);

    const newer = nodePath.join(folder, 'newer.mapio-la');
    fs.copyFileSync(good, newer);
    const db = openDatabase(newer);
    db.pragma(`user_version = ${AUTHORITY_LATEST_VERSION + 100}`);
    db.close();
    const newerBefore = sha256(newer);
    const tooNew = thrown(() => AuthorityFile.open(newer));
    expect(tooNew.code).toBe('file_too_new');
    expect(tooNew.message).toContain(`newer version of Mapio (file version ${AUTHORITY_LATEST_VERSION + 100}`);
    expect(sha256(newer)).toBe(newerBefore);
    expect(fs.readdirSync(folder).filter((f) => f.endsWith('-wal') || f.endsWith('-shm'))).toEqual([]);
  });

  it('reopens, intact, a file whose last write was cut off (a hot rollback journal left beside it)', () => {
    const folder = testFolder();
    const good = nodePath.join(folder, 'good.mapio-la');
    const file = track(AuthorityFile.create(good, { now: () => new Date('2027-07-20T10:00:00Z') }));
    file.addReturn(entry());
    file.setMapping('e l s a', 'ELSA');
    const returns = file.listReturns();
    opened.pop()?.close();
    const original = fs.readFileSync(good);

    // What a kill mid-write leaves: a write that has started changing the file (a small page cache makes
    // SQLite spill changed pages into it, after writing and syncing the old pages to the -journal),
    // photographed, file and journal together, before it commits or rolls back.
    const cut = nodePath.join(folder, 'cut.mapio-la');
    const writer = openDatabase(good, { fileMustExist: true });
    writer.pragma('cache_size = 1');
    writer.exec('BEGIN IMMEDIATE');
    writer.exec('DELETE FROM school_returns; DELETE FROM intervention_mappings');
    writer.prepare('CREATE TABLE filler (x BLOB)').run();
    const fill = writer.prepare('INSERT INTO filler (x) VALUES (randomblob(4000))');
    for (let i = 0; i < 200; i++) fill.run();
    fs.copyFileSync(good, cut);
    fs.copyFileSync(`${good}-journal`, `${cut}-journal`);
    writer.exec('ROLLBACK');
    writer.close();
    expect(fs.readFileSync(`${cut}-journal`)[0]).not.toBe(0); // a hot journal, not an empty one
    expect(fs.readFileSync(cut).equals(original)).toBe(false); // the file itself was half changed

    const reopened = track(AuthorityFile.open(cut));
    expect(reopened.listReturns()).toEqual(returns);
    expect(reopened.mapping()).toEqual({ 'e l s a': 'ELSA' });
    reopened.close();
    expect(fs.existsSync(`${cut}-journal`)).toBe(false);
    const db = openDatabase(cut, { readonly: true });
    expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    expect(db.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'filler'`).pluck().get()).toBe(0);
    db.close();
  });
});
