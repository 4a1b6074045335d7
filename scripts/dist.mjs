#!/usr/bin/env node
// `npm run dist`: build, package installers with electron-builder, then put back the Node-ABI build
// of better-sqlite3 that tests, the CLI and browser mode use (electron-builder rebuilds the module in
// node_modules for Electron's ABI while packaging). Needs internet access for Electron's binaries.
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  return r.status ?? 1;
};
let status = run('npm', ['run', 'build']);
if (status === 0) status = run('npx', ['electron-builder', ...process.argv.slice(2)]);
const restored = run('npm', ['rebuild', 'better-sqlite3']);
process.exit(status || restored);
