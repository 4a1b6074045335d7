import { buildSync } from 'esbuild';
import { NODE_BUNDLE_OPTIONS } from '../../backend/host/dataProcessBundle';

/**
 * A scenario bundled as the desktop app bundles its data process (`NODE_BUNDLE_OPTIONS`: one CommonJS file
 * for Node, better-sqlite3 left outside), so its memory is the product's as shipped: run through the
 * TypeScript loader instead, the loader's own thread and every transpiled source held in memory add about
 * 70 MB that no school's laptop ever carries. Run it with `node <bundle>` and NODE_PATH naming the
 * repository's node_modules (the bundle is written outside the repository).
 */
export function bundleForNode(entry: string, outFile: string, root: string): void {
  buildSync({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile: outFile,
    ...NODE_BUNDLE_OPTIONS,
    logLevel: 'warning',
  });
}
