import fs from 'node:fs';
import nodePath from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../shared/api/contract';
import { openDatabase } from './connection';
import { LATEST_VERSION } from './migrations';
import { SchoolFile } from './schoolFile';
import { createTestFile, sha256, testFolder } from '../test/support/testFolder';
import { largeSchoolYear, testSchoolYear } from '../test/support/testSchoolYear';
import { stepLabel } from '../test/support/stepLabel';

const opened: SchoolFile[] = [];
const track = (f: SchoolFile) => (opened.push(f), f);
afterEach(() => {
  for (const f of opened.splice(0)) f.close();
});

function expectApiError(fn: () => unknown, code: string, message: RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ApiError);
  expect((caught as ApiError).code).toBe(code);
  expect((caught as ApiError).message).toMatch(message);
}

describe('SchoolFile.create', () => {
  it('round-trips the whole year, every record with its own id', () => {
    const file = track(createTestFile());
    expect(file.readYear()).toEqual(testSchoolYear());
  });

  it('round-trips after closing and reopening, and keeps non-integer measures exactly', () => {
    const year = testSchoolYear();
    year.enrolments[0]!.entryValue = 0.1 + 0.2;
    const path = nodePath.join(testFolder(), 'a.mapio');
    SchoolFile.create(path, year).close();
    const file = track(SchoolFile.open(path));
    expect(file.readYear()).toEqual(year);
    expect(file.readYear().enrolments[0]!.entryValue).toBe(0.30000000000000004);
  });

  it('refuses to overwrite an existing file, leaving it as it was', () => {
    const dir = testFolder();
    const path = nodePath.join(dir, 'notes.mapio');
    fs.writeFileSync(path, 'my notes');
    expectApiError(() => SchoolFile.create(path, testSchoolYear()), 'file_io', /already a file/);
    expect(fs.readFileSync(path, 'utf8')).toBe('my notes');
    expect(fs.readdirSync(dir)).toEqual(['notes.mapio']);
  });

  it('leaves nothing behind when the year is invalid, naming the field', () => {
    const dir = testFolder();
    const year = testSchoolYear();
    year.lines[1]!.minutesPerSession = -5;
    expectApiError(() => SchoolFile.create(nodePath.join(dir, 'x.mapio'), year), 'invalid_input', /lines\.1\.minutesPerSession/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('leaves nothing behind when a record names something missing', () => {
    const dir = testFolder();
    const year = testSchoolYear();
    year.enrolments[2]!.learnerId = 99;
    expectApiError(() => SchoolFile.create(nodePath.join(dir, 'x.mapio'), year), 'not_found', /learnerId: no learner with id 99/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses a year with two records sharing an id', () => {
    const year = testSchoolYear();
    year.learners[3]!.id = 1;
    expectApiError(() => SchoolFile.create(nodePath.join(testFolder(), 'x.mapio'), year), 'invalid_input', /learners\.3\.id: id 1 is used twice/);
  });

  it('says so when the folder does not exist', () => {
    expectApiError(() => SchoolFile.create(nodePath.join(testFolder(), 'no', 'such', 'x.mapio'), testSchoolYear()), 'file_io', /could not create/);
  });

  it('marks the file as Mapio and sets the file version', () => {
    const file = track(createTestFile());
    const path = file.path;
    file.close();
    const db = openDatabase(path, { readonly: true });
    expect(db.prepare(`SELECT value FROM mapio_meta WHERE key = 'application'`).pluck().get()).toBe('mapio-school');
    expect(db.prepare(`SELECT value FROM mapio_meta WHERE key = 'created_by_version'`).pluck().get()).toBe('test');
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    db.close();
  });
});

describe('SchoolFile.open', () => {
  it('turns on WAL, foreign keys and full sync', () => {
    const file = track(createTestFile());
    const db = (file as unknown as { db: ReturnType<typeof openDatabase> }).db;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
  });

  it('leaves a single self-contained file when closed', () => {
    const file = createTestFile();
    const dir = nodePath.dirname(file.path);
    file.mutate(stepLabel('Rename school'), (r) => r.school.update({ name: 'Ysgol Newydd' }));
    file.close();
    expect(fs.readdirSync(dir)).toEqual(['school.mapio']);
    expect(track(SchoolFile.open(file.path)).readYear().school.name).toBe('Ysgol Newydd');
  });

  it('says plainly when the file is missing', () => {
    expectApiError(() => SchoolFile.open(nodePath.join(testFolder(), 'gone.mapio')), 'file_io', /Mapio could not find “gone.mapio”/);
  });

  describe('never changes a file it refuses', () => {
    function refuses(path: string, code: string, message: RegExp): void {
      const before = sha256(path);
      const siblings = fs.readdirSync(nodePath.dirname(path));
      expectApiError(() => SchoolFile.open(path), code, message);
      expect(sha256(path)).toBe(before);
      expect(fs.readdirSync(nodePath.dirname(path))).toEqual(siblings);
    }

    it('a text file renamed .mapio is not a Mapio file', () => {
      const path = nodePath.join(testFolder(), 'notes.mapio');
      fs.writeFileSync(path, 'Provision map notes\n'.repeat(100));
      refuses(path, 'file_not_mapio', /not a Mapio school file/);
    });

    it('a spreadsheet (zip bytes) renamed .mapio is not a Mapio file', () => {
      const path = nodePath.join(testFolder(), 'map.mapio');
      fs.writeFileSync(path, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(4000, 7)]));
      refuses(path, 'file_not_mapio', /not a Mapio school file/);
    });

    it('an empty file is not a Mapio file', () => {
      const path = nodePath.join(testFolder(), 'empty.mapio');
      fs.writeFileSync(path, '');
      refuses(path, 'file_not_mapio', /not a Mapio school file/);
    });

    it('another program’s SQLite database is not a Mapio file', () => {
      const path = nodePath.join(testFolder(), 'other.db');
      const db = openDatabase(path);
      db.exec(`CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO contacts (name) VALUES ('x')`);
      db.close();
      refuses(path, 'file_not_mapio', /a database, but not a Mapio school file/);
    });

    it('a database with a mapio_meta table naming another application is not a Mapio file', () => {
      const path = nodePath.join(testFolder(), 'other.db');
      const db = openDatabase(path);
      db.exec(`CREATE TABLE mapio_meta (key TEXT, value TEXT); INSERT INTO mapio_meta VALUES ('application', 'something-else')`);
      db.close();
      refuses(path, 'file_not_mapio', /not a Mapio school file/);
    });

    it('an empty version-0 database is not a Mapio file', () => {
      const path = nodePath.join(testFolder(), 'v0.mapio');
      const db = openDatabase(path);
      db.exec('CREATE TABLE t (x INTEGER)');
      db.close();
      refuses(path, 'file_not_mapio', /not a Mapio school file/);
    });

    it('a file from a newer Mapio says which versions and what to do', () => {
      const file = createTestFile();
      file.close();
      const db = openDatabase(file.path);
      db.pragma(`user_version = ${LATEST_VERSION + 100}`);
      db.close();
      refuses(
        file.path,
        'file_too_new',
        new RegExp(`saved by a newer version of Mapio \\(file version ${LATEST_VERSION + 100}, this Mapio understands up to ${LATEST_VERSION}\\)\\. Update Mapio to open it\\.`),
      );
    });

    it('a file with damaged pages is reported as damaged', () => {
      const path = nodePath.join(testFolder(), 'big.mapio');
      SchoolFile.create(path, largeSchoolYear(600, 40, 800)).close();
      const size = fs.statSync(path).size;
      const pageSize = 4096;
      const fd = fs.openSync(path, 'r+');
      // Scribble over two whole pages in the middle of the file.
      const middlePage = Math.floor(size / pageSize / 2);
      fs.writeSync(fd, Buffer.alloc(pageSize * 2, 0x5a), 0, pageSize * 2, middlePage * pageSize);
      fs.closeSync(fd);
      refuses(path, 'file_corrupt', /is damaged; restore it from a backup/);
    });

    it('a truncated file is reported as damaged', () => {
      const path = nodePath.join(testFolder(), 'cut.mapio');
      SchoolFile.create(path, largeSchoolYear(600, 40, 800)).close();
      fs.truncateSync(path, Math.floor(fs.statSync(path).size / 2 / 4096) * 4096);
      refuses(path, 'file_corrupt', /is damaged/);
    });
  });
});

describe('SchoolFile.readYear', () => {
  it('reads back 2,000 learners, 150 lines and 2,500 enrolments exactly (its speed is in npm run bench)', () => {
    const year = largeSchoolYear(2000, 150, 2500);
    const file = track(SchoolFile.create(nodePath.join(testFolder(), 'large.mapio'), year));
    expect(file.readYear()).toEqual(year);
  });
});

describe('SchoolFile.saveAs', () => {
  it('writes a complete copy, opens it and closes the original', () => {
    const file = createTestFile();
    file.mutate(stepLabel('Add learner'), (r) => r.learners.create({ ...testSchoolYear().learners[0]!, ref: 'NEW1', name: 'Gwen Davies' }));
    const expected = file.readYear();
    const target = nodePath.join(testFolder(), 'copy.mapio');
    const copy = track(file.saveAs(target));
    expect(copy.path).toBe(target);
    expect(copy.readYear()).toEqual(expected);
    expect(file.isOpen).toBe(false);
    expectApiError(() => file.readYear(), 'no_file', /closed/);
    // The original is still there, intact, and the undo history came along.
    expect(track(SchoolFile.open(file.path)).readYear()).toEqual(expected);
    expect(copy.history().undoLabel).toEqual(stepLabel('Add learner'));
    expect(copy.undo()).toEqual(stepLabel('Add learner'));
    expect(copy.readYear().learners).toHaveLength(6);
  });

  it('refuses an existing path and keeps working on the open file', () => {
    const file = track(createTestFile());
    const target = nodePath.join(testFolder(), 'taken.mapio');
    fs.writeFileSync(target, 'x');
    expectApiError(() => file.saveAs(target), 'file_io', /already a file/);
    expect(fs.readFileSync(target, 'utf8')).toBe('x');
    expect(file.readYear().school.name).toBe('Ysgol Gynradd Bryn Derw');
  });
});
