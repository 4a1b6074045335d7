/**
 * Nothing can hang the app. The data process (a real Node child process running the real backend) answers
 * the door; a call past its time limit is stopped and the process started again on the file that was
 * open; Stop does the same at once; a process that dies is replaced; browser mode's server keeps serving
 * while a long import runs, and SIGTERM ends it promptly even then. Limits here are set tiny (a
 * millisecond to open a file of 2,000 learners) so that running past them is certain, not timed.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AppInfo, type MutationResult, type YearView } from '../../shared/api/contract';
import { SchoolFile } from '../../db/schoolFile';
import { largeSchoolYear, testSchoolYear } from '../../test/support/testSchoolYear';
import { buildHostileFiles } from '../../test/unit/hardening/hostileFiles';
import { startBrowserServer, SECRET_HEADER } from '../http/browserServer';
import { spawnNodeHost } from './nodeChild';
import { startProcessBackend, type HostChild, type ProcessBackend } from './processBackend';
import { refusal } from '../../test/unit/hardening/refusal';

let folder: string;
let schoolA: string;
let bigSchool: string;
const running: ProcessBackend[] = [];
const pids: number[] = [];

function spawnRecorded(): HostChild {
  const child = spawnNodeHost();
  if (child.pid) pids.push(child.pid);
  return child;
}

function start(limits: Parameters<typeof startProcessBackend>[0]['limits'] = {}): ProcessBackend {
  const backend = startProcessBackend({ start: { mode: 'browser', dataDir: path.join(folder, 'data'), openPath: schoolA }, spawn: spawnRecorded, limits });
  running.push(backend);
  return backend;
}

const mapping = { ref: 0, surname: null, forename: null, name: 1, yearGroup: 2, alnStatus: null, efsm: null, lookedAfter: null, welshAlp: null };
function thirtyThousandLearners(): string {
  const lines = ['UPN,Name,Year'];
  for (let i = 0; i < 30_000; i++) lines.push(`R${i},Learner ${i},Y4`);
  return Buffer.from(lines.join('\n')).toString('base64');
}

beforeAll(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mapio-host-'));
  schoolA = path.join(folder, 'School A.mapio');
  SchoolFile.create(schoolA, testSchoolYear(), { appVersion: 'test' }).close();
  bigSchool = path.join(folder, 'Big school.mapio');
  SchoolFile.create(bigSchool, largeSchoolYear(2000, 150, 2500), { appVersion: 'test' }).close();
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((b) => b.close()));
});
afterAll(() => {
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('the data process', () => {
  it('answers the door: open, edit, view; closing it closes the school file cleanly', async () => {
    const backend = start();
    const info = (await backend.call('app.info', {})) as AppInfo;
    expect(info.file?.path).toBe(schoolA);
    const edited = (await backend.call('lines.update', { id: 1, changes: { name: 'Renamed through the data process' } })) as MutationResult;
    expect(edited.view.data.lines[0]?.name).toBe('Renamed through the data process');
    await refusal(backend.call('lines.update', { id: 1, changes: { minutesPerSession: -1 } })).then((e) => expect(e.code).toBe('invalid_input'));
    await backend.close();
    expect(fs.existsSync(`${schoolA}-wal`)).toBe(false);
    const reopened = SchoolFile.open(schoolA);
    expect(reopened.readYear().lines[0]?.name).toBe('Renamed through the data process');
    reopened.close();
  });

  it('a file whose open runs past its limit is abandoned: not opened, not in Recent files; the file that was open is open again', async () => {
    const backend = start({ open: 1 });
    await backend.call('app.info', {});
    const error = await refusal(backend.call('file.open', { path: bigSchool }));
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(/^Mapio stopped opening the file because it took longer than a second, far longer than it should\./);
    expect(error.message).toMatch(/it was not opened \(nor added to Recent files\); the file that was open before is open again/);
    const info = (await backend.call('app.info', {})) as AppInfo;
    expect(info.file?.path).toBe(schoolA);
    expect(info.recentFiles).not.toContain(bigSchool);
    expect(((await backend.call('year.get', {})) as YearView).data.lines).toHaveLength(4);
  });

  it('Stop ends a long import at once; nothing of it is saved and the app answers on the same file', async () => {
    const backend = start();
    await backend.call('app.info', {});
    const importing = refusal(backend.call('mis.import', { fileName: 'everyone.csv', contentBase64: thirtyThousandLearners(), mapping }));
    expect(await backend.call('app.stop', {})).toEqual({ stopped: true });
    const error = await importing;
    expect(error.code).toBe('cancelled');
    expect(((await backend.call('year.get', {})) as YearView).data.learners).toHaveLength(6);
    expect(await backend.call('app.stop', {})).toEqual({ stopped: false });
  });

  it('a data process that dies is replaced, and the call it had is answered with a sentence', async () => {
    const backend = start();
    await backend.call('app.info', {});
    const pid = pids[pids.length - 1]!;
    const importing = refusal(backend.call('mis.import', { fileName: 'everyone.csv', contentBase64: thirtyThousandLearners(), mapping }));
    process.kill(pid, 'SIGKILL');
    const error = await importing;
    expect(error.code).toBe('internal');
    expect(error.message).toMatch(/^Mapio’s data engine stopped unexpectedly and has been started again/);
    expect(((await backend.call('app.info', {})) as AppInfo).file?.path).toBe(schoolA);
  });

  it('hostile files are refused through it and it goes on answering', async () => {
    const backend = start();
    const hostile = buildHostileFiles(fs.mkdtempSync(path.join(folder, 'hostile-')));
    for (const file of hostile) {
      expect((await refusal(backend.call('file.open', { path: file.path }))).code).toBe(file.code);
      expect(((await backend.call('app.info', {})) as AppInfo).file?.path).toBe(schoolA);
    }
  });
});

describe('browser mode with the data process', () => {
  it('serves its pages while a long import runs (the import is still running when the page arrives)', async () => {
    const staticDir = fs.mkdtempSync(path.join(folder, 'static-'));
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Mapio</title>');
    const backend = start();
    const server = await startBrowserServer({ backend, staticDir, log: () => undefined });
    try {
      const headers = { 'Content-Type': 'application/json', [SECRET_HEADER]: server.secret };
      let importDone = false;
      const importing = fetch(`http://127.0.0.1:${server.port}/api/mis.import`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ fileName: 'everyone.csv', contentBase64: thirtyThousandLearners(), mapping }),
      }).then((r) => {
        importDone = true;
        return r;
      });
      // Wait until the data process has the import (the parent has answered nothing yet).
      const page = await fetch(`http://127.0.0.1:${server.port}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>Mapio</title>');
      expect(importDone).toBe(false);
      expect((await importing).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('SIGTERM ends browser mode promptly, even in the middle of a long import', async () => {
    const staticDir = fs.mkdtempSync(path.join(folder, 'static-'));
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Mapio</title>');
    const dataDir = fs.mkdtempSync(path.join(folder, 'serve-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'backend/http/serve.ts', '--no-open', '--port', '0', '--data-dir', dataDir, '--file', schoolA], {
      cwd: path.resolve(import.meta.dirname, '..', '..'),
      env: { ...process.env, MAPIO_RENDERER_DIR: staticDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const m = /running in browser mode at (http:\/\/127\.0\.0\.1:\d+\/\?secret=[\w-]+)/.exec(output);
        if (m?.[1]) {
          clearInterval(timer);
          resolve(m[1]);
        }
      }, 50);
      void exited.then(() => reject(new Error(`serve.ts exited: ${output}`)));
    });
    const { origin, searchParams } = new URL(url);
    const importing = fetch(`${origin}/api/mis.import`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [SECRET_HEADER]: searchParams.get('secret') ?? '' },
      body: JSON.stringify({ fileName: 'everyone.csv', contentBase64: thirtyThousandLearners(), mapping }),
    }).catch(() => null);
    // The import has reached the server once it is reading the body; then the signal.
    await new Promise((r) => setTimeout(r, 200));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toMatch(/Mapio stopped\./);
    await importing;
  });
});
