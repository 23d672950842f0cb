/**
 * Every event of the shared MISP fixtures (an Infoblox feed, two DigitalSide feed events,
 * PyMISP's test events) converted: no object may break a STIX rule or refer to an object
 * the result does not hold, and a few known values are checked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath, fixturesAvailable, fixturesSkipReason, hasFixture } from '../../testkit/fixtures.ts';
import { attackPatternId, TLP_1, type JsonObject } from '../stix/index.ts';
import { MispError, mispEventToStix } from './index.ts';
import { ofType, problemsOf } from './testdata/events.ts';

if (!fixturesAvailable) console.warn(`[fixtures] core/misp fixture tests skipped: ${fixturesSkipReason}`);

const FEEDS = ['infoblox', 'digitalside-partial', 'pymisp-testfiles'];
const available = fixturesAvailable && hasFixture('misp-feed');
const read = (...parts: string[]): unknown => JSON.parse(readFileSync(fixturePath('misp-feed', ...parts), 'utf8'));
const eventFiles = (feed: string): string[] => (available ? readdirSync(fixturePath('misp-feed', feed)).filter((name) => name.endsWith('.json') && name !== 'manifest.json').sort() : []);
const convert = (feed: string, file: string) => mispEventToStix(read(feed, file), { now: '2024-06-01T00:00:00.000Z' });

function one(objects: readonly JsonObject[], type: string): JsonObject {
  const found = ofType(objects, type);
  expect(found, type).toHaveLength(1);
  return found[0] ?? {};
}

describe.skipIf(!available)('the shared MISP fixtures', () => {
  describe.each(FEEDS)('%s', (feed) => {
    it.each(eventFiles(feed))('%s converts to sound STIX', (file) => {
      const { objects } = convert(feed, file);
      expect(problemsOf(objects)).toEqual([]);
      const report = one(objects, 'report');
      const made = objects.filter((object) => object['type'] !== 'report' && object['type'] !== 'marking-definition').map((object) => object['id']);
      expect(new Set(report['object_refs'] as string[])).toEqual(new Set(made));
      expect(made.length).toBeGreaterThan(1);
    });
  });

  it('has the events it is expected to have', () => {
    expect(FEEDS.map((feed) => eventFiles(feed).length)).toEqual([18, 2, 12]);
  });

  it('an Infoblox feed event: title, publication, author, TLP and its domains', () => {
    const { objects, warnings } = convert('infoblox', 'dad88707-beb8-4a14-94e2-5ffecf5a5f85.json');
    expect(one(objects, 'report')).toMatchObject({
      id: 'report--dad88707-beb8-4a14-94e2-5ffecf5a5f85', name: 'c2_beacon_20230414_iocs', published: '2024-05-15T09:58:41.000Z',
      labels: ['infoblox'], object_marking_refs: [TLP_1.white.id],
    });
    expect(one(objects, 'identity')).toMatchObject({ name: 'Infoblox', identity_class: 'organization' });
    expect(ofType(objects, 'domain-name')).toHaveLength(6);
    expect(ofType(objects, 'indicator')).toHaveLength(6);
    expect(warnings).toEqual([]);
  });

  it('the whole Infoblox feed as one search response: one report per event, one author', () => {
    const events = eventFiles('infoblox').map((file) => read('infoblox', file));
    const { objects } = mispEventToStix({ response: events }, { now: '2024-06-01T00:00:00.000Z' });
    expect(problemsOf(objects)).toEqual([]);
    const manifest = read('infoblox', 'manifest.json') as Record<string, { info: string }>;
    const reports = ofType(objects, 'report');
    expect(reports).toHaveLength(18);
    for (const report of reports) expect(report['name']).toBe(manifest[String(report['id']).replace('report--', '')]?.info);
    expect(ofType(objects, 'identity')).toHaveLength(1);
  });

  it('the feed manifest is refused with a message that says what it is', () => {
    expect(() => mispEventToStix(read('infoblox', 'manifest.json'))).toThrow(MispError);
    expect(() => mispEventToStix(read('infoblox', 'manifest.json'))).toThrow(/feed manifest/);
  });

  it('the Japanese PyMISP event keeps its Japanese text', () => {
    const { objects } = convert('pymisp-testfiles', 'japanese_test.json');
    expect(one(objects, 'report')['name']).toBe('Japanese Lorem Ipsum 条イ音態ぞゃご法説イシ技');
    expect(one(objects, 'note')['content']).toMatch(/^条イ音態ぞゃご法説イシ技位ーイ能目門初ヱ変整/);
    const group = one(objects, 'intrusion-set');
    expect(group['name']).toBe('APT32');
    expect(group['external_references']).toContainEqual({ source_name: 'mitre-attack', external_id: 'G0050', url: 'https://attack.mitre.org/groups/G0050/' });
  });

  it('the galaxy events: ATT&CK, intrusion sets and malware from their clusters', () => {
    const names = (objects: readonly JsonObject[], type: string) => ofType(objects, type).map((object) => object['name']).sort();
    const galaxy = convert('pymisp-testfiles', 'galaxy_1.json');
    expect(names(galaxy.objects, 'intrusion-set')).toEqual(['APT1', 'APT12']);
    expect(names(galaxy.objects, 'malware')).toEqual(['ANDROIDOS_ANSERVER.A', 'BACKSPACE']);
    expect(galaxy.warnings).toContain('Not imported: 4 cluster(s) of the MISP galaxy "guidelines" (no STIX 2.1 counterpart).');
    const image = convert('pymisp-testfiles', 'image_event.json');
    expect(one(image.objects, 'attack-pattern')).toMatchObject({ id: attackPatternId('T1441'), name: 'Stolen Developer Credentials or Signing Keys' });
  });

  it('sightings and proposals are counted, not imported', () => {
    expect(convert('pymisp-testfiles', 'sighting_1.json').warnings).toContain('Not imported: 6 sighting(s).');
    const shadow = convert('pymisp-testfiles', 'shadow.json');
    expect(shadow.warnings).toContain('Not imported: 1 proposal(s) (shadow attributes): they are suggestions nobody has accepted yet.');
    expect(ofType(shadow.objects, 'file').map((file) => file['name'])).not.toContain('blah.exe.jpg');
  });

  it('the long PyMISP event keeps its CVEs and e-mail subjects', () => {
    const { objects } = convert('pymisp-testfiles', 'long_event.json');
    expect(ofType(objects, 'vulnerability').map((vulnerability) => vulnerability['name'])).toEqual(expect.arrayContaining([expect.stringMatching(/^CVE-\d{4}-\d+$/)]));
    expect(ofType(objects, 'vulnerability')).toHaveLength(4);
    expect(ofType(objects, 'email-message')).toHaveLength(2);
  });
});
