import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './testkit/summaryReporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{core,main,preload,renderer,eslint,testkit,bench}/**/*.test.{ts,tsx}'],
          environment: 'node',
          // Tests that start a process (the CLI) or a server take seconds on a busy 2-core machine;
          // a hang still fails, just later than vitest's 5 s default.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          environment: 'node',
          // One Chromium at a time on a 2-core machine; each test file launches its own.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
