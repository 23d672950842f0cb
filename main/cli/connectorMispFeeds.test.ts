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
import { serveFeedFiles } from '../connectors/misp-feed/testing/feedFiles.ts';
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

/** The feed's files: its own manifest, or one written for its event files, which are served as <uuid>.json. */
function feedFiles(folder: string): { name: string; text: string }[] {
  const files: { name: string; text: string }[] = [];
  const manifest: Record<string, { info: string; date?: string; timestamp?: string }> = {};
  let own: string | undefined;
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.json'))) {
    const text = readFileSync(join(folder, name), 'utf8');
    if (name === 'manifest.json') {
      own = text;
      continue;
    }
    const event = (JSON.parse(text) as { Event?: { uuid?: string; info?: string; date?: string; timestamp?: string } }).Event;
    if (event?.uuid === undefined) continue;
    files.push({ name: `${event.uuid}.json`, text });
    manifest[event.uuid] = { info: event.info ?? event.uuid, ...(event.date === undefined ? {} : { date: event.date }), ...(event.timestamp === undefined ? {} : { timestamp: event.timestamp }) };
  }
  return [...files, { name: 'manifest.json', text: own ?? JSON.stringify(manifest) }];
}

describe.skipIf(!available)(`magpie connector run misp-feed on the fixture feeds${available ? '' : ` (${fixturesSkipReason})`}`, () => {
  it.each(feeds)('%s: writes a bundle magpie validate accepts, each object once per version', async (feed) => {
    const server = await serveFeedFiles(feedFiles(fixturePath('misp-feed', feed)));
    try {
      const out = join(await mkdtemp(join(tmpdir(), 'magpie-misp-feeds-')), `${feed}.json`);
      const run = captureIo();
      const code = await runConnector([connector], { id: 'misp-feed', sets: ['preset=custom', `url=${server.url}`, 'importFrom=2000-01-01'], out, quiet: true }, run);
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
