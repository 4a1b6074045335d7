/**
 * School files built the way an attacker (or an unlucky copy) would build them: each is a real Mapio file
 * changed with SQLite itself, exactly as the attacks were first tried. Used by hostileFiles.test.ts and
 * fuzz.test.ts; every one must be refused without being changed.
 */
import fs from 'node:fs';
import nodePath from 'node:path';
import { openDatabase } from '../../../db/connection';
import { SchoolFile } from '../../../db/schoolFile';
import { testSchoolYear } from '../../support/testSchoolYear';

export interface HostileFile {
  /** What the attack is, for test names. */
  what: string;
  path: string;
  /** The error code it must be refused with. */
  code: string;
}

/** A good school file at `path`, holding the small test year. */
function goodFile(path: string): void {
  SchoolFile.create(path, testSchoolYear(), { appVersion: 'hostile-test' }).close();
}

/** A good file changed by `sql`, run with SQLite's own defenses off (as an attacker's tool would). */
function altered(folder: string, name: string, sql: string): string {
  const path = nodePath.join(folder, name);
  goodFile(path);
  const db = openDatabase(path);
  db.pragma('trusted_schema = ON');
  db.pragma('foreign_keys = OFF');
  db.exec(sql);
  db.pragma('journal_mode = DELETE');
  db.close();
  return path;
}

function withVersion(folder: string, name: string, version: number): string {
  const path = nodePath.join(folder, name);
  goodFile(path);
  const db = openDatabase(path);
  db.pragma(`user_version = ${version}`);
  db.close();
  return path;
}

/**
 * An index whose expression costs a great deal per row, over 3,000 learners: SQLite evaluates it for
 * every row when the index is built and again in the integrity check Mapio runs on opening. (Built here at
 * about a third of a millisecond a row, so the test stays quick; the attack scaled it to minutes.)
 */
function expressionIndexBomb(folder: string): string {
  const path = nodePath.join(folder, 'expression-index.mapio');
  goodFile(path);
  const db = openDatabase(path);
  db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
           INSERT INTO learners (ref, name, year_group, aln_status, welsh_alp, efsm, looked_after)
           SELECT 'BOMB' || i, 'Learner ' || i, 3, 'none', 0, 0, 0 FROM n`);
  db.exec(`CREATE INDEX learners_slow ON learners (length(replace(hex(zeroblob(100000)), '0', name)))`);
  db.pragma('journal_mode = DELETE');
  db.close();
  return path;
}

/** Another program's database, caught in the middle of a write: a hot rollback journal beside it. */
function foreignWithHotJournal(folder: string): string {
  const source = nodePath.join(folder, 'source.db');
  const db = openDatabase(source);
  db.exec('CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT NOT NULL)');
  const add = db.prepare('INSERT INTO contacts (name) VALUES (?)');
  for (let i = 0; i < 400; i++) add.run(`Contact ${i} ${'x'.repeat(200)}`);
  db.close();
  const path = nodePath.join(folder, 'foreign-hot-journal.mapio');
  const writer = openDatabase(source, { fileMustExist: true });
  writer.pragma('cache_size = 1');
  writer.exec('BEGIN IMMEDIATE');
  writer.exec('DELETE FROM contacts');
  const fill = writer.prepare('INSERT INTO contacts (name) VALUES (randomblob(3000))');
  for (let i = 0; i < 100; i++) fill.run();
  fs.copyFileSync(source, path);
  fs.copyFileSync(`${source}-journal`, `${path}-journal`);
  writer.exec('ROLLBACK');
  writer.close();
  fs.rmSync(source);
  return path;
}

/** Every hostile school file, each in `folder`. */
export function buildHostileFiles(folder: string): HostileFile[] {
  return [
    {
      what: 'a trigger on learners that copies every name into a hidden table and doubles an income line',
      code: 'file_altered',
      path: altered(
        folder,
        'trigger-learners.mapio',
        `CREATE TABLE stolen (name TEXT);
         CREATE TRIGGER copy_names AFTER INSERT ON learners BEGIN
           INSERT INTO stolen SELECT name FROM learners;
           UPDATE income_lines SET amount_pence = amount_pence * 2 WHERE id = (SELECT min(id) FROM income_lines);
         END;`,
      ),
    },
    {
      what: 'a trigger on staff updates that shows its own error ("Your licence has expired")',
      code: 'file_altered',
      path: altered(folder, 'trigger-staff.mapio', `CREATE TRIGGER licence BEFORE UPDATE ON staff BEGIN SELECT RAISE(ABORT, 'Your licence has expired: call 0800 123 4567'); END;`),
    },
    {
      what: 'a trigger on school updates that puts every learner name into the error',
      code: 'file_altered',
      path: altered(
        folder,
        'trigger-school.mapio',
        `CREATE TRIGGER leak BEFORE UPDATE ON school BEGIN
           UPDATE school SET name = (SELECT group_concat(name, ', ') FROM learners) WHERE id = -1;
           SELECT RAISE(ABORT, 'learner names follow');
         END;`,
      ),
    },
    {
      what: 'learners replaced by a view',
      code: 'file_altered',
      path: altered(
        folder,
        'view-learners.mapio',
        `CREATE TABLE learners_real AS SELECT * FROM learners;
         DROP TABLE learners;
         CREATE VIEW learners AS SELECT * FROM learners_real;`,
      ),
    },
    { what: 'an expression index that makes the integrity check run for minutes', code: 'file_altered', path: expressionIndexBomb(folder) },
    {
      what: 'a trigger that reads a view that never ends (100% CPU on the first edit)',
      code: 'file_altered',
      path: altered(
        folder,
        'recursive-view.mapio',
        `CREATE VIEW forever AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) AS n FROM c;
         CREATE TRIGGER spin AFTER UPDATE ON lines BEGIN SELECT n FROM forever; END;`,
      ),
    },
    { what: 'a virtual table', code: 'file_altered', path: altered(folder, 'virtual-table.mapio', `CREATE VIRTUAL TABLE notes USING fts5(body);`) },
    {
      what: 'mapio_meta rebuilt with a computed column',
      code: 'file_not_mapio',
      path: altered(
        folder,
        'computed-meta.mapio',
        `ALTER TABLE mapio_meta RENAME TO meta_old;
         CREATE TABLE mapio_meta (key TEXT PRIMARY KEY NOT NULL, raw TEXT NOT NULL, value TEXT GENERATED ALWAYS AS (raw || length(hex(zeroblob(1000000)))) VIRTUAL);
         INSERT INTO mapio_meta (key, raw) SELECT key, value FROM meta_old; DROP TABLE meta_old;`,
      ),
    },
    { what: 'file version 250 (between two versions Mapio wrote)', code: 'file_altered', path: withVersion(folder, 'version-250.mapio', 250) },
    { what: 'file version −5', code: 'file_altered', path: withVersion(folder, 'version-minus-5.mapio', -5) },
    { what: 'file version 0', code: 'file_altered', path: withVersion(folder, 'version-0.mapio', 0) },
    { what: 'another program’s database with a hot journal', code: 'file_not_mapio', path: foreignWithHotJournal(folder) },
  ];
}
