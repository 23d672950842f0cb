/**
 * Proves the import boundaries are enforced: each forbidden import below is linted with the
 * project's own boundary rules at the path it would have, and must be reported.
 */
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import projectConfig from '../eslint.config.js';
import { boundaryConfigs } from './boundaries.js';

const eslint = new ESLint({
  cwd: new URL('..', import.meta.url).pathname,
  overrideConfigFile: true,
  // Only the parser and the boundary rules: fast, and independent of type information.
  overrideConfig: [{ files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser } }, { plugins: { '@typescript-eslint': tseslint.plugin } }, ...boundaryConfigs],
});

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.message);
}

describe('import boundaries', () => {
  it.each([
    ['core/stix/model.ts', "import { app } from 'electron';\nexport const x = app;", /no Electron/],
    ['core/stix/model.ts', "import { readFile } from 'node:fs';\nexport const x = readFile;", /no Node built-ins/],
    ['core/stix/model.ts', "import { readFile } from 'fs';\nexport const x = readFile;", /no Node built-ins/],
    ['core/stix/model.ts', "import Dexie from 'dexie';\nexport const x = Dexie;", /storage engine/],
    ['core/stix/model.ts', "import { x } from '../../main/ipc/handlers.ts';\nexport const y = x;", /depends on nothing else/],
    ['core/stix/model.ts', 'export const title = document.title;', /platform-free/],
    ['core/stix/model.ts', 'export const cwd = process.cwd();', /platform-free/],
    ['renderer/src/pages/X.tsx', "import { x } from '../../../main/ipc/dispatcher.ts';\nexport const y = x;", /never imports main/],
    ['renderer/src/pages/X.tsx', "import { ipcRenderer } from 'electron';\nexport const y = ipcRenderer;", /window\.magpie/],
    ['renderer/src/pages/X.tsx', "import { join } from 'node:path';\nexport const y = join;", /sandboxed/],
    ['main/services/settingsStore.ts', "import { app } from 'electron';\nexport const y = app;", /injected ports/],
    ['main/ipc/x.ts', "import { x } from '../../renderer/src/app/App.tsx';\nexport const y = x;", /never imports renderer/],
    ['preload/index.ts', "import { x } from '../main/app/startApp.ts';\nexport const y = x;", /only bridges/],
  ])('%s: rejects %s', async (filePath, code, message) => {
    expect(await problems(filePath, code)).toContainEqual(expect.stringMatching(message));
  });

  it.each([
    ['core/ipc/channels.ts', "import { z } from 'zod';\nexport const s = z.string();"],
    ['core/stix/model.test.ts', "import { readFile } from 'node:fs/promises';\nexport const x = readFile;"],
    ['main/electron/main.ts', "import { app } from 'electron';\nexport const y = app;"],
    ['main/security/windowPolicy.ts', "import type { WebPreferences } from 'electron';\nexport type P = WebPreferences;"],
    ['renderer/src/pages/X.tsx', "import { x } from '../../../core/ipc/channels.ts';\nexport const y = x;"],
  ])('%s: allows %s', async (filePath, code) => {
    expect(await problems(filePath, code)).toEqual([]);
  });

  it('are part of the configuration that npm run lint uses', () => {
    for (const config of boundaryConfigs) expect(projectConfig).toContain(config);
  });
});
