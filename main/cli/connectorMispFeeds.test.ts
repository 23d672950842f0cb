/**
 * Issue 20, point 5: `magpie connector run misp-feed` on every feed of the shared fixtures
 * (../shared/fixtures/misp-feed) writes a bundle `magpie validate` accepts — markings and
 * observables that several events repeat are written once per version, not once per event.
 * Folders without a manifest.json (single events kept as samples) are served with the
 * manifest MISP's feed generator would write for them (event uuid → info, date, timestamp).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath, fixturesAvailable, fixturesSkipReason, hasFixture } from '../../testkit/fixtures.ts';
import { startLocalServer } from '../connectors/testing/localServer.ts';
import { connector } from '../connectors/misp-feed/index.ts';
import { runConnector } from './connector.ts';
import type { CliIo } from './io.ts';
import { runValidate } from './validate.ts';

function captureIo(): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', stdout: (text: string) => void (io.out += text), stderr: (text: string) => void (io.err += text), readStdin: () => Promise.resolve(new Uint8Array()) };
  return io;
}

const available = fixturesAvailable && hasFixture('misp-feed');
const feeds = available ? readdirSync(fixturePath('misp-feed'), { withFileTypes: true }).filter((entry) => entry.isDirectory() && !entry.name.startsWith('_')).map((entry) => entry.name) : [];

/** The feed's files by URL path: its own manifest, or one written for its event files. */
function feedFiles(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  const manifest: Record<string, { info: string; date?: string; timestamp?: string }> = {};
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.json'))) {
    const text = readFileSync(join(folder, name), 'utf8');
    if (name === 'manifest.json') {
      files.set('/manifest.json', text);
      continue;
    }
    const json = JSON.parse(text) as { Event?: { uuid?: string; info?: string; date?: string; timestamp?: string } };
    const uuid = json.Event?.uuid;
    if (uuid === undefined) continue;
    files.set(`/${uuid}.json`, text);
    manifest[uuid] = { info: json.Event?.info ?? uuid, ...(json.Event?.date === undefined ? {} : { date: json.Event.date }), ...(json.Event?.timestamp === undefined ? {} : { timestamp: json.Event.timestamp }) };
  }
  if (!files.has('/manifest.json')) files.set('/manifest.json', JSON.stringify(manifest));
  return files;
}

describe.skipIf(!available)(`magpie connector run misp-feed on the fixture feeds${available ? '' : ` (${fixturesSkipReason})`}`, () => {
  it.each(feeds)('%s: writes a bundle magpie validate accepts, each object once per version', async (feed) => {
    const files = feedFiles(fixturePath('misp-feed', feed));
    const server = await startLocalServer((request, response) => {
      const body = files.get(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
      response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json' });
      response.end(body ?? 'not found');
    });
    try {
      const out = join(await mkdtemp(join(tmpdir(), 'magpie-misp-feeds-')), `${feed}.json`);
      const run = captureIo();
      const code = await runConnector([connector], { id: 'misp-feed', sets: ['preset=custom', `url=${server.url('/')}`, 'importFrom=2000-01-01'], out, quiet: true }, run);
      expect(code, run.err).toBe(0);
      const validate = captureIo();
      expect(await runValidate(out, validate), validate.out.slice(0, 2000)).toBe(0);
      expect(validate.out).not.toContain('appears more than once');
      const bundle = JSON.parse(readFileSync(out, 'utf8')) as { objects: { type: string }[] };
      expect(bundle.objects.filter((object) => object.type === 'report').length).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  }, 60_000);
});
