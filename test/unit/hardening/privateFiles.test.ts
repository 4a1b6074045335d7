/**
 * Private on a shared laptop (docs/guarantees.md): what Mapio writes that holds personal data is readable
 * by this user alone (files 0600, folders 0700), a temporary file is always made new (a file or symlink
 * planted at its name is refused, never followed), and stale working copies do not linger.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SettingsStore } from '../../../backend/settings';

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
