/**
 * Private on a shared laptop (docs/guarantees.md): what Mapio writes that holds personal data is readable
 * by this user alone (files 0600, folders 0700), a temporary file is always made new (a file or symlink
 * planted at its name is refused, never followed), and stale working copies do not linger.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackend } from '../../../backend/backend';
import { SettingsStore } from '../../../backend/settings';
import { runCli } from '../../../backend/cli/main';
import { newWorkingCopyFolder, removeStaleWorkingCopies, STALE_AFTER_MS, workingCopiesRoot } from '../../../db/workingCopyFolder';

const posix = process.platform !== 'win32';
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mapio-private-'));
});
afterEach(() => {
  vi.useRealTimers();
  fs.rmSync(dir, { recursive: true, force: true });
});

const privateMode = (file: string) => fs.statSync(file).mode & 0o077;

describe.skipIf(!posix)('settings', () => {
  it('are written 0600 in a 0700 folder', () => {
    const data = path.join(dir, 'data');
    new SettingsStore(data).setLanguage('cy');
    expect(fs.statSync(data).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(data, 'settings.json')).mode & 0o777).toBe(0o600);
  });

  it('never write through a symlink planted at the temporary file’s name', () => {
    const data = path.join(dir, 'data');
    const store = new SettingsStore(data);
    const victim = path.join(dir, 'victim.txt');
    fs.writeFileSync(victim, 'not Mapio’s');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-24T09:00:00Z'));
    // Every name a settings write could use at this moment, whatever it is called.
    for (const name of [`settings.json.tmp-${process.pid}`, `.settings.json.${process.pid}.${Date.now().toString(36)}.tmp`]) fs.symlinkSync(victim, path.join(data, name));
    expect(() => store.setLanguage('cy')).toThrow();
    expect(fs.readFileSync(victim, 'utf8')).toBe('not Mapio’s');
    expect(fs.lstatSync(path.join(data, `.settings.json.${process.pid}.${Date.now().toString(36)}.tmp`)).isSymbolicLink()).toBe(true);
    vi.setSystemTime(new Date('2026-11-24T09:00:01Z'));
    store.setLanguage('cy');
    expect(fs.readFileSync(victim, 'utf8')).toBe('not Mapio’s');
    expect(new SettingsStore(data).get().language).toBe('cy');
    expect(privateMode(path.join(data, 'settings.json'))).toBe(0);
  });
});

describe.skipIf(!posix)('scenario working copies', () => {
  /** A working copy folder as a process with `pid` would have left it, last changed `ageMs` ago. */
  function leftBy(pid: number, ageMs = 0): string {
    const folder = path.join(workingCopiesRoot(dir), `scenario-${pid}-${Math.random().toString(36).slice(2, 8)}`);
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    fs.writeFileSync(path.join(folder, 'scenario.mapio'), 'Quillon Zbrawski', { mode: 0o600 });
    const when = new Date(Date.now() - ageMs);
    fs.utimesSync(path.join(folder, 'scenario.mapio'), when, when);
    fs.utimesSync(folder, when, when);
    return folder;
  }

  it('are made in one 0700 folder of Mapio’s own, each in a new 0700 folder named for this process', () => {
    const folder = newWorkingCopyFolder(dir);
    expect(path.dirname(folder)).toBe(workingCopiesRoot(dir));
    expect(path.basename(folder)).toMatch(new RegExp(`^scenario-${process.pid}-`));
    expect(fs.statSync(workingCopiesRoot(dir)).mode & 0o777).toBe(0o700);
    expect(fs.statSync(folder).mode & 0o777).toBe(0o700);
  });

  it('are never made inside a folder someone planted at Mapio’s folder name', () => {
    const elsewhere = fs.mkdtempSync(path.join(dir, 'elsewhere-'));
    fs.chmodSync(elsewhere, 0o777);
    fs.symlinkSync(elsewhere, workingCopiesRoot(dir));
    const folder = newWorkingCopyFolder(dir);
    expect(path.dirname(folder)).toBe(dir);
    expect(fs.statSync(folder).mode & 0o777).toBe(0o700);
    expect(fs.readdirSync(elsewhere)).toEqual([]);
    // Nor swept: what is behind the symlink is not Mapio's.
    fs.mkdirSync(path.join(elsewhere, 'scenario-1-abcdef'));
    expect(removeStaleWorkingCopies(dir)).toEqual([]);
    expect(fs.existsSync(path.join(elsewhere, 'scenario-1-abcdef'))).toBe(true);
  });

  it('left by a process that has ended, or untouched for a day, are removed at the next start; live ones stay', () => {
    const ended = spawnSync(process.execPath, ['-e', '']).pid;
    const crashed = leftBy(ended);
    const mine = leftBy(process.pid, 2 * STALE_AFTER_MS);
    const running = leftBy(process.ppid);
    const forgotten = leftBy(process.ppid, STALE_AFTER_MS + 60_000);
    const other = path.join(workingCopiesRoot(dir), 'not-a-working-copy');
    fs.mkdirSync(other);
    expect(removeStaleWorkingCopies(dir).sort()).toEqual([crashed, forgotten].sort());
    expect(fs.existsSync(crashed)).toBe(false);
    expect(fs.existsSync(forgotten)).toBe(false);
    expect(fs.existsSync(mine)).toBe(true);
    expect(fs.existsSync(running)).toBe(true);
    expect(fs.existsSync(other)).toBe(true);
  });
});

describe.skipIf(!posix)('school files and exports', () => {
  const quiet = { out: () => undefined, err: () => undefined };

  it('a new school file, its -wal and -shm, a Save as copy, exports and the data folder are this user’s alone', async () => {
    const data = path.join(dir, 'data');
    const backend = createBackend({ mode: 'browser', dataDir: data, openOnStart: false, today: () => '2026-11-24' });
    try {
      const school = path.join(dir, 'Ysgol.mapio');
      backend.invoke('file.create', { path: school, template: 'demo' });
      backend.invoke('school.update', { changes: { name: 'Ysgol Breifat' } });
      for (const file of [school, `${school}-wal`, `${school}-shm`]) expect({ file, mode: privateMode(file) }).toEqual({ file, mode: 0 });
      const written = [school];
      const copy = path.join(dir, 'Copy.mapio');
      backend.invoke('file.saveAs', { path: copy });
      written.push(copy, `${copy}-wal`, `${copy}-shm`);
      const workbook = path.join(dir, 'governors.xlsx');
      await backend.invoke('export.governorsWorkbook', { path: workbook, learners: 'named', lang: 'en' });
      const statement = path.join(dir, 'alp.html');
      backend.invoke('export.alpStatement', { path: statement, lang: 'en' });
      written.push(workbook, statement, path.join(data, 'settings.json'));
      for (const file of written) expect({ file, mode: privateMode(file) }).toEqual({ file, mode: 0 });
      expect(fs.statSync(data).mode & 0o777).toBe(0o700);
    } finally {
      backend.dispose();
    }
    const json = path.join(dir, 'year.json');
    expect(await runCli(['export-json', path.join(dir, 'Copy.mapio'), json], quiet)).toBe(0);
    expect(privateMode(json)).toBe(0);
    const imported = path.join(dir, 'Imported.mapio');
    expect(await runCli(['import-json', json, imported], quiet)).toBe(0);
    expect(privateMode(imported)).toBe(0);
  });

  it('an export over an existing file keeps that file’s permissions: no looser, and not locked from its owner', async () => {
    const school = path.join(dir, 'Ysgol.mapio');
    expect(await runCli(['demo', school], quiet)).toBe(0);
    const shared = path.join(dir, 'shared.json');
    fs.writeFileSync(shared, '{}');
    fs.chmodSync(shared, 0o640);
    expect(await runCli(['export-json', school, shared], quiet)).toBe(0);
    expect(fs.statSync(shared).mode & 0o777).toBe(0o640);
    expect(fs.readFileSync(shared, 'utf8')).toContain('mapio-school-year');
    const strict = path.join(dir, 'strict.json');
    fs.writeFileSync(strict, '{}');
    fs.chmodSync(strict, 0o400 | 0o200);
    expect(await runCli(['export-json', school, strict], quiet)).toBe(0);
    expect(fs.statSync(strict).mode & 0o777).toBe(0o600);
  });
});
