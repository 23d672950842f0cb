/**
 * Builds the `magpie` CLI to plain JavaScript in out/cli/ (for a global install, where Node
 * does not strip types): the entry and the PDF worker thread side by side, since the
 * reader starts the thread from the file next to it. Dependencies stay external: npm
 * installs them with the package.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = resolve(import.meta.dirname, '../..');

export default defineConfig({
  logLevel: 'warn',
  build: {
    ssr: true,
    target: 'node20',
    outDir: resolve(root, 'out/cli'),
    emptyOutDir: true,
    minify: false,
    rollupOptions: {
      input: { magpie: resolve(root, 'main/cli/magpie.ts'), pdfWorkerThread: resolve(root, 'main/documents/pdfWorkerThread.ts') },
      output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
    },
  },
});
