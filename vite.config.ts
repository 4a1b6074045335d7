import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is a static bundle loaded from disk by Electron (file:// or app://) and served by the
// browser-mode server: relative asset paths, no remote fonts or CDNs (the CSP in index.html forbids them).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
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
      // The contract's modules only declare (operations, zod schemas, error and patch helpers): none does
      // anything on import. Saying so lets a screen import `ApiError` or a type through the contract's
      // index without the bundle keeping every operation's schema, and zod with them, in the first bundle
      // (docs/performance.md). The backend validates with the same schemas; it is not bundled by vite.
      treeshake: { moduleSideEffects: [{ test: /[\\/]shared[\\/](api[\\/][^\\/]+|schemas)\.ts$/, sideEffects: false }] },
    },
  },
  server: { strictPort: false },
});
