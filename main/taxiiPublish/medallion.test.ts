/**
 * The real-peer round trip of issue 18: a report with its contents, chosen by the Export
 * page's rules (closure, contents, maximum TLP), is published to a collection of medallion
 * — the OASIS TAXII 2.1 reference server, which nobody on the team wrote — then pulled back
 * with Magpie's TAXII import connector. Both directions page: the publish in envelopes under
 * a small max_content_length, the pull in pages of five, for which medallion answers the
 * same `next` on every page of a query (issue 18, point 0).
 */
import 'fake-indexeddb/auto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../core/stix/model/properties.ts';
import { validateObject } from '../../core/stix/validate.ts';
// The Export page's own selection (closure, contents, TLP), run here as the renderer runs it.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { KbDatabase, openKnowledgeBase } from '../../renderer/src/kb/db/KbDatabase.ts';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { exportBundle } from '../../renderer/src/kb/exportBundle.ts';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { ingest } from '../../renderer/src/kb/ingest.ts';
import { hasPeer, peersSkipReason } from '../../testkit/peers.ts';
import { MEDALLION, startMedallion, type Medallion } from '../../testkit/medallion.ts';
import { createMemorySecretStore } from '../services/secretStore.ts';
import { connector } from '../connectors/taxii/index.ts';
import { runImportOnce } from '../connectors/testing/runOnce.ts';
import { silentLogger } from '../services/logger.ts';
import { createTaxiiPublishService } from './service.ts';

const available = hasPeer(MEDALLION, 'run');
if (!available) console.warn(`[taxii] medallion round trip skipped: ${peersSkipReason}`);

const TLP_RED = 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed';
const PAGE = 5;
/** The API root's limit: 57 objects of ~400 bytes take several envelopes. */
const ENVELOPE_BYTES = 4096;
const identity = { type: 'identity', spec_version: '2.1', id: 'identity--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061', created: '2025-05-01T00:00:00.000Z', modified: '2025-05-01T00:00:00.000Z', name: 'Team CTI', identity_class: 'organization' };

function indicator(index: number, marking?: string): JsonObject {
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--7d0c4f2e-1b3a-4c5d-8e9f-${String(index).padStart(12, '0')}`,
    created: '2025-05-02T00:00:00.000Z',
    modified: `2025-05-03T00:00:${String(index % 60).padStart(2, '0')}.000Z`,
    created_by_ref: identity.id,
    name: `C2 ${String(index)}`,
    pattern: `[ipv4-addr:value = '198.51.100.${String(index)}']`,
    pattern_type: 'stix',
    valid_from: '2025-05-02T00:00:00Z',
    ...(marking === undefined ? {} : { object_marking_refs: [marking] }),
  };
}

const contents = Array.from({ length: 55 }, (_, index) => indicator(index));
const secret = indicator(99, TLP_RED);
const report: JsonObject = {
  type: 'report',
  spec_version: '2.1',
  id: 'report--3f9a1c2b-5d4e-4f6a-8b7c-9d0e1f2a3b4c',
  created: '2025-05-04T00:00:00.000Z',
  modified: '2025-05-05T00:00:00.000Z',
  created_by_ref: identity.id,
  name: 'Campaign against the build servers',
  published: '2025-05-04T00:00:00Z',
  report_types: ['threat-report'],
  object_refs: [...contents.map((object) => String(object['id'])), String(secret['id'])],
};

const versionsOf = (objects: readonly Record<string, unknown>[]): string[] => objects.map((object) => `${String(object['id'])} ${String(object['modified'])}`).sort();

describe.skipIf(!available)('publishing to medallion and reading it back (issue 18)', () => {
  let medallion: Medallion | undefined;
  let db: KbDatabase;
  let folder = '';
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'magpie-medallion-test-'));
    db = await openKnowledgeBase(new KbDatabase(`kb-medallion-${crypto.randomUUID()}`));
    const objects = [identity, report, ...contents, secret];
    await ingest(db, objects.map((object, index) => ({ object, path: `/objects/${String(index)}`, issues: validateObject(object) })), { id: 'file:report', kind: 'file', name: 'report.json' });
    medallion = await startMedallion({ maxPageSize: PAGE, maxContentLength: ENVELOPE_BYTES, users: { analyst: 'medallion-pass' } });
    // Python and Flask take seconds to start on a busy machine: more than vitest's 10 s hook default.
  }, 60_000);
  afterAll(async () => {
    await medallion?.stop();
    await db.delete();
    await rm(folder, { recursive: true, force: true });
  });

  it('publishes a report with its contents up to TLP:AMBER, sees the status complete, and the connector pulls back the same objects over ten pages or more', async () => {
    const server = medallion;
    if (server === undefined) throw new Error('medallion did not start');
    const exported = await exportBundle(db, { ids: [String(report['id'])], includeContents: true, includeClosure: true, maxTlp: 'amber', stripMagpieProperties: true });
    const published = (JSON.parse(exported.bundle) as { objects: JsonObject[] }).objects;
    expect(exported.withheld).toEqual({ red: 1 });
    expect(published.map((object) => object['id'])).not.toContain(secret['id']);
    expect(published.length).toBe(57);

    const service = createTaxiiPublishService({ userData: folder, secrets: createMemorySecretStore(), log: silentLogger, httpOptions: { retries: 0 }, pollIntervalMs: 10 });
    const saved = await service.saveServer({ title: 'medallion', url: server.discoveryUrl, auth: 'basic', username: 'analyst', secret: 'medallion-pass' });
    const collections = await service.collections(saved.id);
    const shared = collections.find((collection) => collection.id === server.collectionId);
    expect(shared).toMatchObject({ canWrite: true, title: 'shared', maxContentLength: ENVELOPE_BYTES });
    const outcome = await service.publish({ serverId: saved.id, apiRoot: shared?.apiRoot ?? '', collectionId: server.collectionId, objects: published });
    expect(outcome).toMatchObject({ total: 57, succeeded: 57, failures: [], pending: [] });
    expect(outcome.envelopes).toBeGreaterThanOrEqual(5);

    const pulled = await runImportOnce(connector, {
      config: { discoveryUrl: server.discoveryUrl, username: 'analyst', password: 'medallion-pass', pageSize: PAGE },
      httpOptions: { retries: 0 },
    });
    expect(versionsOf(pulled.objects)).toEqual(versionsOf(published));
    // medallion cut the collection into pages of five, all after the first with one `next` token.
    expect(pulled.batches).toBeGreaterThanOrEqual(10);
    expect(pulled.log.map((entry) => entry.message)).toContain(`"shared": 57 objects in ${String(Math.ceil(57 / PAGE))} pages`);
  }, 60_000);
});
