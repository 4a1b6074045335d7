/**
 * Browser mode's entry point (`npm run web`, or `node --import tsx backend/http/serve.ts`): opens the
 * backend in Node, starts the loopback server and prints the address to open, with this launch's
 * secret, on one line:
 *
 *   Mapio is running in browser mode at http://127.0.0.1:5183/?secret=…
 *
 * Runs until Ctrl+C or SIGTERM, then closes the school file cleanly. The database and every import run in
 * a separate data process (backend/host), so this server keeps answering (its static files, a Stop) while
 * a long import runs, a call that runs past its time limit is stopped, and a stop signal is obeyed at once.
 */
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startProcessBackend, type ProcessBackend } from '../host/processBackend';
import { spawnNodeHost } from '../host/nodeChild';
import { startBrowserServer } from './browserServer';
import { FlagError, parseServeFlags } from './serveFlags';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const staticDir = process.env.MAPIO_RENDERER_DIR ? path.resolve(process.env.MAPIO_RENDERER_DIR) : path.join(repoRoot, 'dist', 'renderer');

function fail(message: string): never {
  console.error(`Mapio: ${message}`);
  process.exit(1);
}

function openInBrowser(url: string): void {
  const [command, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(command, args as string[], { stdio: 'ignore', detached: true, windowsHide: true });
    child.on('error', () => console.log('Mapio: could not open a browser by itself; copy the address above into your browser.'));
    child.unref();
  } catch {
    console.log('Mapio: could not open a browser by itself; copy the address above into your browser.');
  }
}

async function main(): Promise<void> {
  let flags;
  try {
    flags = parseServeFlags(process.argv.slice(2));
  } catch (err) {
    if (err instanceof FlagError) fail(err.message);
    throw err;
  }
  if (!existsSync(path.join(staticDir, 'index.html'))) {
    fail(`the screens have not been built (${path.join(staticDir, 'index.html')} is missing). Run "npm start -- --web", which builds them first.`);
  }

  const backend: ProcessBackend = startProcessBackend({
    start: { mode: 'browser', dataDir: flags.dataDir, ...(flags.file ? { openPath: flags.file } : {}) },
    spawn: spawnNodeHost,
    onStartFailed: (error) => fail(`could not open its data folder ${flags.dataDir} (${error.message}).`),
    onOpenFailed: (error) => console.error(`Mapio: could not open ${flags.file} (${error.message}). Starting without it.`),
    onRestart: (why) =>
      console.error(
        why === 'exited'
          ? 'Mapio: the data engine stopped unexpectedly and was started again.'
          : `Mapio: a call was stopped (${why === 'timeout' ? 'it ran past its time limit' : 'Stop was pressed'}); the data engine was started again.`,
      ),
  });

  let server;
  try {
    server = await startBrowserServer({ backend, staticDir, port: flags.port });
  } catch (err) {
    await backend.close();
    const code = (err as { code?: unknown }).code;
    if (code === 'EADDRINUSE') fail(`port ${flags.port} is already in use. Choose another with --port N, or leave --port out to pick a free one.`);
    fail(`could not start its browser server (${err instanceof Error ? err.message : String(err)}).`);
  }

  console.log(`Mapio is running in browser mode at ${server.url}`);
  console.log('Keep this window open while you use Mapio; press Ctrl+C to stop.');
  if (flags.open) openInBrowser(server.url);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // Whatever is running, stop promptly: the data process closes its files, or is ended after a few seconds.
    setTimeout(() => process.exit(0), 8_000).unref();
    void Promise.allSettled([server.close(), backend.close()]).finally(() => {
      console.log('Mapio stopped.');
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
