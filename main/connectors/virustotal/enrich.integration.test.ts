/**
 * The VirusTotal connector through the enrichment service, against a server on 127.0.0.1
 * answering with VirusTotal's real samples (../shared/fixtures/virustotal) and, for the
 * `/resolutions` relationships, self-written answers in the documented API v3 shape
 * (testdata/). Proves the requests (paths, `x-apikey`), the STIX produced, and that a
 * TLP:RED observable never reaches the server.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScoId, hasErrors, TLP_2, validateObject, type JsonObject } from '../../../core/stix/index.ts';
import { fixturePath, fixturesAvailable, fixturesSkipReason, hasFixture } from '../../../testkit/fixtures.ts';
import { createEnrichmentService, type EnrichmentOutcome, type EnrichmentService } from '../../enrichment/service.ts';
import { createMemorySecretStore } from '../../services/secretStore.ts';
import { startLocalServer, type LocalServer } from '../testing/localServer.ts';
import { connector, urlIdentifier, virusTotalIdentity } from './index.ts';

const SAMPLES = ['opencti-vt_test_file.json', 'opencti-vt_test_ipv4.json', 'opencti-vt_test_domain.json', 'opencti-vt_test_url.json'];
const available = fixturesAvailable && SAMPLES.every((name) => hasFixture('virustotal', name));
const SHA256 = '4bc00f7d638e042da764e8648c03c0db46700599dd4f08d117e3e9e8b538519b';
const URL_VALUE = 'http://soclosebutyetqq.com/69.exe';
const KEY = 'test-key-123';

function sco(properties: JsonObject, marking: string = TLP_2.green.id): JsonObject {
  return { ...properties, spec_version: '2.1', id: generateScoId(String(properties['type']), properties), object_marking_refs: [marking] };
}

function done(outcome: EnrichmentOutcome): Extract<EnrichmentOutcome, { status: 'done' }> {
  if (outcome.status !== 'done') throw new Error(`Expected done, got ${JSON.stringify(outcome)}`);
  return outcome;
}

const ofType = (objects: readonly JsonObject[], type: string): JsonObject[] => objects.filter((object) => object['type'] === type);
const relationships = (objects: readonly JsonObject[], type: string): JsonObject[] => ofType(objects, 'relationship').filter((object) => object['relationship_type'] === type);

describe.skipIf(!available)(`VirusTotal enrichment against a local API${available ? '' : ` — skipped: ${fixturesSkipReason}`}`, () => {
  let server: LocalServer;
  let userData: string;
  let service: EnrichmentService;
  const keys: (string | undefined)[] = [];

  beforeAll(async () => {
    const routes = new Map<string, string>([
      [`/api/v3/files/${SHA256}`, fixturePath('virustotal', 'opencti-vt_test_file.json')],
      ['/api/v3/ip_addresses/138.128.150.133', fixturePath('virustotal', 'opencti-vt_test_ipv4.json')],
      ['/api/v3/ip_addresses/138.128.150.133/resolutions', join(import.meta.dirname, 'testdata', 'ip-resolutions.json')],
      ['/api/v3/domains/tawuhoju.com', fixturePath('virustotal', 'opencti-vt_test_domain.json')],
      ['/api/v3/domains/tawuhoju.com/resolutions', join(import.meta.dirname, 'testdata', 'domain-resolutions.json')],
      [`/api/v3/urls/${urlIdentifier(URL_VALUE)}`, fixturePath('virustotal', 'opencti-vt_test_url.json')],
    ]);
    server = await startLocalServer(async (request, response) => {
      keys.push(request.headers['x-apikey'] as string | undefined);
      const file = routes.get(new URL(request.url ?? '/', 'http://x').pathname);
      if (file === undefined) response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"code":"NotFoundError"}}');
      else response.writeHead(200, { 'content-type': 'application/json' }).end(await readFile(file));
    });
    userData = await mkdtemp(join(tmpdir(), 'magpie-vt-'));
    service = createEnrichmentService({ userData, connectors: [connector], secrets: createMemorySecretStore(), now: () => new Date('2026-03-01T12:00:00.000Z') });
    // A premium-like key: the quota is the service test's business, not this one's.
    await service.configure('virustotal', { enabled: true, quota: null, config: { apiKey: KEY, baseUrl: server.url('/api/v3') } });
  });

  afterAll(async () => {
    await server.close();
    await rm(userData, { recursive: true, force: true });
  });

  function expectValid(objects: readonly JsonObject[]): void {
    expect(objects[0]).toEqual(virusTotalIdentity);
    for (const object of objects) {
      expect(hasErrors(validateObject(object)), JSON.stringify(validateObject(object))).toBe(false);
      if (object['type'] !== 'identity') expect(object['created_by_ref']).toBe(virusTotalIdentity['id']);
    }
  }

  it('never sends a TLP:RED observable', async () => {
    const before = server.requests.length;
    const outcome = await service.enrich('virustotal', sco({ type: 'ipv4-addr', value: '138.128.150.133' }, TLP_2.red.id));
    expect(outcome).toMatchObject({ status: 'refused', reason: 'tlp' });
    expect(server.requests.length).toBe(before);
  });

  it('completes a file by hash: hashes, size, type, tags, ratio, score, note with the link', async () => {
    const observable = sco({ type: 'file', hashes: { 'SHA-256': SHA256 } });
    const { objects, summary } = done(await service.enrich('virustotal', observable));
    expectValid(objects);
    expect(summary).toBe('VirusTotal: 47/65 engines flag this file as malicious');
    expect(objects[1]).toMatchObject({
      id: observable['id'], size: 87040, mime_type: 'application/octet-stream', x_opencti_score: 72,
      hashes: { MD5: '546bb6ef89bebfb053999777f6930d7e', 'SHA-1': '44392b16e2db656104579e83d603b363bf91ccb2', 'SHA-256': SHA256 },
    });
    const note = ofType(objects, 'note')[0];
    expect(note).toMatchObject({ labels: ['pedll'], object_refs: [observable['id']], external_references: [{ source_name: 'VirusTotal', url: `https://www.virustotal.com/gui/file/${SHA256}` }] });
    expect(String(note?.['content'])).toContain('Type: ');
    expect(keys.at(-1)).toBe(KEY);
  });

  it('gives an IPv4 address its AS, country, passive DNS and ratio', async () => {
    const observable = sco({ type: 'ipv4-addr', value: '138.128.150.133' });
    const { objects } = done(await service.enrich('virustotal', observable));
    expectValid(objects);
    const system = ofType(objects, 'autonomous-system')[0];
    expect(system).toMatchObject({ number: 13886, name: 'CLOUD-SOUTH' });
    expect(relationships(objects, 'belongs-to')).toMatchObject([{ source_ref: observable['id'], target_ref: system?.['id'] }]);
    const country = ofType(objects, 'location')[0];
    expect(country).toMatchObject({ country: 'GB' });
    expect(relationships(objects, 'located-at')).toMatchObject([{ source_ref: observable['id'], target_ref: country?.['id'] }]);
    const mail = generateScoId('domain-name', { value: 'mail.example-one.com' });
    const shop = generateScoId('domain-name', { value: 'shop.example-two.net' });
    expect(ofType(objects, 'domain-name').map((object) => object['id']).sort()).toEqual([mail, shop].sort());
    const resolves = relationships(objects, 'resolves-to');
    // Seen twice: first and last seen; seen once: only a start time (stop must be after start).
    expect(resolves.find((r) => r['source_ref'] === mail)).toMatchObject({ target_ref: observable['id'], start_time: '2021-01-01T00:00:00.000Z', stop_time: '2022-01-01T00:00:00.000Z' });
    expect(resolves.find((r) => r['source_ref'] === shop)).toMatchObject({ start_time: '2021-06-01T00:00:00.000Z' });
    expect(ofType(objects, 'note')[0]?.['abstract']).toBe('VirusTotal: 4/93 engines flag this IP address as malicious');
  });

  it('gives a domain its resolutions, registrar, creation date, categories and ratio', async () => {
    const observable = sco({ type: 'domain-name', value: 'tawuhoju.com' });
    const { objects, warnings } = done(await service.enrich('virustotal', observable));
    expectValid(objects);
    const v4 = generateScoId('ipv4-addr', { value: '203.0.113.10' });
    const v6 = generateScoId('ipv6-addr', { value: '2001:db8::5' });
    expect(relationships(objects, 'resolves-to')).toEqual(expect.arrayContaining([
      expect.objectContaining({ source_ref: observable['id'], target_ref: v4, start_time: '2020-01-01T00:00:00.000Z', stop_time: '2021-01-01T00:00:00.000Z' }),
      expect.objectContaining({ source_ref: observable['id'], target_ref: v6 }),
    ]));
    // The sample's own A records were anonymised into impossible addresses.
    expect(warnings.some((warning) => warning.includes('66.0.543'))).toBe(true);
    const note = ofType(objects, 'note')[0];
    expect(note?.['abstract']).toMatch(/^VirusTotal: \d+\/\d+ engines flag this domain as malicious$/);
    expect(note?.['content']).toContain('Registrar: CommuniGal Communication Ltd.');
    expect(note?.['content']).toContain('Created: 2016-12-29T13:28:19.000Z');
    expect(note?.['labels']).toContain('malicious web sites');
  });

  it('relates a URL to its domain, with its final URL and ratio', async () => {
    const observable = sco({ type: 'url', value: URL_VALUE });
    const { objects } = done(await service.enrich('virustotal', observable));
    expectValid(objects);
    const domain = ofType(objects, 'domain-name')[0];
    expect(domain).toMatchObject({ value: 'soclosebutyetqq.com' });
    expect(relationships(objects, 'related-to')).toMatchObject([{ source_ref: observable['id'], target_ref: domain?.['id'] }]);
    const note = ofType(objects, 'note')[0];
    expect(note?.['abstract']).toBe('VirusTotal: 11/93 engines flag this URL as malicious');
    expect(note?.['content']).toContain(`Final URL: ${URL_VALUE}`);
  });

  it('answers the same lookup from the cache within 24 hours', async () => {
    const before = server.requests.length;
    const outcome = done(await service.enrich('virustotal', sco({ type: 'url', value: URL_VALUE })));
    expect(outcome.cached).toBe(true);
    expect(server.requests.length).toBe(before);
  });
});
