import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensurePrivateFolder, userDataFolderPath } from './userDataFolder';

const home = path.resolve('/home/teacher');
const made: string[] = [];
afterEach(() => {
  for (const folder of made.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

describe('the per-user data folder', () => {
  it('is where Electron keeps an app called Mapio its userData, per platform', () => {
    expect(userDataFolderPath({}, 'linux', home)).toBe(path.join(home, '.config', 'Mapio'));
    expect(userDataFolderPath({ XDG_CONFIG_HOME: '/home/teacher/.cfg' }, 'linux', home)).toBe(path.join('/home/teacher/.cfg', 'Mapio'));
    expect(userDataFolderPath({ XDG_CONFIG_HOME: 'relative' }, 'linux', home)).toBe(path.join(home, '.config', 'Mapio'));
    expect(userDataFolderPath({}, 'darwin', home)).toBe(path.join(home, 'Library', 'Application Support', 'Mapio'));
    expect(userDataFolderPath({ APPDATA: 'C:\\Users\\t\\AppData\\Roaming' }, 'win32', home)).toBe(path.join('C:\\Users\\t\\AppData\\Roaming', 'Mapio'));
  });

  it('MAPIO_DATA_DIR chooses it instead (tests, a managed install)', () => {
    expect(userDataFolderPath({ MAPIO_DATA_DIR: '/srv/mapio', XDG_CONFIG_HOME: '/x' }, 'linux', home)).toBe(path.resolve('/srv/mapio'));
    expect(userDataFolderPath({ MAPIO_DATA_DIR: '  ' }, 'linux', home)).toBe(path.join(home, '.config', 'Mapio'));
  });

  it.skipIf(process.platform === 'win32')('is made for this user alone: created 0700, an existing open one tightened', () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'mapio-userdata-'));
    made.push(parent);
    const fresh = ensurePrivateFolder(path.join(parent, 'a', 'Mapio'));
    expect(fs.statSync(fresh).mode & 0o777).toBe(0o700);
    const open = path.join(parent, 'open');
    fs.mkdirSync(open, { mode: 0o755 });
    fs.chmodSync(open, 0o755);
    ensurePrivateFolder(open);
    expect(fs.statSync(open).mode & 0o777).toBe(0o700);
  });
});
