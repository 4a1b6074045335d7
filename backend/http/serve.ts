/**
 * Browser mode's entry point (`npm run web`, or `node --import tsx backend/http/serve.ts`): opens the
 * backend in Node, starts the loopback server and opens the browser on it.
 *
 * This launch's secret never goes on a command line or into a log (docs/guarantees.md, "The secret stays
 * off the command line"): the browser is opened on a one-time page in a private folder (launchPage.ts),
 * which is deleted as soon as the secret has been used, and the line printed names the address without it:
 *
 *   Mapio is running in browser mode at http://127.0.0.1:5183/ (the secret was handed to the browser through a private file)
 *
 * With `--no-open`, the person running it needs the whole address, so it is written to this terminal's
 * standard output only, with the secret, on one line (the end-to-end tests read it from there):
 *
 *   Mapio is running in browser mode at http://127.0.0.1:5183/?secret=…
 *
 * Runs until Ctrl+C or SIGTERM, then closes the school file cleanly. The database and every import run in
 * a separate data process (backend/host), so this server keeps answering (its static files, a Stop) while
 * a long import runs, a call that runs past its time limit is stopped, and a stop signal is obeyed at once.
 */
import { englishWording } from '../../shared/i18n/apiErrors';
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startProcessBackend, type ProcessBackend } from '../host/processBackend';
import { spawnNodeHost } from '../host/nodeChild';
import { startBrowserServer } from './browserServer';
import { LAUNCH_PAGE_LIFETIME_MS, writeLaunchPage, type LaunchPage } from './launchPage';
import { FlagError, parseServeFlags } from './serveFlags';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const staticDir = process.env.MAPIO_RENDERER_DIR ? path.resolve(process.env.MAPIO_RENDERER_DIR) : path.join(repoRoot, 'dist', 'renderer');

function fail(message: string): never {
  console.error(`Mapio: ${message}`);
  process.exit(1);
}

/**
 * Open `target` (the launch page's file path, never the address with its secret) with the system's opener;
 * `onFailed` runs if the opener cannot be started or reports that it failed.
 */
function openWithSystem(target: string, onFailed: () => void): void {
  const [command, args] = process.platform === 'darwin' ? ['open', [target]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', target]] : ['xdg-open', [target]];
  let failed = false;
  const fallBack = () => {
    if (failed) return;
    failed = true;
    onFailed();
  };
  try {
    const child = spawn(command, args as string[], { stdio: 'ignore', detached: true, windowsHide: true });
    child.on('error', fallBack);
    child.on('exit', (code) => {
      if (code !== 0 && code !== null) fallBack();
    });
    child.unref();
  } catch {
    fallBack();
  }
}

/** The whole address, secret and all, for the person at this terminal only: stdout, never a logger or a file. */
function tellTerminal(line: string): void {
  process.stdout.write(`${line}\n`);
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
    onStartFailed: (error) => fail(`could not open its data folder ${flags.dataDir} (${englishWording(error)}).`),
    onOpenFailed: (error) => console.error(`Mapio: could not open ${flags.file} (${englishWording(error)}). Starting without it.`),
    onRestart: (why) =>
      console.error(
        why === 'exited'
          ? 'Mapio: the data engine stopped unexpectedly and was started again.'
          : `Mapio: a call was stopped (${why === 'timeout' ? 'it ran past its time limit' : 'Stop was pressed'}); the data engine was started again.`,
      ),
  });

  let launchPage: LaunchPage | null = null;
  const removeLaunchPage = () => {
    try {
      launchPage?.remove();
    } catch {
      // Already gone, or the temporary folder is being cleared: nothing is left to protect.
    }
  };
  process.on('exit', removeLaunchPage);

  let server;
  try {
    server = await startBrowserServer({ backend, staticDir, port: flags.port, onSecretUsed: removeLaunchPage });
  } catch (err) {
    await backend.close();
    const code = (err as { code?: unknown }).code;
    if (code === 'EADDRINUSE') fail(`port ${flags.port} is already in use. Choose another with --port N, or leave --port out to pick a free one.`);
    fail(`could not start its browser server (${err instanceof Error ? err.message : String(err)}).`);
  }

  const address = `http://127.0.0.1:${server.port}/`;
  const browserUrl = server.url;
  const printWholeAddress = (why: string) => {
    tellTerminal(`Mapio: ${why} Open this address in your browser (it is for you only; do not share it): ${browserUrl}`);
  };
  if (flags.open) {
    try {
      launchPage = writeLaunchPage(browserUrl);
    } catch {
      launchPage = null;
    }
    if (launchPage) {
      console.log(`Mapio is running in browser mode at ${address} (the secret was handed to the browser through a private file)`);
      setTimeout(removeLaunchPage, LAUNCH_PAGE_LIFETIME_MS).unref();
      openWithSystem(launchPage.path, () => printWholeAddress('could not open a browser by itself.'));
    } else {
      console.log(`Mapio is running in browser mode at ${address}`);
      printWholeAddress('could not write its private launch page, so it cannot open a browser by itself.');
    }
  } else {
    tellTerminal(`Mapio is running in browser mode at ${browserUrl}`);
  }
  console.log('Keep this window open while you use Mapio; press Ctrl+C to stop.');

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // Whatever is running, stop promptly: the data process closes its files, or is ended after a few seconds.
    removeLaunchPage();
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
