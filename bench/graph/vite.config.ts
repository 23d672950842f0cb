/**
 * Builds the graph benchmark page (bench/graph/index.html → out/bench-graph): cytoscape as
 * the renderer bundles it, plus the layout worker. `npm run bench:graph` builds it itself
 * before measuring.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  logLevel: 'warn',
  build: {
    outDir: resolve(import.meta.dirname, '../../out/bench-graph'),
    emptyOutDir: true,
    minify: true,
    rollupOptions: { input: resolve(import.meta.dirname, 'index.html') },
  },
  worker: { format: 'es' },
});
