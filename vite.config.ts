import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is a static bundle loaded from disk by Electron (file:// or app://) and served by the
// browser-mode server: relative asset paths, no remote fonts or CDNs (the CSP in index.html forbids them).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    // Loaded from disk, never over a network: large chunks are fine (the chart screens are their own, App.tsx).
    chunkSizeWarningLimit: 1500,
  },
  server: { strictPort: false },
});
