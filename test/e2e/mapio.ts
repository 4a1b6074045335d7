/**
 * Starts a real Mapio in browser mode (the same entry point `npm run web` uses) on a free loopback
 * port with its own data folder, and stops it again. The backend, engine and SQLite file are real.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface RunningMapio {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

// Playwright runs from the repository root (npm test / npx playwright test).
const repoRoot = process.cwd();

export function newDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'mapio-e2e-'));
}

/** `env`: more of the server's environment (e.g. MAPIO_RENDERER_DIR, the built screens it serves). */
export async function startMapio(dataDir: string, extraArgs: string[] = [], env: Record<string, string> = {}): Promise<RunningMapio> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'backend/http/serve.ts', '--no-open', '--port', '0', '--data-dir', dataDir, ...extraArgs], {
    cwd: repoRoot,
    // New school files typed as a bare name go in the test's own folder, never the real Documents folder.
    env: { ...process.env, FORCE_COLOR: '0', MAPIO_SCHOOL_FOLDER: path.join(dataDir, 'Documents', 'Mapio'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Mapio did not start within 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running in browser mode at (http:\/\/127\.0\.0\.1:\d+\/\?secret=[\w-]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Mapio exited with code ${code}:\n${output}`));
    });
  });
  return {
    url,
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
  };
}
