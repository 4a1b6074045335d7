#!/usr/bin/env node
/**
 * `npm start`: Mapio in its desktop window where Electron can run, otherwise in browser mode.
 * `npm start -- --web` / `npm run web`: browser mode.
 * Flags: --port N, --no-open (browser mode); --data-dir DIR, --file PATH (both).
 *
 * Steps: build the renderer if its sources changed (vite build -> dist/renderer); if not forced into
 * browser mode, find Electron's binary (in a child process, with a timeout: Electron fetches it on
 * first use), build the shell (scripts/build-electron.mjs), build better-sqlite3 for Electron's ABI
 * in .electron-native/ (never touching node_modules' Node build), and launch. Any failure on the way
 * falls back to browser mode with a notice saying why.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const forceWeb = args.includes('--web') || process.env.MAPIO_WEB === '1';
const passArgs = args.filter((a) => a !== '--web');

const rendererOut = path.join(root, 'dist', 'renderer', 'index.html');
const electronOut = path.join(root, 'dist-electron', 'main.cjs');
const nativeDir = path.join(root, '.electron-native');
const nativeCopy = path.join(nativeDir, 'better-sqlite3');
const nativeBinding = path.join(nativeCopy, 'build', 'Release', 'better_sqlite3.node');
const nativeStamp = path.join(nativeDir, 'built-for.txt');

function say(line) {
  console.log(`Mapio: ${line}`);
}

/** Newest modification time (ms) of any file under the given paths, skipping build output. */
function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    let info;
    try {
      info = statSync(p);
    } catch {
      return;
    }
    if (info.isDirectory()) {
      for (const entry of readdirSync(p)) {
        if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
        visit(path.join(p, entry));
      }
    } else if (!/\.test\.tsx?$/.test(p)) {
      newest = Math.max(newest, info.mtimeMs);
    }
  };
  for (const p of paths) visit(path.join(root, p));
  return newest;
}

function isStale(output, inputs) {
  if (!existsSync(output)) return true;
  return newestMtime(inputs) > statSync(output).mtimeMs;
}

function buildRenderer() {
  if (!isStale(rendererOut, ['renderer', 'shared', 'vite.config.ts', 'package.json'])) return;
  say('building the screens (vite build)…');
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0 || !existsSync(rendererOut)) {
    console.error('Mapio: building the screens failed (see the messages above). Fix them and run npm start again.');
    process.exit(1);
  }
}

async function buildShell() {
  if (!isStale(electronOut, ['electron', 'backend', 'db', 'shared', 'renderer/api', 'package.json', 'scripts/build-electron.mjs'])) return;
  say('building the desktop shell…');
  const { buildElectron } = await import('./build-electron.mjs');
  await buildElectron();
}

/** Why the desktop window cannot run here, or null if it may. */
function displayProblem() {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'no graphical display is available';
  return null;
}

/** Electron's executable, fetched on first use by `require('electron')`; probed in a child so a hang or crash cannot stop us. */
function findElectron() {
  const probe =
    "try{const p=require('electron');process.stdout.write('\\nMAPIO_ELECTRON_PATH='+p+'\\n')}" +
    "catch(e){process.stdout.write('\\nMAPIO_ELECTRON_ERROR='+String((e&&e.message)||e).split('\\n')[0]+'\\n')}";
  const result = spawnSync(process.execPath, ['-e', probe], { cwd: root, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined } });
  if (result.error) {
    return { error: result.error.code === 'ETIMEDOUT' ? "fetching Electron's program took too long" : `looking for Electron failed: ${result.error.message}` };
  }
  const out = result.stdout ?? '';
  const found = /MAPIO_ELECTRON_PATH=(.+)/.exec(out);
  if (found && found[1] && existsSync(found[1].trim())) return { path: found[1].trim() };
  const failed = /MAPIO_ELECTRON_ERROR=(.+)/.exec(out);
  if (failed && /failed to install correctly|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|network/i.test(failed[1])) {
    return { error: "Electron's program is not installed and could not be downloaded; is this computer offline?" };
  }
  return { error: failed ? `Electron's program could not be found: ${failed[1].trim()}` : "Electron's program is not installed" };
}

/** better-sqlite3 rebuilt for Electron's ABI, in .electron-native/ (rebuilt only when missing or Electron changed). */
async function electronNativeBinding() {
  const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const source = path.join(root, 'node_modules', 'better-sqlite3');
  const sqliteVersion = JSON.parse(readFileSync(path.join(source, 'package.json'), 'utf8')).version;
  const wanted = `electron ${electronVersion} better-sqlite3 ${sqliteVersion} ${process.platform}-${process.arch}`;
  if (existsSync(nativeBinding) && existsSync(nativeStamp) && readFileSync(nativeStamp, 'utf8').trim() === wanted) return nativeBinding;

  say(`building the database module for Electron ${electronVersion} (once)…`);
  rmSync(nativeCopy, { recursive: true, force: true });
  rmSync(nativeStamp, { force: true });
  mkdirSync(nativeDir, { recursive: true });
  // Copy without the Node-ABI build so a rebuild that silently does nothing cannot leave the wrong binary.
  cpSync(source, nativeCopy, {
    recursive: true,
    filter: (src) => path.relative(source, src).split(path.sep)[0] !== 'build',
  });
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: nativeCopy, projectRootPath: nativeCopy, electronVersion, force: true, mode: 'sequential' });
  if (!existsSync(nativeBinding)) throw new Error('the rebuild finished without producing better_sqlite3.node');
  writeFileSync(nativeStamp, wanted + '\n');
  return nativeBinding;
}

/** Launch the desktop window; resolves to a reason string if it could not run, or never (exits with Electron). */
function launchElectron(electronPath, binding) {
  return new Promise((resolve) => {
    const started = Date.now();
    const env = { ...process.env, MAPIO_SQLITE_NATIVE_BINDING: binding };
    delete env.ELECTRON_RUN_AS_NODE;
    const electronArgs = [path.join(root, 'dist-electron'), ...passArgs.filter((a) => a !== '--no-open')];
    const portAt = electronArgs.indexOf('--port');
    if (portAt >= 0) electronArgs.splice(portAt, 2);
    const child = spawn(electronPath, electronArgs, { cwd: root, stdio: 'inherit', env });
    process.on('SIGINT', () => child.kill('SIGINT'));
    process.on('SIGTERM', () => child.kill('SIGTERM'));
    child.on('error', (err) => resolve(`the desktop window could not be started: ${err.message}`));
    child.on('exit', (code, signal) => {
      if (code !== 0 && !signal && Date.now() - started < 8000) {
        resolve(`the desktop window closed as soon as it opened (exit code ${code})`);
        return;
      }
      process.exit(code ?? 0);
    });
  });
}

/**
 * Browser mode: the backend and loopback server in Node (TypeScript through tsx). `reason`: why the desktop
 * window could not start, said first, so the person reads why before the address the server prints.
 */
function runBrowserMode(reason) {
  if (reason !== null) console.log(`Mapio could not start its desktop window here (${reason}), so it starts in browser mode instead.\n`);
  const serveArgs = passArgs.filter((a) => a !== '--web');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'backend', 'http', 'serve.ts'), ...serveArgs], {
    cwd: root,
    stdio: 'inherit',
  });
  // Ctrl+C reaches the child directly; wait for it to close the school file and exit.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

async function main() {
  buildRenderer();
  if (forceWeb) return runBrowserMode(null);

  const noDisplay = displayProblem();
  if (noDisplay) return runBrowserMode(noDisplay);

  const electron = findElectron();
  if (!electron.path) return runBrowserMode(electron.error);

  try {
    await buildShell();
  } catch (err) {
    return runBrowserMode(`building the desktop shell failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  let binding;
  try {
    binding = await electronNativeBinding();
  } catch (err) {
    const detail = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    return runBrowserMode(`the database module could not be built for Electron: ${detail}`);
  }
  const problem = await launchElectron(electron.path, binding);
  return runBrowserMode(problem);
}

main().catch((err) => {
  console.error(`Mapio: could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
