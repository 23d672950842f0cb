/** Files the e2e tests drop into the app, written to a temporary folder. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { createWriteStream } from 'node:fs';
import { fixturePath, fixturesAvailable, hasFixture } from '../../testkit/fixtures.ts';

export async function tempFolder(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'magpie-e2e-'));
}

/** Whether the shared fixtures hold ATT&CK Enterprise 18.1 and the OASIS schemas to check exports against. */
export const attackEnterpriseAvailable: boolean = fixturesAvailable && hasFixture('mitre-attack', 'enterprise-attack-18.1.stix21-reconstructed.json.gz') && hasFixture('stix2.1-schemas');

/** A gzipped fixture of the shared folder, gunzipped into `folder` as `name`. */
export async function gunzippedFixture(folder: string, name: string, ...parts: string[]): Promise<string> {
  const path = join(folder, name);
  await pipeline(createReadStream(fixturePath(...parts)), createGunzip(), createWriteStream(path));
  return path;
}

/** The ATT&CK Enterprise 18.1 STIX 2.1 bundle, gunzipped from the shared fixtures. */
export function attackEnterpriseFile(folder: string): Promise<string> {
  return gunzippedFixture(folder, 'enterprise-attack-18.1.json', 'mitre-attack', 'enterprise-attack-18.1.stix21-reconstructed.json.gz');
}

export async function writeJson(folder: string, name: string, value: unknown): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, JSON.stringify(value));
  return path;
}
