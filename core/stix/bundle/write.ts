/**
 * Writing STIX bundles (STIX 2.1 §8) as a stream of text chunks, one object at a time,
 * so an export never builds the whole bundle in memory. A bundle with no objects is
 * written without `objects`, which the spec makes optional and the OASIS schema requires
 * to be non-empty when present.
 */
import { randomId } from '../ids.ts';
import type { JsonObject } from '../model/properties.ts';

export interface WriteOptions {
  /** The bundle's id; a fresh `bundle--UUIDv4` by default (§8: bundles are not versioned). */
  readonly id?: string;
}

export async function* writeBundle(
  objects: Iterable<JsonObject> | AsyncIterable<JsonObject>,
  options: WriteOptions = {},
): AsyncGenerator<string, void, undefined> {
  const head = `{"type":"bundle","id":${JSON.stringify(options.id ?? randomId('bundle'))}`;
  let first = true;
  for await (const object of objects) {
    yield `${first ? `${head},"objects":[` : ','}${JSON.stringify(object)}`;
    first = false;
  }
  yield first ? `${head}}` : ']}';
}

/** The whole bundle as one string, for small exports and tests. */
export async function bundleToString(objects: Iterable<JsonObject> | AsyncIterable<JsonObject>, options: WriteOptions = {}): Promise<string> {
  let text = '';
  for await (const chunk of writeBundle(objects, options)) text += chunk;
  return text;
}
