import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const FIRST_CALLS = fileURLToPath(new URL('./renderer/sendFirstCalls.ts', import.meta.url));
/** The first calls' script is 3 KB: more means it has taken in some of the app's code. */
const FIRST_CALLS_MAX_CHARACTERS = 8_000;
/** The modules the first calls' script is made of: its entry, the calls, the transport and the window's going away it asks about, the count of calls in flight (zustand's vanilla store) and the error codes. */
const FIRST_CALLS_GRAPH = /[\\/](sendFirstCalls|api[\\/]firstCalls|api[\\/]transport|state[\\/]windowLeaving|state[\\/]callsInFlight|api[\\/]errorCodes)\.ts$|[\\/]zustand[\\/]esm[\\/]vanilla\.mjs$/;

/**
 * The window's first calls (renderer/sendFirstCalls.ts) built as an entry of their own and put in the page
 * as an `async` module script just before the app's entry, after the Content-Security-Policy that governs
 * both: the page runs it as soon as its 2.5 KB have arrived, so app.info and year.get leave while the
 * app's code is still arriving and being evaluated (docs/performance.md, "Round 12: the first calls from
 * a script of their own"). The build fails rather than ship a page without it.
 */
function firstCallsScript(): Plugin {
  // Its length is only checked in a minified build: an unminified one, made to profile, is longer.
  let minified = true;
  return {
    name: 'mapio-first-calls-script',
    apply: 'build',
    configResolved(config) {
      minified = config.build.minify !== false;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.isEntry && c.facadeModuleId === FIRST_CALLS);
        if (!chunk) throw new Error('the first calls script was not built');
        // It must run on its own and at once, before the app's code has arrived: a module of the app it comes
        // to import lands in another chunk, which the script would wait for, or brings the app's code into the
        // script with it (the bundler does either).
        if (chunk.type === 'chunk') {
          const foreign = chunk.moduleIds.filter((id) => id !== FIRST_CALLS && !FIRST_CALLS_GRAPH.test(id));
          const found =
            chunk.imports.length > 0
              ? `imports ${chunk.imports.join(', ')}`
              : foreign.length > 0
                ? `holds ${foreign.length} module(s) besides its own, among them ${foreign[0]}`
                : minified && chunk.code.length > FIRST_CALLS_MAX_CHARACTERS
                  ? `is ${chunk.code.length} characters long`
                  : null;
          if (found) throw new Error(`the first calls script ${found}: it should import only FIRST_CALLS_GRAPH's modules (vite.config.ts)`);
        }
        const entry = '<script type="module" crossorigin src="./assets/';
        if (!html.includes(entry)) throw new Error('the page has no entry script to put the first calls before');
        return html.replace(entry, `<script type="module" async crossorigin src="./${chunk.fileName}"></script>\n    ${entry}`);
      },
    },
  };
}

// The renderer is a static bundle loaded from disk by Electron (file:// or app://) and served by the
// browser-mode server: relative asset paths, no remote fonts or CDNs (the CSP in index.html forbids them).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), firstCallsScript()],
  resolve: {
    // shared/i18n starts with both catalogues in Node (shared/i18n/startCatalogues.ts, imported only by
    // shared/i18n/translator.ts); the renderer starts with none and loads the reader's language before its
    // first render, the other when chosen (renderer/i18n/catalogues.ts: English in the first bundle, Welsh a
    // chunk of its own; docs/performance.md).
    alias: [{ find: /^\.\/startCatalogues$/, replacement: fileURLToPath(new URL('./renderer/i18n/startCatalogues.ts', import.meta.url)) }],
  },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    // Loaded from disk, never over a network: large chunks are fine (the chart screens are their own, App.tsx).
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      input: { index: fileURLToPath(new URL('./renderer/index.html', import.meta.url)), firstCalls: FIRST_CALLS },
      // The contract's modules only declare (operations, zod schemas, error and patch helpers): none does
      // anything on import. Saying so lets a screen import `ApiError` or a type through the contract's
      // index without the bundle keeping every operation's schema, and zod with them, in the first bundle
      // (docs/performance.md). The backend validates with the same schemas; it is not bundled by vite.
      // Three files before the first paint, not ten: the first calls' script, and one chunk of everything
      // the app's entry imports statically (React, the English catalogue, the shell, the map). Left to
      // itself the bundler split out every module a lazy screen also imports, and the page then asked for
      // ten files at once: more than the six a browser sends to one host together, so the last scripts
      // and the first calls waited for a free connection (docs/performance.md, "Round 13"). Lazy screens
      // stay chunks of their own and import what they share from the entry's chunk.
      output: {
        codeSplitting: {
          groups: [
            { name: 'firstCalls', test: FIRST_CALLS_GRAPH, priority: 2 },
            { name: 'index', tags: ['$initial'], test: (id: string) => !FIRST_CALLS_GRAPH.test(id), priority: 1 },
          ],
        },
      },
      treeshake: { moduleSideEffects: [{ test: /[\\/]shared[\\/](api[\\/][^\\/]+|schemas)\.ts$/, sideEffects: false }] },
    },
  },
  server: { strictPort: false },
});
