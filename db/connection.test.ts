import fs from 'node:fs';
import nodePath from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './connection';
import { SchoolFile } from './schoolFile';
import { createTestFile, testFolder } from '../test/support/testFolder';
import { stepLabel } from '../test/support/stepLabel';

describe('openDatabase', () => {
  afterEach(() => {
    delete process.env.MAPIO_SQLITE_NATIVE_BINDING;
  });

  it('loads the native binding named in MAPIO_SQLITE_NATIVE_BINDING (Electron’s build)', () => {
    process.env.MAPIO_SQLITE_NATIVE_BINDING = nodePath.join(testFolder(), 'missing-electron-build.node');
    expect(() => openDatabase(':memory:')).toThrow(/missing-electron-build/);
  });

  it('uses better-sqlite3’s own build when the variable is not set', () => {
    const db = openDatabase(':memory:');
    expect(db.prepare('SELECT 1 + 1').pluck().get()).toBe(2);
    db.close();
  });
});

describe('durability', () => {
  it('an acknowledged edit is there after a crash (file and its -wal copied while open)', () => {
    const file = createTestFile();
    file.mutate(stepLabel('Rename'), (r) => r.school.update({ name: 'Ysgol ar ôl y toriad' }));
    const crashed = nodePath.join(testFolder(), 'crashed.mapio');
    fs.copyFileSync(file.path, crashed);
    expect(fs.existsSync(`${file.path}-wal`)).toBe(true);
    fs.copyFileSync(`${file.path}-wal`, `${crashed}-wal`);
    file.close();
    const reopened = SchoolFile.open(crashed);
    expect(reopened.readYear().school.name).toBe('Ysgol ar ôl y toriad');
    reopened.close();
    expect(fs.readdirSync(nodePath.dirname(crashed))).toEqual(['crashed.mapio']);
  });
});
