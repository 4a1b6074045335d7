import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from './backend';
import { defaultSchoolFolder, schoolFilePath } from './schoolFolder';

const made: string[] = [];
const tempDir = (prefix: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
};
afterEach(() => {
  delete process.env.MAPIO_SCHOOL_FOLDER;
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('where a new school file goes', () => {
  it('is the documents folder’s Mapio folder unless MAPIO_SCHOOL_FOLDER says otherwise', () => {
    expect(defaultSchoolFolder({}, '/home/alnco')).toBe(path.join('/home/alnco', 'Documents', 'Mapio'));
    expect(defaultSchoolFolder({ MAPIO_SCHOOL_FOLDER: '/srv/schools' }, '/home/alnco')).toBe(path.resolve('/srv/schools'));
  });

  it('puts a bare name or a relative path in that folder (making it), keeps a full path, and reads ~ as home', () => {
    const folder = path.join(tempDir('mapio-folder-'), 'Documents', 'Mapio');
    expect(schoolFilePath('Ysgol Glan.mapio', folder)).toBe(path.join(folder, 'Ysgol Glan.mapio'));
    expect(fs.existsSync(folder)).toBe(true);
    expect(schoolFilePath('2026/Ysgol.mapio', folder)).toBe(path.join(folder, '2026', 'Ysgol.mapio'));
    expect(schoolFilePath('/tmp/elsewhere/Ysgol.mapio', folder)).toBe(path.resolve('/tmp/elsewhere/Ysgol.mapio'));
    expect(fs.existsSync('/tmp/elsewhere')).toBe(false); // only the school folder is made, never another
    const fresh = path.join(tempDir('mapio-fresh-'), 'Documents', 'Mapio');
    expect(schoolFilePath(path.join(fresh, 'New school.mapio'), fresh)).toBe(path.join(fresh, 'New school.mapio'));
    expect(fs.existsSync(fresh)).toBe(true);
    expect(schoolFilePath('~/Ysgol.mapio', folder, '/home/alnco')).toBe(path.join('/home/alnco', 'Ysgol.mapio'));
  });

  it('in the app, "New empty school" with only a name never saves beside the program', () => {
    const folder = tempDir('mapio-schools-');
    process.env.MAPIO_SCHOOL_FOLDER = folder;
    const backend = createBackend({ mode: 'browser', dataDir: tempDir('mapio-data-') });
    try {
      expect(backend.invoke('app.info', {}).schoolFolder).toBe(folder);
      const view = backend.invoke('file.create', { path: 'Ysgol Gyfun Glan Clwyd', template: 'empty' });
      expect(view.file.path).toBe(path.join(folder, 'Ysgol Gyfun Glan Clwyd.mapio'));
      expect(fs.existsSync(path.join(process.cwd(), 'Ysgol Gyfun Glan Clwyd.mapio'))).toBe(false);
    } finally {
      backend.dispose();
    }
  });
});
