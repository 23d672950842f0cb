/**
 * Reading STIX bundles (STIX 2.1 §8) as a stream: chunks in, one object at a time out,
 * so a 45 MB bundle never exists in memory as a whole, let alone twice. Each object comes
 * with its issues (validation, 2.0 upgrade, duplicates); a final `end` event carries the
 * bundle's own id and issues. Input that is not a bundle at all throws a BundleError.
 *
 * The caller adapts its source (a Node stream, a fetch body, a File in a Worker) to an
 * AsyncIterable of chunks, so this runs unchanged in every runtime Magpie has.
 */
import JSONParser from '@streamparser/json/jsonparser.js';
import { pointer, type Issue } from '../issues.ts';
import { parseId } from '../model/identifier.ts';
import { isObject, type JsonObject } from '../model/properties.ts';
import { validateObject } from '../validate.ts';
import { BundleError } from './errors.ts';
import { repairObject } from './repair.ts';
import { upgradeFrom20 } from './upgrade20.ts';

export type Chunk = Uint8Array | string;

export type BundleEvent =
  | { readonly kind: 'object'; readonly index: number; readonly object: JsonObject; readonly issues: readonly Issue[] }
  | {
      readonly kind: 'end';
      readonly id: string | undefined;
      /** The version the bundle declared or implied: 2.0 content has been upgraded. */
      readonly specVersion: '2.0' | '2.1';
      readonly count: number;
      readonly issues: readonly Issue[];
    };

export interface ReadOptions {
  /** Validate each object (default true); turn off only where a later step validates. */
  readonly validate?: boolean;
  /** Apply the safe repairs of repair.ts (default false), each reported as a warning. */
  readonly repair?: boolean;
}

/** Remembers ids (and versions) already seen, to report duplicates. */
class SeenIds {
  private readonly versions = new Map<string, string[]>();

  check(object: JsonObject, path: string): Issue | undefined {
    const id = object['id'];
    if (typeof id !== 'string') return undefined;
    const version = typeof object['modified'] === 'string' ? object['modified'] : '';
    const seen = this.versions.get(id);
    if (seen === undefined) {
      this.versions.set(id, [version]);
      return undefined;
    }
    if (seen.includes(version)) return { path: pointer(path, 'id'), severity: 'error', rule: 'duplicate-id', message: `${id} appears more than once${version === '' ? '' : ` with modified ${version}`}.` };
    seen.push(version);
    return { path: pointer(path, 'modified'), severity: 'warning', rule: 'multiple-versions', message: `The bundle holds several versions of ${id}; the newest wins on import.` };
  }
}

function firstSignificantChar(chunk: Chunk): string | undefined {
  const text = typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk.subarray(0, 64));
  return /^[\s\uFEFF]*(\S)/.exec(text)?.[1];
}

/**
 * What both readers share: the bundle's envelope (type, id, spec_version) and each entry
 * (2.0 upgrade, repairs, duplicate ids, validation), whether the JSON arrives in chunks or
 * already parsed.
 */
class BundleReader {
  private readonly top: JsonObject = {};
  private readonly bundleIssues: Issue[] = [];
  private readonly seen = new SeenIds();
  private count = 0;
  private declared20 = false;
  private objectsNotAList = false;
  private readonly options: ReadOptions;

  constructor(options: ReadOptions) {
    this.options = options;
  }

  takeTopLevel(key: string, value: unknown): void {
    this.top[key] = value;
    if (key === 'type' && value !== 'bundle') throw new BundleError('not-bundle', `This JSON is a ${typeof value === 'string' ? `"${value}" object` : 'document'}, not a STIX bundle.`);
    if (key === 'spec_version') {
      if (value === '2.0') this.declared20 = true;
      else if (value === '2.1') this.bundleIssues.push({ path: '/spec_version', severity: 'warning', rule: 'deprecated', message: 'STIX 2.1 bundles carry no spec_version.' });
      else throw new BundleError('unsupported-spec-version', `STIX ${String(value)} bundles are not supported; Magpie reads STIX 2.1 and upgrades 2.0.`);
    }
  }

  objectsAreNotAList(): void {
    if (this.objectsNotAList) return;
    this.objectsNotAList = true;
    this.bundleIssues.push({ path: '/objects', severity: 'error', rule: 'value-type', message: 'objects must be a list.' });
  }

  takeObject(index: number, value: unknown): BundleEvent | undefined {
    const path = pointer('/objects', index);
    this.count += 1;
    if (!isObject(value)) {
      this.bundleIssues.push({ path, severity: 'error', rule: 'not-an-object', message: 'Bundle entries are STIX objects.' });
      return undefined;
    }
    let object = value;
    const issues: Issue[] = [];
    const spec = object['spec_version'];
    if (spec === '2.0' || (this.declared20 && spec === undefined)) {
      const upgraded = upgradeFrom20(object, path);
      object = upgraded.object;
      issues.push(...upgraded.issues);
    }
    if (this.options.repair ?? false) {
      const repaired = repairObject(object, path);
      object = repaired.object;
      issues.push(...repaired.issues);
    }
    const duplicate = this.seen.check(object, path);
    if (duplicate !== undefined) issues.push(duplicate);
    if (this.options.validate ?? true) issues.push(...validateObject(object, { path }));
    return { kind: 'object', index, object, issues };
  }

  finish(): BundleEvent {
    if (this.top['type'] !== 'bundle') throw new BundleError('not-bundle', 'This JSON object has no "type": "bundle"; it is not a STIX bundle.');
    const id = typeof this.top['id'] === 'string' ? this.top['id'] : undefined;
    if (id === undefined) this.bundleIssues.push({ path: '/id', severity: 'error', rule: 'required', message: 'A bundle has an id.' });
    else if (parseId(id)?.type !== 'bundle') this.bundleIssues.push({ path: '/id', severity: 'error', rule: 'id-form', message: 'A bundle id is bundle--UUID.' });
    return { kind: 'end', id, specVersion: this.declared20 ? '2.0' : '2.1', count: this.count, issues: this.bundleIssues };
  }
}

export async function* readBundle(chunks: AsyncIterable<Chunk>, options: ReadOptions = {}): AsyncGenerator<BundleEvent, void, undefined> {
  const reader = new BundleReader(options);
  let queue: BundleEvent[] = [];
  let started = false;

  // Only the entries and the envelope's scalars are emitted: asking for `$.objects` (or `$.*`)
  // would make the parser keep every entry in that array until the end, i.e. the whole bundle.
  const parser = new JSONParser({ paths: ['$.objects.*', '$.type', '$.id', '$.spec_version'], keepStack: false });
  parser.onError = (error) => {
    throw error instanceof BundleError ? error : new BundleError('not-json', `This file is not valid JSON: ${error.message}`);
  };

  parser.onValue = ({ value, key, stack }) => {
    if (stack.length === 1 && typeof key === 'string') reader.takeTopLevel(key, value);
    else if (stack.length === 2 && stack[1]?.key === 'objects') {
      if (typeof key === 'number') {
        const event = reader.takeObject(key, value);
        if (event) queue.push(event);
      } else reader.objectsAreNotAList();
    }
  };

  for await (const chunk of chunks) {
    if (!started) {
      const first = firstSignificantChar(chunk);
      if (first === undefined) continue;
      started = true;
      if (first !== '{') throw new BundleError(first === '[' || first === '"' ? 'not-bundle' : 'not-json', 'A STIX bundle is a JSON object starting with "{".');
    }
    try {
      parser.write(chunk);
    } catch (error: unknown) {
      if (error instanceof BundleError) throw error;
      throw new BundleError('not-json', `This file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    const ready = queue;
    queue = [];
    yield* ready;
  }
  if (!started) throw new BundleError('not-json', 'The file is empty.');
  try {
    // The parser ends by itself when the root object closes; only a cut-off input is still open.
    if (!parser.isEnded) parser.end();
  } catch (error: unknown) {
    if (error instanceof BundleError) throw error;
    throw new BundleError('not-json', `The JSON ends too early: ${error instanceof Error ? error.message : String(error)}`);
  }
  yield* queue;
  yield reader.finish();
}

/**
 * The same events from a bundle already parsed with JSON.parse: several times faster than
 * streaming for files that fit in memory, and the envelope is checked before any object
 * is handed out, so a document that is not a bundle yields nothing at all.
 */
export function* readParsedBundle(value: unknown, options: ReadOptions = {}): Generator<BundleEvent, void, undefined> {
  if (!isObject(value)) throw new BundleError('not-bundle', 'A STIX bundle is a JSON object.');
  const reader = new BundleReader(options);
  for (const key of ['type', 'id', 'spec_version']) if (Object.hasOwn(value, key)) reader.takeTopLevel(key, value[key]);
  if (value['type'] !== 'bundle') reader.finish();
  const objects = value['objects'];
  if (Array.isArray(objects)) {
    for (let index = 0; index < objects.length; index += 1) {
      const event = reader.takeObject(index, objects[index]);
      if (event) yield event;
    }
  } else if (objects !== undefined) reader.objectsAreNotAList();
  yield reader.finish();
}

/** Parses JSON text into bundle events, with the same errors as the streaming reader. */
export function readBundleText(text: string, options: ReadOptions = {}): Generator<BundleEvent, void, undefined> {
  const first = /^[\s\uFEFF]*(\S)/.exec(text)?.[1];
  if (first === undefined) throw new BundleError('not-json', 'The file is empty.');
  if (first !== '{') throw new BundleError(first === '[' || first === '"' ? 'not-bundle' : 'not-json', 'A STIX bundle is a JSON object starting with "{".');
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error: unknown) {
    throw new BundleError('not-json', `This file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return readParsedBundle(value, options);
}

/** Chunks from a string or bytes already in memory (tests, small imports). */
export async function* chunksOf(data: Chunk, size = 64 * 1024): AsyncGenerator<Chunk, void, undefined> {
  for (let at = 0; at < data.length; at += size) {
    await Promise.resolve();
    yield data.slice(at, at + size);
  }
}
