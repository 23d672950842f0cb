// @ts-check
/**
 * The import boundaries of DESIGN.md, as lint errors (STYLE.md, "Boundaries are build
 * errors"). eslint.config.js applies them; eslint/boundaries.test.ts proves each one fails.
 */
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/** Globals that exist only in a browser or only in Node: core/ must use neither. */
const platformGlobals = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'location',
  'process',
  'Buffer',
  'require',
  '__dirname',
  '__filename',
  'global',
].map((name) => ({ name, message: 'core/ is platform-free: take what you need as a parameter or an adapter.' }));

/** @type {import('eslint').Linter.Config[]} */
export const boundaryConfigs = [
  {
    name: 'magpie/boundaries/core',
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({ name, message: 'core/ imports no Node built-ins (DESIGN.md).' })),
            { name: 'electron', message: 'core/ imports no Electron (DESIGN.md).' },
            { name: 'dexie', message: 'core/ knows no storage engine; the knowledge base lives in renderer/.' },
            { name: 'react', message: 'core/ has no UI.' },
            { name: 'react-dom', message: 'core/ has no UI.' },
          ],
          patterns: [
            { group: ['**/main/**', '**/renderer/**', '**/preload/**', '**/e2e/**'], message: 'core/ depends on nothing else in the project.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...platformGlobals],
    },
  },
  {
    name: 'magpie/boundaries/renderer',
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({ name, message: 'The renderer is sandboxed: no Node built-ins.' })),
            { name: 'electron', message: 'The renderer reaches main only through window.magpie (preload).' },
          ],
          patterns: [
            { group: ['**/main/**', '**/preload/**'], message: 'renderer/ never imports main/ or preload/; use the IPC contract in core/ipc.' },
          ],
        },
      ],
    },
  },
  {
    name: 'magpie/boundaries/main-services',
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'main/ services get Electron through injected ports (main/app/startApp.ts); only main/electron/ imports it.',
              allowTypeImports: true,
            },
          ],
          patterns: [{ group: ['**/renderer/**'], message: 'main/ never imports renderer/.' }],
        },
      ],
    },
  },
  {
    name: 'magpie/boundaries/preload',
    files: ['preload/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/main/**', '**/renderer/**'], message: 'preload/ only bridges the IPC contract (core/ipc).' },
          ],
        },
      ],
    },
  },
];
