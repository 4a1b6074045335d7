/**
 * Browser mode as launched (serve.ts in its own process), with a stand-in `xdg-open` first on PATH that
 * records its command line and copies the page it was given: the secret must reach the browser only
 * through the private launch page, never a command line or a printed line, and the page must be gone
 * once the secret has been used. Linux only (the opener there is xdg-open).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

let folder: string;
let child: ChildProcess | null = null;

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'mapio-serve-test-'));
});
afterEach(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  child = null;
  rmSync(folder, { recursive: true, force: true });
});

async function waitFor(check: () => boolean, what: string, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.runIf(process.platform === 'linux')('serve.ts: the secret stays off command lines and printed lines', () => {
  it('opens a private launch page, prints the address without the secret, and deletes the page once the secret is used', async () => {
    const bin = path.join(folder, 'bin');
    const renderer = path.join(folder, 'renderer');
    const tmp = path.join(folder, 'tmp');
    mkdirSync(bin);
    mkdirSync(renderer);
    mkdirSync(tmp);
    writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Mapio</title>');
    const argvFile = path.join(folder, 'opener-argv.txt');
    const pageCopy = path.join(folder, 'page-copy.html');
    writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$0" "$@" > '${argvFile}'\ncp "$1" '${pageCopy}'\n`);
    chmodSync(path.join(bin, 'xdg-open'), 0o755);

    let output = '';
    child = spawn(process.execPath, ['--import', 'tsx', 'backend/http/serve.ts', '--port', '0', '--data-dir', path.join(folder, 'data')], {
      cwd: process.cwd(),
      env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, TMPDIR: tmp, MAPIO_RENDERER_DIR: renderer, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));

    await waitFor(() => existsSync(pageCopy) && /running in browser mode at/.test(output), 'the opener to be run');
    const argv = readFileSync(argvFile, 'utf8').trim().split('\n');
    const page = readFileSync(pageCopy, 'utf8');
    const url = /location\.replace\("(http:\/\/127\.0\.0\.1:\d+\/\?secret=([\w-]+))"\)/.exec(page);
    expect(url, page).not.toBeNull();
    const [, address = '', secret = ''] = url ?? [];

    // The opener was given the page's path in a private folder under the temporary folder, nothing else.
    expect(argv).toHaveLength(2);
    const opened = argv[1] ?? '';
    expect(opened.startsWith(path.join(tmp, 'mapio-launch-'))).toBe(true);
    expect(argv.join(' ')).not.toContain(secret);
    const port = /127\.0\.0\.1:(\d+)/.exec(address)?.[1];
    expect(output).toContain(`Mapio is running in browser mode at http://127.0.0.1:${port}/ (the secret was handed to the browser through a private file)`);
    expect(output).not.toContain(secret);
    expect(existsSync(opened)).toBe(true);

    // The browser follows the page: the secret has been used, so the page and its folder are deleted.
    const reply = await fetch(address);
    expect(reply.status).toBe(200);
    await waitFor(() => !existsSync(path.dirname(opened)), 'the launch page to be deleted', 5_000);
    expect(output).not.toContain(secret);
  }, 60_000);
});
