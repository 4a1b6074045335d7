/**
 * A read-only file opens read-only. Reproduced as found: a school file Mapio may not write (a read-only
 * share, a file locked by its owner) could not even be viewed: every command failed with "could not save
 * the change". Now it opens (read into memory, never written), every view and export works, it is marked
 * read-only in every view, each edit is refused with a sentence offering Save As, and Save As gives an
 * editable copy. The file's bytes and folder are never changed.
 *
 * The file is made unwritable for real: `chattr +i` (immutable, which even root cannot write through)
 * when the tests run as root, as in CI; `chmod 444` otherwise.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type TypedBackend } from '../../../backend/backend';
import { runCli } from '../../../backend/cli/main';
import { type AppInfo, type MutationResult, type ScenarioSummary, type YearView } from '../../../shared/api/contract';
import { openDatabase } from '../../../db/connection';
import { SchoolFile } from '../../../db/schoolFile';
import { testSchoolYear } from '../../support/testSchoolYear';
import { refusal } from './refusal';
import { takeBackTo } from '../../../db/migrations/olderShapes';

const asRoot = process.getuid?.() === 0;
const locked: string[] = [];

function makeReadOnly(file: string): void {
  if (asRoot) execFileSync('chattr', ['+i', file]);
  else fs.chmodSync(file, 0o444);
  locked.push(file);
}
function makeWritable(file: string): void {
  if (asRoot) execFileSync('chattr', ['-i', file]);
  else fs.chmodSync(file, 0o644);
}

let folder: string;
let backend: TypedBackend;
let readOnlyPath: string;
let olderPath: string;
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mapio-readonly-'));
  readOnlyPath = path.join(folder, 'On the share.mapio');
  SchoolFile.create(readOnlyPath, testSchoolYear(), { appVersion: 'test' }).close();
  // A scenario in it, to show scenarios can still be listed and compared.
  const writer = createBackend({ mode: 'cli', dataDir: path.join(folder, 'writer'), openPath: readOnlyPath, today: () => '2026-11-24' });
  await writer.call('scenario.create', { name: 'Grant ends', from: 'baseline' });
  writer.dispose();
  makeReadOnly(readOnlyPath);
  // An older file (version 200, before scenarios), read-only too: brought up to date in memory only.
  olderPath = path.join(folder, 'Older.mapio');
  SchoolFile.create(olderPath, testSchoolYear(), { appVersion: 'test' }).close();
  const db = openDatabase(olderPath);
  takeBackTo(db, 200);
  db.pragma('journal_mode = DELETE');
  db.close();
  makeReadOnly(olderPath);
  backend = createBackend({ mode: 'browser', dataDir: path.join(folder, 'data'), openOnStart: false, today: () => '2026-11-24' });
});

afterAll(() => {
  backend?.dispose();
  for (const file of locked) makeWritable(file);
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('a file Mapio may not write', () => {
  it('really cannot be written here (the test is not fooled by running as root)', () => {
    expect(() => fs.appendFileSync(readOnlyPath, 'x')).toThrow(/EPERM|EACCES/);
  });

  it('opens read-only, marked so; every view, scenario list and export works; the file and its folder never change', async () => {
    const before = sha(readOnlyPath);
    const listing = fs.readdirSync(folder).sort();
    const view = (await backend.call('file.open', { path: readOnlyPath })) as YearView;
    expect(view.file).toEqual({ path: readOnlyPath, name: 'On the share.mapio', readOnly: true });
    expect(view.data.lines).toHaveLength(4);
    expect(view.costed.totals.costPence).toBeGreaterThan(0);
    expect(((await backend.call('year.get', { asAtWeek: 5 })) as YearView).file.readOnly).toBe(true);
    expect(((await backend.call('app.info', {})) as AppInfo).file?.readOnly).toBe(true);
    expect(((await backend.call('scenario.list', {})) as ScenarioSummary[]).map((s) => s.name)).toEqual(['Grant ends']);
    await backend.call('scenario.compare', { ids: [] });
    expect(await backend.call('versions.list', {})).toEqual([]);

    const exports = path.join(folder, 'exports');
    fs.mkdirSync(exports);
    await backend.call('export.governorsWorkbook', { path: path.join(exports, 'governors.xlsx') });
    await backend.call('export.alpStatement', { path: path.join(exports, 'alp.html') });
    await backend.call('return.create', { path: path.join(exports, 'return.xlsx') });
    expect(fs.readdirSync(exports).sort()).toEqual(['alp.html', 'governors.xlsx', 'return.xlsx']);

    expect(sha(readOnlyPath)).toBe(before);
    expect(fs.readdirSync(folder).sort()).toEqual([...listing, 'exports'].sort());
  });

  it('refuses every change with a sentence offering Save As, changing nothing', async () => {
    await backend.call('file.open', { path: readOnlyPath });
    const before = (await backend.call('year.get', {})) as YearView;
    const attempts: Array<[string, unknown]> = [
      ['lines.update', { id: 1, changes: { name: 'Renamed' } }],
      ['school.update', { changes: { name: 'Renamed' } }],
      ['learners.delete', { id: 1 }],
      ['history.undo', {}],
      ['scenario.create', { name: 'Another', from: 'baseline' }],
      ['scenario.enter', { id: 1 }],
      ['versions.save', { name: 'Spring', presentedOn: '2027-03-12' }],
      ['versions.delete', { id: 1 }],
      ['export.governorsWorkbook', { path: path.join(folder, 'refused.xlsx'), version: { name: 'Spring', presentedOn: '2027-03-12' } }],
      [
        'mis.import',
        {
          fileName: 'x.csv',
          contentBase64: Buffer.from('UPN,Name,Year\nQ1,Someone,Y3\n').toString('base64'),
          mapping: { ref: 0, surname: null, forename: null, name: 1, yearGroup: 2, alnStatus: null, efsm: null, lookedAfter: null, welshAlp: null },
        },
      ],
    ];
    for (const [name, input] of attempts) {
      const error = await refusal(() => backend.call(name, input));
      expect(error.code, `${name}: ${error.message}`).toBe('file_read_only');
      expect(error.message).toBe(`“On the share.mapio” is open read-only: Mapio may not save to where it is (${folder}), so nothing was changed. Use File > Save as to keep a copy you can change.`);
    }
    expect(((await backend.call('year.get', {})) as YearView).data).toEqual(before.data);
    expect(fs.existsSync(path.join(folder, 'refused.xlsx'))).toBe(false);
    // No backup was taken for the refused import.
    const backups = path.join(folder, 'data', 'backups');
    const copies = fs.existsSync(backups) ? fs.readdirSync(backups).flatMap((d) => fs.readdirSync(path.join(backups, d))) : [];
    expect(copies.filter((f) => f.includes('before-import'))).toEqual([]);
  });

  it('Save As gives an editable copy, with everything in it', async () => {
    await backend.call('file.open', { path: readOnlyPath });
    const copyPath = path.join(folder, 'My copy.mapio');
    const copy = (await backend.call('file.saveAs', { path: copyPath })) as YearView;
    expect(copy.file).toEqual({ path: copyPath, name: 'My copy.mapio' });
    const edited = (await backend.call('lines.update', { id: 1, changes: { name: 'Renamed in the copy' } })) as MutationResult;
    expect(edited.view.data.lines[0]?.name).toBe('Renamed in the copy');
    expect(((await backend.call('scenario.list', {})) as ScenarioSummary[]).map((s) => s.name)).toEqual(['Grant ends']);
  });

  it('an older read-only file is brought up to date in memory only: no copy beside it, no change to it', async () => {
    await backend.call('file.close', {});
    const before = sha(olderPath);
    const listing = fs.readdirSync(folder).sort();
    const view = (await backend.call('file.open', { path: olderPath })) as YearView;
    expect(view.file.readOnly).toBe(true);
    expect(view.data.lines.map((l) => l.expectedProgress)).toEqual([null, null, null, null]);
    expect(await backend.call('scenario.list', {})).toEqual([]);
    expect(sha(olderPath)).toBe(before);
    expect(fs.readdirSync(folder).sort()).toEqual(listing);
  });

  it('the command line reads it too', async () => {
    const out: string[] = [];
    expect(await runCli(['summary', readOnlyPath], { out: (t) => out.push(t), err: (t) => out.push(t) })).toBe(0);
    expect(out.join('\n')).toMatch(/Ysgol Gynradd Bryn Derw/);
  });
});
