/**
 * Hostile files: each attack on a school file that was tried for real (a trigger that steals names or
 * shows its own error, a view in place of a table, an expression index that makes the check run for
 * minutes, a trigger on a view that never ends, versions no Mapio wrote, another program's database with
 * a hot journal) must be refused through the real backend with its reason, its bytes and its folder
 * exactly as they were (no WAL switch, no migration, no backup copy, no journal rolled back), the file
 * that was open still open, and the refused file not added to Recent files.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type TypedBackend } from '../../../backend/backend';
import { runCli } from '../../../backend/cli/main';
import { ApiError, type AppInfo, type YearView } from '../../../shared/api/contract';
import { AuthorityFile } from '../../../db/authority/authorityFile';
import { AUTHORITY_LATEST_VERSION } from '../../../db/authority/migrations';
import { openDatabase } from '../../../db/connection';
import { SchoolFile } from '../../../db/schoolFile';
import { testSchoolYear } from '../../support/testSchoolYear';
import { buildHostileFiles, type HostileFile } from './hostileFiles';
import { refusal } from './refusal';

let folder: string;
let dataDir: string;
let goodPath: string;
let backend: TypedBackend;
let hostile: HostileFile[];

const sha = (path: string) => createHash('sha256').update(fs.readFileSync(path)).digest('hex');
const fingerprint = (path: string) => ({
  bytes: sha(path),
  journal: fs.existsSync(`${path}-journal`) ? sha(`${path}-journal`) : null,
  listing: fs.readdirSync(nodePath.dirname(path)).sort(),
});

beforeAll(() => {
  folder = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'mapio-hostile-'));
  dataDir = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'mapio-hostile-data-'));
  goodPath = nodePath.join(dataDir, 'Good school.mapio');
  SchoolFile.create(goodPath, testSchoolYear(), { appVersion: 'test' }).close();
  hostile = buildHostileFiles(folder);
  backend = createBackend({ mode: 'browser', dataDir, openPath: goodPath, today: () => '2026-11-24' });
}, 60_000); // building every attack file takes seconds on a busy machine: a set-up limit, not a timed test

afterAll(() => {
  backend?.dispose();
  fs.rmSync(folder, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('hostile school files are refused, untouched', () => {
  it('builds every attack (the list the tests below walk)', () => {
    expect(hostile.map((h) => nodePath.basename(h.path))).toEqual([
      'trigger-learners.mapio',
      'trigger-staff.mapio',
      'trigger-school.mapio',
      'view-learners.mapio',
      'expression-index.mapio',
      'recursive-view.mapio',
      'virtual-table.mapio',
      'computed-meta.mapio',
      'version-250.mapio',
      'version-minus-5.mapio',
      'version-0.mapio',
      'foreign-hot-journal.mapio',
    ]);
    // The hot journal really is one: the first byte of a live journal header is not zero.
    const journal = hostile.find((h) => h.path.endsWith('foreign-hot-journal.mapio'))!.path + '-journal';
    expect(fs.readFileSync(journal)[0]).not.toBe(0);
  });

  it('each is refused through the API with its reason; bytes, journal and folder unchanged; the open file stays open', async () => {
    const timings: string[] = [];
    for (const file of hostile) {
      const before = fingerprint(file.path);
      const started = performance.now();
      const error = await refusal(() => backend.call('file.open', { path: file.path }));
      timings.push(`${nodePath.basename(file.path)} ${(performance.now() - started).toFixed(0)} ms`);
      expect(error.code, `${file.what}: ${error.message}`).toBe(file.code);
      expect(error.message, file.what).toContain(`“${nodePath.basename(file.path)}”`);
      expect(fingerprint(file.path), `${file.what}: nothing beside or in the file changed`).toEqual(before);
      // The app answers at once, still on the good file, and the hostile one is not a recent file.
      const view = (await backend.call('year.get', {})) as YearView;
      expect(view.file.path).toBe(goodPath);
      const info = (await backend.call('app.info', {})) as AppInfo;
      expect(info.recentFiles).not.toContain(file.path);
    }
    console.log(`hostile files refused: ${timings.join(', ')}`);
    // No backup copy of any of them was taken (a version −5 or 0 file once left one per attempt).
    const backups = nodePath.join(dataDir, 'backups');
    const folders = fs.existsSync(backups) ? fs.readdirSync(backups) : [];
    expect(folders.filter((f) => !f.startsWith('Good school-'))).toEqual([]);
  });

  it('names what is wrong: the unexpected trigger, the view in place of a table, the version', async () => {
    const byName = (name: string) => hostile.find((h) => h.path.endsWith(name))!.path;
    expect((await refusal(() => backend.call('file.open', { path: byName('trigger-learners.mapio') }))).message).toMatch(
      /changed outside Mapio: it has a trigger called “copy_names” that Mapio never makes, and 1 more change\./,
    );
    expect((await refusal(() => backend.call('file.open', { path: byName('view-learners.mapio') }))).message).toMatch(/a view called “learners” where Mapio keeps a table/);
    expect((await refusal(() => backend.call('file.open', { path: byName('expression-index.mapio') }))).message).toMatch(/an index called “learners_slow” that Mapio never makes/);
    expect((await refusal(() => backend.call('file.open', { path: byName('version-250.mapio') }))).message).toMatch(/file version 250, which no version of Mapio has written/);
    expect((await refusal(() => backend.call('file.open', { path: byName('foreign-hot-journal.mapio') }))).message).toMatch(/is a database, but not a Mapio school file/);
  });

  it('the command line refuses them too, writing nothing', async () => {
    for (const file of hostile.slice(0, 6)) {
      const before = fingerprint(file.path);
      const errors: string[] = [];
      const code = await runCli(['summary', file.path], { out: () => undefined, err: (t) => errors.push(t) });
      expect(code, file.what).toBe(1);
      expect(errors.join('\n')).toMatch(/^mapio: “/);
      expect(fingerprint(file.path)).toEqual(before);
    }
  });

  it('a good file with a hot journal from a cut-off write still opens, its write undone (checked on a copy first)', () => {
    const path = nodePath.join(folder, 'good-hot-journal.mapio');
    SchoolFile.create(path, testSchoolYear(), { appVersion: 'test' }).close();
    const cut = nodePath.join(folder, 'cut.mapio');
    const writer = openDatabase(path, { fileMustExist: true });
    writer.pragma('cache_size = 1');
    writer.exec('BEGIN IMMEDIATE');
    writer.exec(`UPDATE learners SET name = 'half-written'`);
    writer.exec('CREATE TABLE filler (x BLOB)');
    const fill = writer.prepare('INSERT INTO filler (x) VALUES (randomblob(4000))');
    for (let i = 0; i < 200; i++) fill.run();
    fs.copyFileSync(path, cut);
    fs.copyFileSync(`${path}-journal`, `${cut}-journal`);
    writer.exec('ROLLBACK');
    writer.close();
    const reopened = SchoolFile.open(cut);
    expect(reopened.readYear().learners.map((l) => l.name)).toEqual(testSchoolYear().learners.map((l) => l.name));
    reopened.close();
    expect(fs.existsSync(`${cut}-journal`)).toBe(false);
  });
});

describe('hostile authority files are refused, untouched', () => {
  it('a trigger, a view and a version no Mapio wrote', () => {
    const make = (name: string, sql: string | null, version?: number) => {
      const path = nodePath.join(folder, name);
      AuthorityFile.create(path).close();
      const db = openDatabase(path);
      if (sql) db.exec(sql);
      if (version !== undefined) db.pragma(`user_version = ${version}`);
      db.pragma('journal_mode = DELETE');
      db.close();
      return path;
    };
    const files = [
      make('trigger.mapio-la', `CREATE TABLE copied (x TEXT); CREATE TRIGGER t AFTER INSERT ON school_returns BEGIN INSERT INTO copied VALUES (new.content); END;`),
      make('view.mapio-la', `CREATE VIEW everything AS SELECT * FROM school_returns`),
      make('version.mapio-la', null, AUTHORITY_LATEST_VERSION - 50),
    ];
    for (const path of files) {
      const before = fingerprint(path);
      let error: unknown = null;
      try {
        AuthorityFile.open(path).close();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).code, (error as Error).message).toBe('file_altered');
      expect(fingerprint(path)).toEqual(before);
    }
  });
});
