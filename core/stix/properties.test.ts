/**
 * Property-based tests (fast-check) of the guarantees the import boundary relies on.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunksOf, readBundle } from './bundle/read.ts';
import { bundleToString } from './bundle/write.ts';
import { allDefinitions } from './model/registry.ts';
import type { JsonObject } from './model/properties.ts';
import { allValidObjects } from './testdata/examples.ts';
import { validateObject } from './validate.ts';

const types = fc.constantFrom(...allDefinitions().map((d) => d.type), 'bundle', 'x-custom', 'constructor', '__proto__', '');

/** Objects that look like STIX: known types and property names, arbitrary values. */
const stixLike = fc.oneof(
  types.chain((type) => {
    const names = Object.keys(allDefinitions().find((d) => d.type === type)?.properties ?? { name: null });
    return fc.dictionary(fc.oneof(fc.constantFrom(...names, 'id', 'x_ref', 'x_refs', 'extensions', 'hashes'), fc.string()), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 12 })
      .map((properties) => ({ ...properties, type }));
  }),
  fc.constantFrom(...allValidObjects).chain((valid) =>
    fc.dictionary(fc.constantFrom(...Object.keys(valid)), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }).map((changes) => ({ ...valid, ...changes })),
  ),
);

describe('the validator', () => {
  it('never throws on arbitrary JSON, and answers with well-formed issues', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), stixLike), (input) => {
        const issues = validateObject(input, { path: '/objects/0' });
        for (const issue of issues) {
          expect(issue.path.startsWith('/objects/0')).toBe(true);
          expect(['error', 'warning']).toContain(issue.severity);
          expect(issue.rule).not.toBe('unexpected');
        }
      }),
      { numRuns: 3000 },
    );
  });
});

/** Bundle entries: JSON objects with a type and an id, and anything else. */
const entries = fc.array(
  fc.record({ type: fc.string({ minLength: 1 }), id: fc.uuid().map((u) => `x-test--${u}`) })
    .chain((head) => fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }).map((rest): JsonObject => ({ ...rest, ...head }))),
  { maxLength: 12 },
);

describe('bundles', () => {
  it('serialize → parse is the identity, whatever the chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(entries, fc.integer({ min: 1, max: 64 }), async (objects, chunkSize) => {
        const text = await bundleToString(objects);
        const read: JsonObject[] = [];
        for await (const event of readBundle(chunksOf(new TextEncoder().encode(text), chunkSize), { validate: false })) {
          if (event.kind === 'object') read.push(event.object);
        }
        expect(read).toEqual(JSON.parse(JSON.stringify(objects)));
      }),
      { numRuns: 300 },
    );
  });
});
