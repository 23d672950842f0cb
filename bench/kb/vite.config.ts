/**
 * Builds the knowledge-base benchmark page (bench/kb/index.html → out/bench-kb-ingest): the real
 * KB client and worker from renderer/src/kb, plus a bare-Dexie worker for the baseline,
 * and the scale page (scale.html). `npm run bench:kb` and `bench:kb-scale` build it first.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  logLevel: 'warn',
  build: {
    outDir: resolve(import.meta.dirname, '../../out/bench-kb-ingest'),
    emptyOutDir: true,
    // Minified like the renderer, so the worker runs the code the app ships.
    minify: true,
    rollupOptions: { input: [resolve(import.meta.dirname, 'index.html'), resolve(import.meta.dirname, 'scale.html')] },
  },
});
