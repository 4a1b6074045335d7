/**
 * Browser mode's data process as one bundled file, as the desktop app's is (scripts/build-electron.mjs:
 * CommonJS for Node, better-sqlite3 left outside), instead of its sources run through the TypeScript
 * loader. Started through the loader it took 2.4–2.8 s from spawn to its first answered year, the loader
 * transpiling some 180 files on every start; bundled, 1.4–1.5 s (docs/performance.md, "Round 14: browser
 * mode's data process bundled").
 *
 * The bundle is made again whenever it may not be the sources' own: it is missing, or any file it was
 * made from (esbuild's list of its inputs, kept beside it) is newer than it or gone, or the lockfile
 * changed. So an edited source is never run from an old bundle. It is written under a name of its own
 * and then renamed into place, so servers starting together (tests in parallel) each see a whole file.
 */
import { buildSync, type BuildOptions } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

/**
 * How the data process is bundled for Node (as scripts/build-electron.mjs bundles it for the desktop app):
 * one CommonJS file, better-sqlite3 left outside (a native module), and the ESM code's `import.meta.url`
 * given its meaning back. The bench bundles its scenarios the same way (test/bench/scenarioBundle.ts).
 */
export const NODE_BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['better-sqlite3'],
  legalComments: 'none',
  banner: { js: "const __mapioImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'process.env.NODE_ENV': '"production"', 'import.meta.url': '__mapioImportMetaUrl' },
} as const satisfies BuildOptions;

/** The data process's entry, relative to the repository. */
const ENTRY = 'backend/host/backendHostMain.ts';

interface BundleInputs {
  /** Every source file the bundle was made from, relative to the repository (node_modules' included). */
  inputs: string[];
}

/** Whether `file` changed after `since`; a file that is gone counts as `gone` says. */
function newerThan(file: string, since: number, gone: boolean): boolean {
  try {
    return fs.statSync(file).mtimeMs > since;
  } catch {
    return gone;
  }
}

/** Whether the bundle at `out` is missing or older than anything it was made from. */
function isStale(root: string, out: string, inputsFile: string): boolean {
  let builtAt: number;
  let recorded: BundleInputs;
  try {
    builtAt = fs.statSync(out).mtimeMs;
    recorded = JSON.parse(fs.readFileSync(inputsFile, 'utf8')) as BundleInputs;
  } catch {
    return true;
  }
  if (!Array.isArray(recorded.inputs) || recorded.inputs.length === 0) return true;
  if (newerThan(path.join(root, 'package-lock.json'), builtAt, false)) return true;
  // A source that is gone was bundled all the same: the bundle may hold what the sources no longer say.
  return recorded.inputs.some((input) => newerThan(path.join(root, input), builtAt, true));
}

/**
 * Write `text` to `file` whole: under a name of this process's own first, then renamed into place. Where
 * the rename is refused (Windows refuses to replace a file another process is reading at that moment: a
 * server starting beside this one) and the file is there, the other process has just written the same
 * build, and this one is dropped.
 */
function writeWhole(file: string, text: string | Uint8Array): void {
  const part = `${file}.${process.pid}.part`;
  fs.writeFileSync(part, text);
  try {
    fs.renameSync(part, file);
  } catch (error) {
    fs.rmSync(part, { force: true });
    if (!fs.existsSync(file)) throw error;
  }
}

/** The path of a bundle of the data process made from the sources as they are now, made first if need be. */
export function freshDataProcessBundle(root: string): string {
  const dir = path.join(root, 'dist', 'data-process');
  const out = path.join(dir, 'backendHost.cjs');
  const inputsFile = path.join(dir, 'backendHost.inputs.json');
  if (!isStale(root, out, inputsFile)) return out;
  fs.mkdirSync(dir, { recursive: true });
  // The bundle is dated from before its sources were read, so a source saved during the build makes it stale.
  const startedAt = new Date();
  const result = buildSync({
    absWorkingDir: root,
    entryPoints: [ENTRY],
    outfile: out,
    ...NODE_BUNDLE_OPTIONS,
    sourcemap: true,
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles.find((f) => f.path === out);
  const map = result.outputFiles.find((f) => f.path === `${out}.map`);
  if (!code) throw new Error(`esbuild made no ${path.relative(root, out)}`);
  // The list of inputs and the map first, the bundle last: a bundle is only ever beside its own list.
  writeWhole(inputsFile, JSON.stringify({ inputs: Object.keys(result.metafile.inputs) } satisfies BundleInputs));
  if (map) writeWhole(`${out}.map`, map.contents);
  writeWhole(out, code.contents);
  fs.utimesSync(out, startedAt, startedAt);
  return out;
}
