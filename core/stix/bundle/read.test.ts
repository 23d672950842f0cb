import { describe, expect, it } from 'vitest';
import { TLP_2 } from '../markings.ts';
import { allValidObjects } from '../testdata/examples.ts';
import { BundleError } from './errors.ts';
import { chunksOf, readBundle, readBundleText, readParsedBundle, type BundleEvent, type Chunk } from './read.ts';
import { bundleToString, writeBundle } from './write.ts';

const BUNDLE_ID = 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d';
const tool = { type: 'tool', spec_version: '2.1', id: 'tool--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', created: '2024-03-01T10:00:00.000Z', modified: '2024-03-01T10:00:00.000Z', name: 'VNC' };

async function drain(chunks: AsyncIterable<Chunk>): Promise<BundleEvent[]> {
  const events: BundleEvent[] = [];
  for await (const event of readBundle(chunks)) events.push(event);
  return events;
}

const read = (text: string, size?: number) => drain(chunksOf(text, size));
const errorCode = async (text: string) => read(text).then(() => 'none', (error: unknown) => (error instanceof BundleError ? error.code : String(error)));

describe('reading bundles', () => {
  it('yields each object with its issues, then the bundle', async () => {
    const events = await read(JSON.stringify({ type: 'bundle', id: BUNDLE_ID, objects: [tool, { ...tool, id: 'tool--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061', confidence: 200 }] }));
    expect(events.map((e) => e.kind)).toEqual(['object', 'object', 'end']);
    expect(events[0]).toMatchObject({ index: 0, object: tool, issues: [] });
    expect(events[1]?.issues.map((i) => [i.path, i.rule])).toEqual([['/objects/1/confidence', 'range']]);
    expect(events[2]).toMatchObject({ kind: 'end', id: BUNDLE_ID, count: 2, specVersion: '2.1', issues: [] });
  });

  it('is not confused by chunk boundaries inside strings and multi-byte characters', async () => {
    const named = { ...tool, name: 'Ünïcödé 日本語 "quoted" \\ tool' };
    const bytes = new TextEncoder().encode(JSON.stringify({ type: 'bundle', id: BUNDLE_ID, objects: [named] }));
    const events = await drain(chunksOf(bytes, 1));
    expect(events[0]).toMatchObject({ object: named });
  });

  it.each([
    ['not JSON', 'hello', 'not-json'],
    ['broken JSON', '{"type": "bundle", "objects": [', 'not-json'],
    ['trailing garbage', `{"type":"bundle","id":"${BUNDLE_ID}"} extra`, 'not-json'],
    ['empty input', '   ', 'not-json'],
    ['a JSON array', '[1, 2]', 'not-bundle'],
    ['another STIX object', JSON.stringify(tool), 'not-bundle'],
    ['an object without type', '{"objects": []}', 'not-bundle'],
    ['a STIX 1.x / 2.2 version', `{"type":"bundle","id":"${BUNDLE_ID}","spec_version":"2.2","objects":[]}`, 'unsupported-spec-version'],
  ])('refuses %s with a clear error', async (_name, text, code) => {
    expect(await errorCode(text)).toBe(code);
  });

  it('reports a duplicate id as an error and a second version as a warning', async () => {
    const newer = { ...tool, modified: '2024-04-01T00:00:00.000Z' };
    const events = await read(JSON.stringify({ type: 'bundle', id: BUNDLE_ID, objects: [tool, newer, tool] }));
    expect(events[1]?.issues.map((i) => [i.severity, i.rule])).toEqual([['warning', 'multiple-versions']]);
    expect(events[2]?.issues.map((i) => [i.severity, i.path, i.rule])).toEqual([['error', '/objects/2/id', 'duplicate-id']]);
  });

  it('flags objects of a wrong spec_version and a bad bundle id', async () => {
    const events = await read(JSON.stringify({ type: 'bundle', id: 'bundle-1', objects: [{ ...tool, spec_version: '2.2' }, 'text'] }));
    expect(events[0]?.issues.map((i) => i.rule)).toEqual(['spec-version']);
    const end = events.at(-1);
    expect(end?.issues.map((i) => [i.path, i.rule])).toEqual([['/objects/1', 'not-an-object'], ['/id', 'id-form']]);
  });

  it('upgrades STIX 2.0 bundles with a warning per object', async () => {
    const malware20 = { type: 'malware', id: 'malware--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061', created: '2017-05-31T21:33:27Z', modified: '2017-05-31T21:33:27.1Z', name: 'Emotet', labels: ['trojan'] };
    const indicator20 = { type: 'indicator', id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', created: '2017-05-31T21:33:27.000Z', modified: '2017-05-31T21:33:27.000Z', pattern: "[url:value = 'http://example.com/']", valid_from: '2017-05-31T21:33:27Z', labels: ['malicious-activity'] };
    const events = await read(JSON.stringify({ type: 'bundle', id: BUNDLE_ID, spec_version: '2.0', objects: [malware20, indicator20] }));
    expect(events.at(-1)).toMatchObject({ kind: 'end', specVersion: '2.0' });
    const [malware, indicator] = events;
    expect(malware).toMatchObject({
      object: { spec_version: '2.1', created: '2017-05-31T21:33:27.000Z', modified: '2017-05-31T21:33:27.100Z', is_family: true, malware_types: ['trojan'] },
    });
    expect(indicator).toMatchObject({ object: { pattern_type: 'stix', indicator_types: ['malicious-activity'] } });
    for (const event of [malware, indicator]) {
      expect(event?.issues.map((i) => [i.severity, i.rule])).toEqual([['warning', 'upgraded']]);
    }
  });
});

describe('writing bundles', () => {
  it('round-trips every kind of object through write and read', async () => {
    const objects = [...allValidObjects, TLP_2.amber];
    const text = await bundleToString(objects, { id: BUNDLE_ID });
    const events = await read(text, 100);
    expect(events.filter((e) => e.kind === 'object').map((e) => e.object)).toEqual(objects);
    expect(events.flatMap((e) => e.issues)).toEqual([]);
  });

  it('streams one chunk per object and leaves out an empty objects list', async () => {
    const chunks: string[] = [];
    for await (const chunk of writeBundle([tool, tool], { id: BUNDLE_ID })) chunks.push(chunk);
    expect(chunks).toHaveLength(3);
    expect(await bundleToString([], { id: BUNDLE_ID })).toBe(`{"type":"bundle","id":"${BUNDLE_ID}"}`);
    expect(JSON.parse(await bundleToString([tool]))).toMatchObject({ type: 'bundle', id: expect.stringMatching(/^bundle--[0-9a-f-]{36}$/) as unknown });
  });
});

describe('hostile bundles', () => {
  it('keeps a "__proto__" key as data, like JSON.parse, without touching prototypes', async () => {
    const text = `{"type":"bundle","id":"${BUNDLE_ID}","objects":[{"type":"x-a","id":"x-a--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","__proto__":{"polluted":true}}]}`;
    const events = await read(text, 5);
    const object = events[0]?.kind === 'object' ? events[0].object : undefined;
    expect(object).toEqual((JSON.parse(text) as { objects: unknown[] }).objects[0]);
    expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('reading a bundle already in memory', () => {
  const textCode = (text: string) => {
    try {
      Array.from(readBundleText(text));
      return 'none';
    } catch (error) {
      return error instanceof BundleError ? error.code : String(error);
    }
  };

  it('gives the same events as the streaming reader', async () => {
    const text = await bundleToString([...allValidObjects, tool, tool], { id: BUNDLE_ID });
    expect([...readBundleText(text)]).toEqual(await read(text, 97));
    const twoOh = JSON.stringify({ type: 'bundle', id: BUNDLE_ID, spec_version: '2.0', objects: [{ ...tool, spec_version: undefined, labels: ['remote-access'] }] });
    expect([...readBundleText(twoOh)]).toEqual(await read(twoOh));
  });

  it('refuses what is not a bundle before handing out any object', async () => {
    const report = JSON.stringify({ objects: [tool], type: 'report' });
    expect(textCode(report)).toBe('not-bundle');
    // The streaming reader cannot know before the end; the in-memory one yields nothing.
    const events: unknown[] = [];
    expect(() => {
      for (const event of readParsedBundle(JSON.parse(report))) events.push(event);
    }).toThrow(BundleError);
    expect(events).toEqual([]);
    expect(textCode('[1, 2]')).toBe('not-bundle');
    expect(textCode('{"type": "bundle", ')).toBe('not-json');
    expect(textCode('  ')).toBe('not-json');
    expect(textCode('{"type":"bundle","spec_version":"1.0"}')).toBe('unsupported-spec-version');
    expect(await errorCode('{"type":"bundle","spec_version":"1.0"}')).toBe('unsupported-spec-version');
  });
});
