import { takeBackTo } from './migrations/olderShapes';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../shared/api/contract';
import { createBackend, type TypedBackend } from '../backend/backend';
import { SchoolBackups, backupsRoot, BACKUP_LIMITS } from './backups';
import { openDatabase } from './connection';
import { SchoolFile } from './schoolFile';
import { sha256, testFolder } from '../test/support/testFolder';
import { testSchoolYear } from '../test/support/testSchoolYear';
import { stepLabel } from '../test/support/stepLabel';

const opened: Array<{ close(): void }> = [];
const backends: TypedBackend[] = [];
afterEach(() => {
  for (const f of opened.splice(0)) f.close();
  for (const b of backends.splice(0)) b.dispose();
});

function newSchoolFile(name = 'Bryn Derw.mapio'): SchoolFile {
  const file = SchoolFile.create(path.join(testFolder(), name), testSchoolYear(), { appVersion: 'test' });
  opened.push(file);
  return file;
}

/** A clock the test moves by hand. */
function clock(start = '2026-09-07T08:00:00.000Z') {
  let now = Date.parse(start);
  return { now: () => new Date(now), advanceHours: (h: number) => (now += h * 3_600_000) };
}

function integrity(file: string): string {
  const db = openDatabase(file, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

describe('SchoolBackups.take', () => {
  it('takes a consistent copy of a file open in WAL mode, holding exactly the data at that moment', async () => {
    const file = newSchoolFile();
    file.mutate(stepLabel('rename'), (repos) => repos.lines.update(1, { name: 'Before the backup' }));
    expect(fs.existsSync(`${file.path}-wal`)).toBe(true); // the edit may still be only in the WAL
    const backups = new SchoolBackups(path.join(testFolder(), 'backups'));
    const entry = await backups.take(file, 'daily');

    expect(entry.reason).toBe('daily');
    expect(entry.bytes).toBe(fs.statSync(entry.path).size);
    expect(entry.schoolFile).toBe(file.path);
    expect(path.dirname(path.dirname(entry.path))).toBe(backups.root);
    expect(integrity(entry.path)).toBe('ok');
    const copy = SchoolFile.open(entry.path);
    opened.push(copy);
    expect(copy.readYear()).toEqual(file.readYear());
    expect(copy.readYear().lines[0]?.name).toBe('Before the backup');
    // Nothing half-made is left beside it.
    expect(fs.readdirSync(path.dirname(entry.path)).filter((n) => n.includes('.tmp') || n.startsWith('.taking'))).toEqual([]);
  });

  it('keeps each folder readable by this user only (the copies hold learners’ data)', async () => {
    if (process.platform === 'win32') return;
    const file = newSchoolFile();
    const backups = new SchoolBackups(path.join(testFolder(), 'backups'));
    const entry = await backups.take(file, 'daily');
    expect(fs.statSync(path.dirname(entry.path)).mode & 0o077).toBe(0);
    expect(fs.statSync(entry.path).mode & 0o077).toBe(0);
  });

  it('keeps two files with the same name in different folders apart', async () => {
    const a = newSchoolFile('School.mapio');
    const b = newSchoolFile('School.mapio');
    const backups = new SchoolBackups(path.join(testFolder(), 'backups'));
    await backups.take(a, 'daily');
    await backups.take(b, 'daily');
    expect(backups.list(a.path)).toHaveLength(1);
    expect(backups.list(b.path)).toHaveLength(1);
    expect(backups.list()).toHaveLength(2);
  });

  it('says which file could not be copied, and leaves nothing behind', async () => {
    const backups = new SchoolBackups(path.join(testFolder(), 'backups'));
    const missing = path.join(testFolder(), 'gone.mapio');
    await expect(backups.take(missing, 'daily')).rejects.toThrow(/could not keep a backup copy of “gone.mapio”/);
    expect(backups.list(missing)).toEqual([]);
  });
});

describe('daily backups and the bounded count', () => {
  it('takes a daily copy when none is younger than 24 hours, and only then', async () => {
    const file = newSchoolFile();
    const time = clock();
    const backups = new SchoolBackups(path.join(testFolder(), 'backups'), { now: time.now });
    expect(await backups.takeDailyIfDue(file)).not.toBeNull();
    time.advanceHours(23);
    expect(await backups.takeDailyIfDue(file)).toBeNull();
    time.advanceHours(2);
    const second = await backups.takeDailyIfDue(file);
    expect(second?.takenAt).toBe('2026-09-08T09:00:00.000Z');
    expect(backups.list(file.path).map((b) => b.takenAt)).toEqual(['2026-09-08T09:00:00.000Z', '2026-09-07T08:00:00.000Z']);
  });

  it('keeps the newest copies of each kind up to its limit and deletes the oldest', async () => {
    const file = newSchoolFile();
    const time = clock();
    const backups = new SchoolBackups(path.join(testFolder(), 'backups'), { now: time.now, limits: { daily: 3, 'before-import': 2 } });
    for (let day = 0; day < 6; day++) {
      await backups.take(file, 'daily');
      await backups.take(file, 'before-import');
      time.advanceHours(24);
    }
    const kept = backups.list(file.path);
    expect(kept.filter((b) => b.reason === 'daily').map((b) => b.takenAt.slice(0, 10))).toEqual(['2026-09-12', '2026-09-11', '2026-09-10']);
    expect(kept.filter((b) => b.reason === 'before-import').map((b) => b.takenAt.slice(0, 10))).toEqual(['2026-09-12', '2026-09-11']);
    expect(fs.readdirSync(backups.folderFor(file.path)).filter((n) => n.endsWith('.mapio'))).toHaveLength(5);
  });

  it('never deletes the only copy of a file, even with a limit of none', async () => {
    const file = newSchoolFile();
    const backups = new SchoolBackups(path.join(testFolder(), 'backups'), { limits: { daily: 0 } });
    await backups.take(file, 'daily');
    expect(backups.prune(file.path)).toEqual([]);
    expect(backups.list(file.path)).toHaveLength(1);
  });

  it('defaults to 14 daily and 10 before-import copies', () => {
    expect(BACKUP_LIMITS.daily).toBe(14);
    expect(BACKUP_LIMITS['before-import']).toBe(10);
  });
});

describe('through the backend: backups.list and backups.restore', () => {
  function backendFor(dataDir: string, openPath: string): TypedBackend {
    const b = createBackend({ mode: 'browser', dataDir, openPath, today: () => '2026-11-24' });
    backends.push(b);
    return b;
  }

  it('takes a daily copy on open; restoring it opens the data as it was then, beside the file, leaving the current file alone', async () => {
    const folder = testFolder();
    const schoolPath = path.join(folder, 'Bryn Derw.mapio');
    SchoolFile.create(schoolPath, testSchoolYear(), { appVersion: 'test' }).close();
    const dataDir = path.join(folder, 'data');
    const backend = backendFor(dataDir, schoolPath);
    await backend.session.backupsSettled;
    const atBackup = backend.invoke('year.get', {}).data;

    const list = (await backend.call('backups.list', {})) as Awaited<ReturnType<typeof backend.invoke<'backups.list'>>>;
    expect(list).toHaveLength(1);
    expect(list[0]?.reason).toBe('daily');
    expect(list[0]?.path.startsWith(backupsRoot(dataDir))).toBe(true);

    // Work carries on after the backup: a line renamed, a learner deleted.
    backend.invoke('lines.update', { id: 1, changes: { name: 'After the backup' } });
    backend.invoke('learners.delete', { id: 6 });
    const current = backend.invoke('year.get', {}).data;
    backend.session.openFile?.close(); // flush it to one file so its fingerprint is stable
    const reopened = backendFor(dataDir, schoolPath);
    await reopened.session.backupsSettled;
    expect(reopened.invoke('backups.list', {})).toHaveLength(1); // not a second daily copy within 24 hours

    const view = reopened.invoke('backups.restore', { path: list[0]!.path });
    expect(view.file.path).toBe(path.join(folder, `Bryn Derw (restored ${list[0]!.takenAt.slice(0, 10)}).mapio`));
    expect(view.data).toEqual(atBackup);
    expect(view.data.lines[0]?.name).toBe('Precision teaching (reading)');
    expect(view.data.learners).toHaveLength(6);
    expect(view.costed.totals.costPence).toBeGreaterThan(0);
    // The current file still holds the later work; the backup is still there.
    const again = SchoolFile.open(schoolPath);
    opened.push(again);
    expect(again.readYear()).toEqual(current);
    expect(fs.existsSync(list[0]!.path)).toBe(true);

    // Restoring the same copy again never overwrites the first restore.
    const second = reopened.invoke('backups.restore', { path: list[0]!.path });
    expect(second.file.path).toBe(path.join(folder, `Bryn Derw (restored ${list[0]!.takenAt.slice(0, 10)}) 2.mapio`));
  });

  it('refuses to "restore" anything that is not one of its backups, creating nothing', async () => {
    const folder = testFolder();
    const schoolPath = path.join(folder, 'School.mapio');
    SchoolFile.create(schoolPath, testSchoolYear(), { appVersion: 'test' }).close();
    const backend = backendFor(path.join(folder, 'data'), schoolPath);
    await backend.session.backupsSettled;
    const before = fs.readdirSync(folder).sort();
    for (const bad of [schoolPath, '/etc/passwd', path.join(backupsRoot(path.join(folder, 'data')), '..', '..', 'School.mapio')]) {
      const error = await backend.call('backups.restore', { path: bad }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe('invalid_input');
      expect((error as ApiError).message).toMatch(/not one of Mapio’s backups/);
    }
    expect(fs.readdirSync(folder).sort()).toEqual(before);
    expect(backend.invoke('year.get', {}).file.path).toBe(schoolPath);
  });

  it('refuses to restore onto an existing file', async () => {
    const folder = testFolder();
    const schoolPath = path.join(folder, 'School.mapio');
    SchoolFile.create(schoolPath, testSchoolYear(), { appVersion: 'test' }).close();
    const backend = backendFor(path.join(folder, 'data'), schoolPath);
    await backend.session.backupsSettled;
    const [copy] = backend.invoke('backups.list', {});
    const fingerprint = sha256(schoolPath);
    const error = await backend.call('backups.restore', { path: copy!.path, to: schoolPath }).catch((e: unknown) => e);
    expect((error as ApiError).message).toMatch(/already a file at .*never overwrites/);
    expect(sha256(schoolPath)).toBe(fingerprint);
  });

  it('takes a before-import copy when an importer asks for one', async () => {
    const folder = testFolder();
    const schoolPath = path.join(folder, 'School.mapio');
    SchoolFile.create(schoolPath, testSchoolYear(), { appVersion: 'test' }).close();
    const backend = backendFor(path.join(folder, 'data'), schoolPath);
    await backend.session.backupsSettled;
    await backend.session.backupBeforeImport();
    expect(
      backend
        .invoke('backups.list', {})
        .map((b) => b.reason)
        .sort(),
    ).toEqual(['before-import', 'daily']);
  });

  it('keeps the copy made before a file was updated to this version with the other backups', async () => {
    const folder = testFolder();
    const schoolPath = path.join(folder, 'Old.mapio');
    SchoolFile.create(schoolPath, testSchoolYear(), { appVersion: 'test' }).close();
    // Make it look like a file from before migration 0200 (impact's expected progress).
    const db = openDatabase(schoolPath);
    takeBackTo(db, 100);
    db.close();
    const backend = backendFor(path.join(folder, 'data'), schoolPath);
    await backend.session.backupsSettled;
    const list = backend.invoke('backups.list', {});
    const beforeUpdate = list.find((b) => b.reason === 'before-update');
    expect(beforeUpdate).toBeDefined();
    const oldCopy = openDatabase(beforeUpdate!.path, { readonly: true });
    expect(oldCopy.pragma('user_version', { simple: true })).toBe(100);
    oldCopy.close();
  });
});
