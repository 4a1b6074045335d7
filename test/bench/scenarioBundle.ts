import { buildSync } from 'esbuild';

/**
 * A scenario bundled as the desktop app bundles its data process (scripts/build-electron.mjs: one CommonJS
 * file for Node, better-sqlite3 left outside), so its memory is the product's as shipped: run through the
 * TypeScript loader instead, the loader's own thread and every transpiled source held in memory add about
 * 70 MB that no school's laptop ever carries. Run it with `node <bundle>` and NODE_PATH naming the
 * repository's node_modules (the bundle is written outside the repository).
 */
export function bundleForNode(entry: string, outFile: string, root: string): void {
  buildSync({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile: outFile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3'],
    logLevel: 'warning',
    banner: { js: "const __mapioImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'process.env.NODE_ENV': '"production"', 'import.meta.url': '__mapioImportMetaUrl' },
  });
}
