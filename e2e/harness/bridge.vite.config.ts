/**
 * Builds the harness's stand-in for preload: the same createBridge as preload/index.ts,
 * over a Playwright binding instead of ipcRenderer. Only the test harness loads it.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  logLevel: 'warn',
  build: {
    outDir: resolve(import.meta.dirname, '../../out/harness'),
    emptyOutDir: true,
    minify: false,
    lib: {
      entry: resolve(import.meta.dirname, 'bridge.entry.ts'),
      formats: ['iife'],
      name: 'magpieHarnessBridge',
      fileName: () => 'bridge.js',
    },
  },
});
