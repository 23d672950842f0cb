/**
 * Issue 8, "Export formats": a report made from a real PDF (shared fixtures) the way the
 * review screen commits one — the Node PDF reader, the extraction engine, every value
 * ticked, core/extractToStix with a TLP:AMBER marking — exported to CSV, TXT and MISP.
 * The MISP event goes back through Magpie's MISP importer and gives the same observables
 * (same deterministic SCO ids), detections and CVEs; one TLP:RED address mixed in never
 * leaves above the maximum TLP.
 *
 * What does not round-trip through MISP: the report itself (the event is new, its title
 * the export's `info`), the ATT&CK ids a report names (the exporter writes no
 * mitre-attack galaxy clusters), MAC addresses, registry keys and wallets (no attribute
 * type is written for them), and the based-on relationships and indicators' ids, which the
 * importer makes anew from each attribute. TLP comes back as the same level, as MISP's
 * `tlp:*` tags read as TLP 1.0 markings.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { BOM, convert } from '../../core/exports/index.ts';
import { readCsv } from '../../core/exports/testing/readCsv.ts';
import { sco } from '../../core/exports/testdata/objects.ts';
import { extractIndicators } from '../../core/extract/index.ts';
import { reportFor, toStixObjects } from '../../core/extractToStix/index.ts';
import { isMispEvent, mispEventToStix } from '../../core/misp/index.ts';
import { TLP_2, tlpOf } from '../../core/stix/markings.ts';
import { isObject, type JsonObject } from '../../core/stix/model/properties.ts';
import { fixturePath, fixturesAvailable, fixturesSkipReason, hasFixture } from '../../testkit/fixtures.ts';
import { readDocumentFile } from './readFile.ts';

const NOW = new Date('2026-11-24T00:00:00.000Z');
const REPORTS = ['kaspersky-dropping-elephant-2016', 'jp-synthetic-invoice-stealer-ja'];

const secret = sco('ipv4-addr', { value: '198.51.100.66' }, { object_marking_refs: [TLP_2.red.id] });

/** The SCO types the MISP exporter writes an attribute or file object for. */
const MISP_SCO_TYPES = new Set(['ipv4-addr', 'ipv6-addr', 'domain-name', 'url', 'email-addr', 'file', 'autonomous-system']);
const UNMAPPED_SCO_TYPES = ['mac-addr', 'windows-registry-key', 'cryptocurrency-wallet'];

/** The report and its content, as commitExtraction writes them at TLP:AMBER. */
async function reportFromPdf(name: string): Promise<JsonObject[]> {
  const path = fixturePath('reports', `${name}.pdf`);
  const document = await readDocumentFile(path);
  const { indicators } = extractIndicators(document.pages, { publisherDomains: document.metadata.publisherDomains ?? [] });
  const now = NOW.toISOString();
  const options = { now, markingRefs: [TLP_2.amber.id] };
  const extraction = toStixObjects(indicators, options);
  const sha256 = createHash('sha256').update(readFileSync(path)).digest('hex');
  const report = reportFor({ name: document.metadata.title ?? name, published: now, file: { name: `${name}.pdf`, sha256 } }, extraction.refs, options);
  return [TLP_2.amber, ...extraction.objects, report];
}

const isSco = (object: JsonObject): boolean => MISP_SCO_TYPES.has(String(object['type'])) || UNMAPPED_SCO_TYPES.includes(String(object['type']));
const idsOf = (objects: readonly JsonObject[]): string[] => objects.map((object) => String(object['id'])).sort();
const ofType = (objects: readonly JsonObject[], type: string): JsonObject[] => objects.filter((object) => object['type'] === type);

/** The blocklist a user expects: the report's addresses, domains, URLs, e-mail addresses and hashes (not file names), once each, sorted. */
function expectedBlocklist(objects: readonly JsonObject[]): string[] {
  const values = objects.flatMap((object): string[] => {
    const value = typeof object['value'] === 'string' ? object['value'] : undefined;
    switch (object['type']) {
      case 'ipv4-addr': case 'ipv6-addr': case 'url': case 'email-addr':
        return value === undefined ? [] : [value];
      case 'domain-name':
        return value === undefined ? [] : [value.toLowerCase()];
      case 'file':
        return isObject(object['hashes']) ? Object.values(object['hashes']).filter((hash): hash is string => typeof hash === 'string').map((hash) => hash.toLowerCase()) : [];
      default:
        return [];
    }
  });
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}


const available = fixturesAvailable && REPORTS.every((name) => hasFixture('reports', `${name}.pdf`));
if (!available) console.warn(`[fixtures] exports of reports made from PDFs skipped: ${fixturesSkipReason}`);

describe.skipIf(!available).each(REPORTS)(`exports of the report made from %s.pdf${available ? '' : ` — skipped: ${fixturesSkipReason}`}`, { timeout: 60_000 }, (name) => {
  let report: JsonObject[] = [];
  let input: JsonObject[] = [];

  beforeAll(async () => {
    report = await reportFromPdf(name);
    input = [...report, secret];
  }, 60_000);

  it('holds observables of the kinds MISP takes, and CVEs', () => {
    const observables = report.filter(isSco);
    expect(observables.length).toBeGreaterThan(20);
    expect(ofType(report, 'vulnerability').length).toBeGreaterThan(0);
    // The report's TLP is on everything it brings, its observables included.
    expect(report.filter((object) => object['type'] !== 'marking-definition').map((object) => tlpOf(object)).every((level) => level === 'amber')).toBe(true);
  });

  it('gives nothing of a TLP:AMBER report to an export limited to TLP:GREEN', () => {
    for (const to of ['csv', 'txt', 'misp'] as const) {
      const green = convert(report, { to, maxTlp: 'green', now: NOW });
      expect(green.exported, to).toBe(1);
      for (const object of report.filter(isSco)) expect(green.text, to).not.toContain(String(object['id']));
    }
    expect(convert(report, { to: 'txt', maxTlp: 'green' }).text).toBe('');
  });

  it('CSV: one row per object, read back with the same ids, types, values and TLP, in ; or , with a BOM', () => {
    const rows = readCsv(convert(report, { to: 'csv' }).text, ';');
    expect(rows.map((row) => row['id'])).toEqual(report.map((object) => object['id']));
    expect(rows.map((row) => row['type'])).toEqual(report.map((object) => object['type']));
    report.forEach((object, index) => {
      if (typeof object['value'] === 'string') expect(rows[index]?.['name'], String(object['id'])).toBe(object['value']);
      if (typeof object['pattern'] === 'string') expect(rows[index]?.['pattern'], String(object['id'])).toBe(object['pattern']);
      const level = tlpOf(object);
      expect(rows[index]?.['tlp'], String(object['id'])).toBe(level === undefined ? '' : `TLP:${level.toUpperCase()}`);
    });
    const excel = convert(report, { to: 'csv', separator: ',', bom: true }).text;
    expect(excel.startsWith(`${BOM}"id","type","name",`)).toBe(true);
    expect(readCsv(excel.slice(BOM.length), ',')).toEqual(rows);
  });

  it('TXT: the lines are the report\'s observable values, once each and sorted', () => {
    const lines = convert(report, { to: 'txt' }).text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toEqual(expectedBlocklist(report));
  });

  it('MISP: the event goes through the importer and gives back the same observables, detections and CVEs', () => {
    const event = JSON.parse(convert(report, { to: 'misp', now: NOW, info: name }).text) as unknown;
    expect(isMispEvent(event)).toBe(true);
    const back = mispEventToStix(event, { now: NOW.toISOString() }).objects;
    const exportable = report.filter((object) => MISP_SCO_TYPES.has(String(object['type'])));
    expect(idsOf(back.filter(isSco))).toEqual(idsOf(exportable));
    // Each value's attribute carries the TLP of the indicator detecting it, so it comes back at TLP:AMBER.
    expect(back.filter(isSco).map((object) => tlpOf(object)).every((level) => level === 'amber')).toBe(true);
    const patterns = (objects: readonly JsonObject[]): string[] => ofType(objects, 'indicator').map((object) => String(object['pattern'])).sort();
    expect(patterns(back)).toEqual(patterns(report));
    const cves = (objects: readonly JsonObject[]): string[] => ofType(objects, 'vulnerability').map((object) => String(object['name'])).sort();
    expect(cves(back)).toEqual(cves(report));
  });

  it('TLP: a TLP:RED address is in no format under a TLP:AMBER maximum, and is counted; under TLP:RED it is exported', () => {
    const value = String(secret['value']);
    for (const to of ['csv', 'txt', 'misp'] as const) {
      const amber = convert(input, { to, maxTlp: 'amber', now: NOW });
      expect(amber, to).toMatchObject({ exported: report.length, withheld: { red: 1 }, withheldRelationships: 0 });
      expect(amber.text, to).not.toContain(value);
      expect(amber.text, to).not.toContain(String(secret['id']));
      const red = convert(input, { to, maxTlp: 'red', now: NOW });
      expect(red, to).toMatchObject({ exported: report.length + 1, withheld: {} });
      expect(red.text, to).toContain(value);
    }
    expect(readCsv(convert(input, { to: 'csv', maxTlp: 'red' }).text, ';').find((row) => row['id'] === secret['id'])).toMatchObject({ name: value, tlp: 'TLP:RED' });
    expect(convert(input, { to: 'txt', maxTlp: 'red' }).text.split('\n')).toContain(value);
    const redEvent = JSON.parse(convert(input, { to: 'misp', maxTlp: 'red', now: NOW }).text) as unknown;
    // The event's own marking is one of its tags (galaxy tags of the report's threats sit beside it).
    expect((redEvent as { Event: { Tag: { name: string }[] } }).Event.Tag.map((tag) => tag.name)).toContain('tlp:red');
    const back = mispEventToStix(redEvent, { now: NOW.toISOString() }).objects.find((object) => object['id'] === secret['id']);
    expect(back === undefined ? undefined : tlpOf(back)).toBe('red');
    const amberEvent = JSON.parse(convert(input, { to: 'misp', maxTlp: 'amber', now: NOW }).text) as unknown;
    expect((amberEvent as { Event: { Tag: { name: string }[] } }).Event.Tag.map((tag) => tag.name)).toContain('tlp:amber');
    expect((amberEvent as { Event: { Tag: { name: string }[] } }).Event.Tag.map((tag) => tag.name)).not.toContain('tlp:red');
  });
});
