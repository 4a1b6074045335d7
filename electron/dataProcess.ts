/**
 * The desktop app's data process: backend/host/backendHostMain.ts (bundled to dist-electron/backendHost.cjs)
 * started as an Electron utilityProcess, so SQLite, imports and exports never run on the main process's
 * thread and a stuck call can be ended without freezing the window (backend/host/processBackend.ts). It
 * gets a temporary folder of its own (TMPDIR/TEMP/TMP), readable by this user only, removed when it ends.
 */
import { utilityProcess } from 'electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HostChild } from '../backend/host/processBackend';

export function spawnElectronHost(modulePath: string): HostChild {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mapio-data-'));
  fs.chmodSync(scratch, 0o700);
  const child = utilityProcess.fork(modulePath, [], {
    serviceName: 'Mapio data',
    stdio: 'inherit',
    env: { ...process.env, TMPDIR: scratch, TEMP: scratch, TMP: scratch },
  });
  child.on('exit', () => fs.rmSync(scratch, { recursive: true, force: true }));
  return {
    get pid() {
      return child.pid;
    },
    send: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', () => listener()),
    kill: () => {
      child.kill();
    },
  };
}
