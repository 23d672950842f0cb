/** Builds the `bench:lookup` page (bench/lookup/lookup.html → out/bench-lookup): the real KB client and worker, and the plain-get worker. */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  logLevel: 'warn',
  build: {
    outDir: resolve(import.meta.dirname, '../../out/bench-lookup'),
    emptyOutDir: true,
    // Minified like the renderer, so the worker runs the code the app ships.
    minify: true,
    rollupOptions: { input: resolve(import.meta.dirname, 'lookup.html') },
  },
});
