/**
 * Every object of every shared STIX fixture (OASIS examples, MITRE ATT&CK Enterprise,
 * Mobile and ICS) streamed through readBundle and validated. Where real data breaks a
 * MUST rule, the object and the rule are listed below, and the importer's handling
 * (readBundle's `repair` option, or the 2.0 upgrade) is shown to make it valid.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fixturePath, fixturesAvailable, fixturesSkipReason, hasFixture } from '../../../testkit/fixtures.ts';
import type { Issue } from '../issues.ts';
import { validateObject } from '../validate.ts';
import { BundleError } from './errors.ts';
import { chunksOf, readBundle, type BundleEvent } from './read.ts';

if (!fixturesAvailable) console.warn(`[fixtures] core/stix fixture tests skipped: ${fixturesSkipReason}`);

function stream(parts: readonly string[]): AsyncIterable<Uint8Array> {
  const path = fixturePath(...parts);
  return path.endsWith('.gz') ? createReadStream(path).pipe(createGunzip()) : createReadStream(path);
}

interface Summary {
  objects: number;
  errors: string[];
  warnings: Map<string, number>;
  end: Extract<BundleEvent, { kind: 'end' }> | undefined;
}

/** Errors as "object id  path-inside-object  rule", so the lists below read as data. */
async function summarize(parts: readonly string[], repair = false): Promise<Summary> {
  const summary: Summary = { objects: 0, errors: [], warnings: new Map(), end: undefined };
  const note = (id: unknown, issue: Issue) => {
    const local = issue.path.replace(/^\/objects\/\d+/, '');
    if (issue.severity === 'error') summary.errors.push(`${String(id)} ${local} ${issue.rule}`);
    else summary.warnings.set(issue.rule, (summary.warnings.get(issue.rule) ?? 0) + 1);
  };
  for await (const event of readBundle(stream(parts), { repair })) {
    if (event.kind === 'object') {
      summary.objects += 1;
      for (const issue of event.issues) note(event.object['id'], issue);
    } else {
      summary.end = event;
      for (const issue of event.issues) note('bundle', issue);
    }
  }
  return summary;
}

/** ATT&CK 18.1 data components whose x_mitre_data_source_ref is "" (not an identifier: §2.9, §11.1). */
const EMPTY_DATA_SOURCE_REF = [
  'x-mitre-data-component--02d090b6-8157-48da-98a2-517f7edd49fc',
  'x-mitre-data-component--2b3bfe19-d59a-460d-93bb-2f546adc2d2c',
  'x-mitre-data-component--3d20385b-24ef-40e1-9f56-f39750379077',
  'x-mitre-data-component--4dcd8ba3-2075-4f8b-941e-39884ffaac08',
  'x-mitre-data-component--5b8b466b-2c81-4fe7-946f-d677a74ae3db',
  'x-mitre-data-component--7b375092-3a61-448d-900a-77c9a4bde4dc',
  'x-mitre-data-component--da85d358-741a-410d-9433-20d6269a6170',
].map((id) => `${id} /x_mitre_data_source_ref ref-form`);

const ICS_EMPTY_DATA_SOURCE_REF = EMPTY_DATA_SOURCE_REF.filter((line) => !/02d090b6|5b8b466b/.test(line));

const bundles: readonly { file: readonly string[]; objects: number; known: readonly string[]; specVersion: '2.0' | '2.1' }[] = [
  { file: ['stix2.1-examples', 'indicator-for-c2-ip-address.json'], objects: 1, known: [], specVersion: '2.1' },
  { file: ['stix2.1-examples', 'indicator-to-campaign-relationship.json'], objects: 3, known: [], specVersion: '2.1' },
  { file: ['stix2.1-examples', 'indicators-for-C2-with-COA.json'], objects: 8, known: [], specVersion: '2.1' },
  { file: ['stix2.1-examples', 'infrastructure.json'], objects: 10, known: [], specVersion: '2.1' },
  { file: ['stix2.1-examples', 'malicious-email-indicator-with-attachment.json'], objects: 6, known: [], specVersion: '2.1' },
  { file: ['stix2.1-examples', 'threat-reports', 'apt1.json'], objects: 76, known: [], specVersion: '2.1' },
  { file: ['stix2.1-examples', 'threat-reports', 'poisonivy.json'], objects: 155, known: [], specVersion: '2.1' },
  { file: ['mitre-attack', 'enterprise-attack-18.1.stix21-reconstructed.json.gz'], objects: 24_771, known: EMPTY_DATA_SOURCE_REF, specVersion: '2.1' },
  { file: ['mitre-attack', 'enterprise-attack-18.1.stix20.json.gz'], objects: 24_771, known: EMPTY_DATA_SOURCE_REF, specVersion: '2.0' },
  { file: ['mitre-attack', 'mobile-attack-17.1.json.gz'], objects: 2_148, known: [], specVersion: '2.1' },
  { file: ['mitre-attack', 'ics-attack-18.1.json.gz'], objects: 1_826, known: ICS_EMPTY_DATA_SOURCE_REF, specVersion: '2.1' },
];

describe.skipIf(!fixturesAvailable)('shared fixture bundles', () => {
  describe.each(bundles)('$file', ({ file, objects, known, specVersion }) => {
    it.skipIf(!hasFixture(...file))('streams every object; errors are exactly the known violations', async () => {
      const summary = await summarize(file);
      expect(summary.objects).toBe(objects);
      expect(summary.end?.count).toBe(objects);
      expect(summary.end?.specVersion).toBe(specVersion);
      expect(summary.errors.sort()).toEqual([...known].sort());
      if (specVersion === '2.0') expect(summary.warnings.get('upgraded')).toBe(objects);
    }, 60_000);

  });

  it.each(bundles.filter((b) => b.known.length > 0))('$file imports without errors once its known defects are repaired', async ({ file, known }) => {
    if (!hasFixture(...file)) return;
    const summary = await summarize(file, true);
    expect(summary.errors).toEqual([]);
    expect(summary.warnings.get('repaired')).toBe(known.length);
  }, 60_000);

  it.skipIf(!hasFixture('stix2.1-examples', 'interop-objectmarking-test.json'))('reads the lone campaign example as an object, and refuses it as a bundle', async () => {
    const text = readFileSync(fixturePath('stix2.1-examples', 'interop-objectmarking-test.json'), 'utf8');
    expect(validateObject(JSON.parse(text))).toEqual([]);
    await expect(drain(readBundle(chunksOf(text)))).rejects.toMatchObject({ code: 'not-bundle' });
  });

  it.skipIf(!hasFixture('mitre-attack', 'sample_3.3.0_stix-detection-strategy.json'))(
    'lists what the ATT&CK 3.3.0 sample (a bare array, STIX 2.0 style) breaks, and reads it once upgraded',
    async () => {
      const text = readFileSync(fixturePath('mitre-attack', 'sample_3.3.0_stix-detection-strategy.json'), 'utf8');
      const objects = JSON.parse(text) as unknown[];
      const errors = objects.flatMap((object, index) => validateObject(object, { path: `/${index}` }).filter((i) => i.severity === 'error').map((i) => `${i.path} ${i.rule}`));
      expect(errors).toEqual([
        '/9/spec_version required', '/9/created timestamp-precision', '/9/modified timestamp-precision',
        '/10/spec_version required', '/11/spec_version required', '/12/spec_version required',
      ]);
      await expect(drain(readBundle(chunksOf(text)))).rejects.toBeInstanceOf(BundleError);
      // Handling: wrapped as the STIX 2.0 bundle it is, the upgrade makes every object valid.
      const wrapped = `{"type":"bundle","id":"bundle--0e0b7a4f-4c8a-4d5e-9f2a-3b1c0d9e8f7a","spec_version":"2.0","objects":${text}}`;
      const events = await drain(readBundle(chunksOf(wrapped)));
      expect(events.flatMap((e) => e.issues).filter((i) => i.severity === 'error')).toEqual([]);
    },
  );
});

async function drain(events: AsyncIterable<BundleEvent>): Promise<BundleEvent[]> {
  const all: BundleEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}
