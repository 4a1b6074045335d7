/**
 * The data process as a Node child process (browser mode, tests): `backendHostMain.ts` bundled as the
 * desktop app bundles it (dataProcessBundle.ts, made again whenever a source changed), with a temporary
 * folder of its own (TMPDIR/TEMP/TMP), readable by this user only, removed when it ends, so nothing it
 * writes there (a scenario's working copy) outlives it even when it is ended at once.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshDataProcessBundle } from './dataProcessBundle';
import type { HostChild } from './processBackend';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function spawnNodeHost(): HostChild {
  const bundle = freshDataProcessBundle(REPO_ROOT);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mapio-data-'));
  fs.chmodSync(scratch, 0o700);
  const child = fork(bundle, [], {
    execArgv: [],
    env: { ...process.env, TMPDIR: scratch, TEMP: scratch, TMP: scratch },
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  child.on('exit', () => fs.rmSync(scratch, { recursive: true, force: true }));
  return {
    pid: child.pid,
    send: (message) => {
      // A process that has just died can still read as connected; the write then fails with EPIPE, which
      // without a callback is an 'error' event that nothing handles and would end the server. Its exit,
      // which follows, starts a new data process and answers the calls it had (processBackend.ts).
      if (child.connected) child.send(message, () => undefined);
    },
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', () => listener()),
    kill: () => {
      child.kill('SIGKILL');
    },
  };
}
