/**
 * The one way tests reach the shared public test data (../shared/fixtures, or
 * MAGPIE_FIXTURES). When it is absent, the tests that need it are skipped with a message
 * saying why, instead of failing or silently passing.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const projectRoot = resolve(import.meta.dirname, '..');

export const fixturesDir: string = resolve(projectRoot, process.env['MAGPIE_FIXTURES'] ?? '../shared/fixtures');

export const fixturesAvailable: boolean = existsSync(fixturesDir);

export const fixturesSkipReason = `shared fixtures not found at ${fixturesDir}: set MAGPIE_FIXTURES to the folder holding the public test data (see README, "Test data")`;

/** Absolute path of a file or folder inside the shared fixtures. */
export function fixturePath(...parts: string[]): string {
  return join(fixturesDir, ...parts);
}

/** True when a fixture exists; prints a visible note naming the missing one otherwise. */
export function hasFixture(...parts: string[]): boolean {
  const path = fixturePath(...parts);
  if (existsSync(path)) return true;
  console.warn(`[fixtures] skipping: ${path} is missing. ${fixturesSkipReason}`);
  return false;
}
