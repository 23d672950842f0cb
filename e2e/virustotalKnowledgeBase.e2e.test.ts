/**
 * VirusTotal enrichment into the knowledge base (issue 8, "Done when"): the Enrich action's
 * own code (renderer/src/enrich/runEnrichment.ts) over the real KB (Dexie on fake-indexeddb)
 * and main's enrichment service, against a server on 127.0.0.1 answering with VirusTotal's
 * real samples for a file, an IPv4 address, a domain and a URL. The knowledge base must
 * gain the objects and relationships the issue lists, linked to the observable, created by
 * VirusTotal's identity; a TLP:RED observable must never reach the server.
 */
import 'fake-indexeddb/auto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScoId, TLP_2 } from '../core/stix/index.ts';
import type { JsonObject } from '../core/stix/model/properties.ts';
import { validateObject } from '../core/stix/validate.ts';
import { enrichmentConnectors } from '../main/connectors/registry.ts';
import { createMemorySecretStore } from '../main/services/secretStore.ts';
import { startLocalServer, type LocalServer } from '../main/connectors/testing/localServer.ts';
import { urlIdentifier, virusTotalIdentity } from '../main/connectors/virustotal/index.ts';
import { createEnrichmentService, type EnrichmentService } from '../main/enrichment/service.ts';
import { enrichObservable, type EnrichDeps, type ObservableEnrichment } from '../renderer/src/enrich/runEnrichment.ts';
import { KbDatabase, openKnowledgeBase } from '../renderer/src/kb/db/KbDatabase.ts';
import { ingest } from '../renderer/src/kb/ingest.ts';
import { getObject } from '../renderer/src/kb/queries/detail.ts';
import { occurrences } from '../renderer/src/kb/queries/occurrences.ts';
import { fixturePath, fixturesAvailable, fixturesSkipReason, hasFixture } from '../testkit/fixtures.ts';

const SAMPLES = ['opencti-vt_test_file.json', 'opencti-vt_test_ipv4.json', 'opencti-vt_test_domain.json', 'opencti-vt_test_url.json'];
const available = fixturesAvailable && SAMPLES.every((name) => hasFixture('virustotal', name));
const SHA256 = '4bc00f7d638e042da764e8648c03c0db46700599dd4f08d117e3e9e8b538519b';
const URL_VALUE = 'http://soclosebutyetqq.com/69.exe';
const testdata = join(import.meta.dirname, '../main/connectors/virustotal/testdata');

function sco(properties: JsonObject, marking: string = TLP_2.green.id): JsonObject {
  return { ...properties, spec_version: '2.1', id: generateScoId(String(properties['type']), properties), object_marking_refs: [marking] };
}

const file = sco({ type: 'file', hashes: { 'SHA-256': SHA256 } });
const address = sco({ type: 'ipv4-addr', value: '138.128.150.133' });
const domain = sco({ type: 'domain-name', value: 'tawuhoju.com' });
const url = sco({ type: 'url', value: URL_VALUE });
const secret = sco({ type: 'ipv4-addr', value: '198.51.100.66' }, TLP_2.red.id);

describe.skipIf(!available)(`VirusTotal enrichment into the knowledge base${available ? '' : ` — skipped: ${fixturesSkipReason}`}`, () => {
  let server: LocalServer;
  let userData: string;
  let service: EnrichmentService;
  let db: KbDatabase;
  let deps: EnrichDeps;

  beforeAll(async () => {
    const routes = new Map<string, string>([
      [`/api/v3/files/${SHA256}`, fixturePath('virustotal', 'opencti-vt_test_file.json')],
      ['/api/v3/ip_addresses/138.128.150.133', fixturePath('virustotal', 'opencti-vt_test_ipv4.json')],
      ['/api/v3/ip_addresses/138.128.150.133/resolutions', join(testdata, 'ip-resolutions.json')],
      ['/api/v3/domains/tawuhoju.com', fixturePath('virustotal', 'opencti-vt_test_domain.json')],
      ['/api/v3/domains/tawuhoju.com/resolutions', join(testdata, 'domain-resolutions.json')],
      [`/api/v3/urls/${urlIdentifier(URL_VALUE)}`, fixturePath('virustotal', 'opencti-vt_test_url.json')],
    ]);
    server = await startLocalServer(async (request, response) => {
      const path = routes.get(new URL(request.url ?? '/', 'http://x').pathname);
      if (path === undefined) response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"code":"NotFoundError"}}');
      else response.writeHead(200, { 'content-type': 'application/json' }).end(await readFile(path));
    });
    userData = await mkdtemp(join(tmpdir(), 'magpie-vt-kb-'));
    service = createEnrichmentService({ userData, connectors: enrichmentConnectors, secrets: createMemorySecretStore() });
    await service.configure('virustotal', { enabled: true, quota: null, config: { apiKey: 'kb-test', baseUrl: server.url('/api/v3') } });
    db = await openKnowledgeBase(new KbDatabase(`kb-vt-${crypto.randomUUID()}`));
    const seed = [TLP_2.green, TLP_2.red, file, address, domain, url, secret];
    await ingest(db, seed.map((object, index) => ({ object, path: `/objects/${String(index)}`, issues: validateObject(object) })), { id: 'file:seed.json', kind: 'file', name: 'seed.json' });
    deps = {
      getObject: (id) => getObject(db, id),
      occurrences: (id) => occurrences(db, id),
      ingest: (objects, source) => ingest(db, objects.map((object, index) => ({ object, path: `/objects/${String(index)}`, issues: validateObject(object) })), source),
      connectors: () => service.list(),
      run: (connectorId, observable, markingDefinitions) => service.enrich(connectorId, observable, markingDefinitions),
    };
  });

  afterAll(async () => {
    service.stop();
    await server.close();
    await db.delete();
    await rm(userData, { recursive: true, force: true });
  });

  /** The stored neighbours of an observable: `type relationship-type name`, and the objects. */
  async function around(id: string): Promise<{ edges: string[]; objects: JsonObject[] }> {
    const detail = await getObject(db, id);
    if (!detail) throw new Error(`${id} is not stored`);
    const nodes = new Map(detail.related.nodes.map((node) => [node.id, node]));
    const edges = detail.related.edges.map((edge) => {
      const other = nodes.get(edge.source === id ? edge.target : edge.source);
      return `${edge.label} ${other?.type ?? '?'} ${other?.name ?? '?'}`;
    });
    const objects = (await db.objects.bulkGet(detail.related.nodes.map((node) => node.id))).flatMap((record) => (record ? [record.stix] : []));
    return { edges: edges.sort(), objects };
  }

  function virusTotal(result: ObservableEnrichment) {
    const step = result.steps.find((candidate) => candidate.connectorId === 'virustotal');
    if (!step) throw new Error(`No VirusTotal step in ${JSON.stringify(result)}`);
    return step;
  }

  it('never sends a TLP:RED observable, and says why', async () => {
    const before = server.requests.length;
    const result = await enrichObservable(String(secret['id']), deps);
    expect(virusTotal(result)).toMatchObject({ state: 'refused', refusal: 'tlp' });
    expect(virusTotal(result).message).toMatch(/TLP:RED/);
    expect(server.requests.length).toBe(before);
  });

  it('IPv4: the AS, the country and the domains that resolved to it, with first and last seen', async () => {
    const result = await enrichObservable(String(address['id']), deps);
    expect(virusTotal(result)).toMatchObject({ state: 'done' });
    const { edges, objects } = await around(String(address['id']));
    // The offline enricher answers first and names the AS as its data does; VirusTotal's
    // "CLOUD-SOUTH" is the same observable (same number, same id) and does not rename it.
    expect(edges).toEqual(expect.arrayContaining(['belongs-to autonomous-system Cloud South', 'located-at location United Kingdom', 'resolves-to domain-name mail.example-one.com', 'resolves-to domain-name shop.example-two.net']));
    expect(objects.find((object) => object['type'] === 'autonomous-system')).toMatchObject({ number: 13886 });
    const stored = (await db.objects.where('refs').equals(String(address['id'])).toArray()).map((record) => record.stix);
    expect(stored.find((object) => object['relationship_type'] === 'resolves-to' && object['start_time'] === '2021-01-01T00:00:00.000Z')).toMatchObject({ stop_time: '2022-01-01T00:00:00.000Z', created_by_ref: virusTotalIdentity['id'] });
    expect(stored.find((object) => object['type'] === 'note')?.['abstract']).toBe('VirusTotal: 4/93 engines flag this IP address as malicious');
  });

  it('file: completed hashes, size, names and type, tags as labels, a note with the verdicts and the link', async () => {
    const result = await enrichObservable(String(file['id']), deps);
    expect(virusTotal(result)).toMatchObject({ state: 'done' });
    const record = await db.objects.get(String(file['id']));
    expect(Object.keys(record?.stix['hashes'] as JsonObject).sort()).toEqual(expect.arrayContaining(['MD5', 'SHA-1', 'SHA-256']));
    expect(record?.stix).toMatchObject({ size: 87040 });
    const notes = (await db.objects.where('refs').equals(String(file['id'])).toArray()).filter((other) => other.type === 'note').map((other) => other.stix);
    // STIX 2.1 observables have no labels: VirusTotal's tags go on its note about the file.
    expect(notes[0]).toMatchObject({ abstract: 'VirusTotal: 47/65 engines flag this file as malicious', labels: ['pedll'], external_references: [{ source_name: 'VirusTotal', url: `https://www.virustotal.com/gui/file/${SHA256}` }] });
  });

  it('domain: the addresses it resolved to, and a note with registrar, creation date and categories', async () => {
    const result = await enrichObservable(String(domain['id']), deps);
    expect(virusTotal(result)).toMatchObject({ state: 'done' });
    const { edges } = await around(String(domain['id']));
    expect(edges.filter((edge) => edge.startsWith('resolves-to ipv4-addr')).length).toBeGreaterThan(0);
    expect(edges.filter((edge) => edge.startsWith('resolves-to ipv6-addr')).length).toBeGreaterThan(0);
    const note = (await db.objects.where('refs').equals(String(domain['id'])).toArray()).find((other) => other.type === 'note')?.stix;
    expect(String(note?.['content'])).toContain('Registrar: CommuniGal Communication Ltd.');
  });

  it('URL: the domain it is on, and a note with its final URL and ratio', async () => {
    const result = await enrichObservable(String(url['id']), deps);
    expect(virusTotal(result)).toMatchObject({ state: 'done' });
    const { edges } = await around(String(url['id']));
    expect(edges).toContain('related-to domain-name soclosebutyetqq.com');
    const note = (await db.objects.where('refs').equals(String(url['id'])).toArray()).find((other) => other.type === 'note')?.stix;
    expect(note?.['abstract']).toBe('VirusTotal: 11/93 engines flag this URL as malicious');
  });

  it('says where else the value appears: the sources that brought it, VirusTotal now among them', async () => {
    const result = await enrichObservable(String(address['id']), deps);
    expect(result.occurrences?.sources.map((source) => source.name)).toEqual(['seed.json', 'VirusTotal']);
    // The second lookup is answered from the day's cache: no new request.
    expect(virusTotal(result).cached).toBe(true);
  });
});
