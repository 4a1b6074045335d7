#!/usr/bin/env node
/**
 * Bundle the desktop shell with esbuild:
 *   electron/main.ts    -> dist-electron/main.cjs    (the window, menu and the door to the data process)
 *   backend/host/backendHostMain.ts -> dist-electron/backendHost.cjs (the data process: backend, db, shared)
 *   electron/preload.ts -> dist-electron/preload.cjs (sandboxed: bundles nothing but the bridge)
 * `electron` and `better-sqlite3` stay external (native module, rebuilt per Electron ABI).
 * Also writes dist-electron/package.json so `electron dist-electron` runs as "Mapio" with the app's version.
 *
 * Usage: node scripts/build-electron.mjs            (or import { buildElectron } from it)
 */
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ELECTRON_OUT_DIR = path.join(root, 'dist-electron');

export async function buildElectron({ minify = false } = {}) {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const nodeTarget = Number(electronVersion.split('.')[0]) >= 39 ? 'node22' : 'node20';
  mkdirSync(ELECTRON_OUT_DIR, { recursive: true });
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: nodeTarget,
    outExtension: { '.js': '.cjs' },
    outdir: ELECTRON_OUT_DIR,
    sourcemap: true,
    minify,
    legalComments: 'none',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
  };
  await Promise.all([
    build({
      ...common,
      entryPoints: { main: 'electron/main.ts', backendHost: 'backend/host/backendHostMain.ts' },
      external: ['electron', 'better-sqlite3'],
      // ESM code bundled into CommonJS: give `import.meta.url` its meaning back.
      banner: { js: "const __mapioImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
      define: { ...common.define, 'import.meta.url': '__mapioImportMetaUrl' },
    }),
    build({
      ...common,
      entryPoints: { preload: 'electron/preload.ts' },
      external: ['electron'],
    }),
  ]);
  writeFileSync(
    path.join(ELECTRON_OUT_DIR, 'package.json'),
    JSON.stringify({ name: pkg.name, productName: pkg.productName, version: pkg.version, description: pkg.description, main: 'main.cjs' }, null, 2) + '\n',
  );
  return { main: path.join(ELECTRON_OUT_DIR, 'main.cjs'), preload: path.join(ELECTRON_OUT_DIR, 'preload.cjs') };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  buildElectron({ minify: process.argv.includes('--minify') }).then(
    (out) => console.log(`Built ${path.relative(root, out.main)} and ${path.relative(root, out.preload)}`),
    (err) => {
      console.error(`Mapio: could not build the desktop shell: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
