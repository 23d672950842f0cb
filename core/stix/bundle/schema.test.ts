/**
 * The OASIS STIX 2.1 JSON schemas (shared fixtures, stix2.1-schemas/) as an independent
 * oracle: every bundle Magpie writes must validate against them, the bundle as a whole
 * and each object against its own type's schema.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixturePath, fixturesAvailable, hasFixture } from '../../../testkit/fixtures.ts';
import { loadStixSchemaOracle, type StixSchemaOracle } from '../../../testkit/stixSchemas.ts';
import { attackPatternId, generateScoId, identityId, randomId, reportIdForFile, vulnerabilityId } from '../ids.ts';
import { TLP_1, TLP_2 } from '../markings.ts';
import type { JsonObject } from '../model/properties.ts';
import { patternFor } from '../pattern/generate.ts';
import { allValidObjects } from '../testdata/examples.ts';
import { chunksOf, readBundle, type Chunk } from './read.ts';
import { bundleToString } from './write.ts';

/** Objects as Magpie's own code builds them (ids, patterns, markings). */
function magpieObjects(): JsonObject[] {
  const now = '2024-05-01T12:00:00.000Z';
  const common = { spec_version: '2.1', created: now, modified: now, object_marking_refs: [TLP_2.amber.id] };
  const ip = { type: 'ipv4-addr', value: '198.51.100.7' };
  const file = { type: 'file', hashes: { 'SHA-256': 'fe90a7e910cb3a4739bed9180e807e93fa70c90f25a8915476f5e4bfbac681db' }, name: "it's \\ odd.exe" };
  const scos = [ip, file].map((o) => ({ ...o, id: generateScoId(o.type, o), spec_version: '2.1', object_marking_refs: [TLP_2.amber.id] }));
  const author = { type: 'identity', id: identityId('Magpie Analyst', 'individual'), ...common, name: 'Magpie Analyst', identity_class: 'individual' };
  const indicators = scos.map((sco) => ({
    type: 'indicator', id: randomId('indicator'), ...common, created_by_ref: author.id, pattern: patternFor(sco) ?? '', pattern_type: 'stix', valid_from: now,
  }));
  const cve = { type: 'vulnerability', id: vulnerabilityId('CVE-2021-44228'), ...common, name: 'CVE-2021-44228', external_references: [{ source_name: 'cve', external_id: 'CVE-2021-44228' }] };
  const technique = { type: 'attack-pattern', id: attackPatternId('T1059.001'), ...common, name: 'PowerShell', external_references: [{ source_name: 'mitre-attack', external_id: 'T1059.001' }] };
  const related = indicators.map((indicator, index) => ({
    type: 'relationship', id: randomId('relationship'), ...common, relationship_type: 'based-on', source_ref: indicator.id, target_ref: scos[index]?.id ?? '',
  }));
  const report = {
    type: 'report', id: reportIdForFile('a'.repeat(64)), ...common, created_by_ref: author.id, name: 'Imported report', published: now,
    object_refs: [...scos, ...indicators, cve, technique].map((o) => o.id),
  };
  return [TLP_2.amber, author, ...scos, ...indicators, cve, technique, ...related, report];
}

async function collect(chunks: AsyncIterable<Chunk>): Promise<JsonObject[]> {
  const objects: JsonObject[] = [];
  for await (const event of readBundle(chunks, { repair: true })) if (event.kind === 'object') objects.push(event.object);
  return objects;
}

describe.skipIf(!fixturesAvailable || !hasFixture('stix2.1-schemas'))('bundles Magpie writes, checked with the OASIS JSON schemas', () => {
  let oracle: StixSchemaOracle;
  // Loaded only when the schemas exist: describe bodies run even when skipped.
  beforeAll(() => {
    oracle = loadStixSchemaOracle();
  });

  async function expectValid(objects: readonly JsonObject[]): Promise<void> {
    const bundle = JSON.parse(await bundleToString(objects)) as JsonObject;
    expect(oracle.bundleProblems(bundle)).toEqual([]);
    for (const object of objects) {
      // Every spec type has its own schema; only custom types rely on the bundle schema alone.
      if (!String(object['type']).startsWith('x-')) expect(oracle.schemaIdFor(String(object['type'])), String(object['type'])).toBeDefined();
    }
  }

  it('accepts every example type Magpie models', async () => {
    await expectValid([...allValidObjects, ...Object.values(TLP_2), ...Object.values(TLP_1)]);
  });

  it('accepts the objects Magpie builds itself (deterministic ids, patterns, markings)', async () => {
    await expectValid(magpieObjects());
  });

  it.each([
    ['stix2.1-examples', 'threat-reports', 'poisonivy.json'],
    ['stix2.1-examples', 'threat-reports', 'apt1.json'],
    ['stix2.1-examples', 'malicious-email-indicator-with-attachment.json'],
    ['stix2.1-examples', 'infrastructure.json'],
  ])('accepts %s/%s re-written by Magpie', async (...parts) => {
    if (!hasFixture(...parts)) return;
    await expectValid(await collect(chunksOf(readFileSync(fixturePath(...parts), 'utf8'))));
  });

  it('accepts the ATT&CK Mobile bundle re-written by Magpie', async () => {
    if (!hasFixture('mitre-attack', 'mobile-attack-17.1.json.gz')) return;
    await expectValid(await collect(createReadStream(fixturePath('mitre-attack', 'mobile-attack-17.1.json.gz')).pipe(createGunzip())));
  }, 60_000);

  it('is a real oracle: it rejects what the validator rejects', () => {
    const check = oracle.ajv.getSchema(oracle.schemaIdFor('tool') ?? '');
    const tool = allValidObjects.find((o) => o['type'] === 'tool');
    expect(check?.({ ...tool, created: '2024-03-01T10:00:00Z' })).toBe(false);
    expect(check?.({ ...tool, id: 'tool--1' })).toBe(false);
    expect(oracle.bundleProblems({ type: 'bundle', id: 'bundle--1', objects: [tool] })).not.toEqual([]);
  });
});
