import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Plugin } from 'vite';

const root = import.meta.dirname;

/**
 * pdf.js's packed CJK CMaps (Japanese reports need them) and its standard font data (for
 * PDFs that use the 14 standard fonts without embedding them), served from the app's own
 * origin at /pdfjs/ so the document worker can fetch them under the CSP: copied into
 * out/renderer by the build, answered by the dev server when developing.
 */
function pdfjsAssets(): Plugin {
  const folders = ['cmaps', 'standard_fonts'] as const;
  const source = (folder: string): string => resolve(root, 'node_modules/pdfjs-dist', folder);
  return {
    name: 'magpie-pdfjs-assets',
    generateBundle() {
      for (const folder of folders) {
        for (const name of readdirSync(source(folder))) this.emitFile({ type: 'asset', fileName: `pdfjs/${folder}/${name}`, source: readFileSync(join(source(folder), name)) });
      }
    },
    configureServer(server) {
      for (const folder of folders) {
        server.middlewares.use(`/pdfjs/${folder}/`, (request, response, next) => {
          const name = basename(decodeURIComponent((request.url ?? '').split('?')[0] ?? ''));
          if (!readdirSync(source(folder)).includes(name)) return next();
          response.setHeader('Content-Type', 'application/octet-stream');
          createReadStream(join(source(folder), name)).pipe(response);
        });
      }
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Bundle every dependency: the packaged app then needs no node_modules at all.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'main/electron/main.ts') },
        external: ['electron'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be a single CommonJS file that only requires 'electron'.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react(), pdfjsAssets()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      // electron-vite leaves bundles unminified by default; the renderer's size is start-up time.
      minify: true,
      rollupOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
