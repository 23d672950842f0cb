/**
 * The shareable values in a set of STIX objects, as blocklists and MISP attributes want
 * them: addresses, domains, URLs, e-mail addresses, hashes, file names and AS numbers,
 * read from SCOs (bare observables) and from the simple STIX patterns of indicators
 * (equality comparisons only, through core/stix/pattern). Where a value came from says
 * whether it is meant for detection: MISP's `to_ids`.
 */
import { observablesFromPattern } from '../stix/pattern/observables.ts';
import { isObject, type JsonObject } from '../stix/model/properties.ts';

export const VALUE_KINDS = ['ipv4', 'ipv6', 'domain', 'url', 'email', 'md5', 'sha1', 'sha256', 'sha512', 'filename', 'asn'] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

export interface ExportValue {
  readonly kind: ValueKind;
  readonly value: string;
  /** True when an indicator's pattern detects it; false for a bare observable. */
  readonly fromIndicator: boolean;
  /** The SCO or indicator it was read from (labels, markings). */
  readonly source: JsonObject;
}

/** A file's identifying values together, so a file with several hashes stays one thing. */
export interface ExportFile {
  readonly hashes: Partial<Record<'md5' | 'sha1' | 'sha256' | 'sha512', string>>;
  readonly name?: string;
  readonly fromIndicator: boolean;
  readonly source: JsonObject;
}

const HASH_KINDS: Readonly<Record<string, 'md5' | 'sha1' | 'sha256' | 'sha512'>> = { MD5: 'md5', 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-512': 'sha512' };

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The hashes of a file, keyed by kind; digests lower-cased so the same hash is one value. */
export function fileHashes(hashes: unknown): ExportFile['hashes'] {
  const found: Partial<Record<'md5' | 'sha1' | 'sha256' | 'sha512', string>> = {};
  if (!isObject(hashes)) return found;
  for (const [algorithm, digest] of Object.entries(hashes)) {
    const kind = Object.hasOwn(HASH_KINDS, algorithm) ? HASH_KINDS[algorithm] : undefined;
    const value = text(digest);
    if (kind !== undefined && value !== undefined) found[kind] = /^[0-9a-f]+$/i.test(value) ? value.toLowerCase() : value;
  }
  return found;
}

/** The file read from a `file` SCO (or pattern properties), when it has a hash or a name. */
export function fileOf(properties: JsonObject, fromIndicator: boolean, source: JsonObject): ExportFile | undefined {
  const hashes = fileHashes(properties['hashes']);
  const name = text(properties['name']);
  if (Object.keys(hashes).length === 0 && name === undefined) return undefined;
  return { hashes, ...(name === undefined ? {} : { name }), fromIndicator, source };
}

/** The single values of one SCO (its type and properties), files excepted. */
export function scoValues(type: string, properties: JsonObject): { kind: ValueKind; value: string }[] {
  const value = text(properties['value']);
  switch (type) {
    case 'ipv4-addr':
      return value === undefined ? [] : [{ kind: 'ipv4', value }];
    case 'ipv6-addr':
      return value === undefined ? [] : [{ kind: 'ipv6', value }];
    case 'domain-name':
      return value === undefined ? [] : [{ kind: 'domain', value: value.toLowerCase() }];
    case 'url':
      return value === undefined ? [] : [{ kind: 'url', value }];
    case 'email-addr':
      return value === undefined ? [] : [{ kind: 'email', value }];
    case 'autonomous-system':
      return typeof properties['number'] === 'number' ? [{ kind: 'asn', value: `AS${properties['number']}` }] : [];
    default:
      return [];
  }
}

function fileValues(file: ExportFile | undefined): { kind: ValueKind; value: string }[] {
  if (file === undefined) return [];
  const hashes = Object.entries(file.hashes).map(([kind, value]) => ({ kind: kind as ValueKind, value }));
  return [...hashes, ...(file.name === undefined ? [] : [{ kind: 'filename' as const, value: file.name }])];
}

/** What one object observes or detects: SCOs as they are, indicators through their STIX pattern. */
export function observedIn(object: JsonObject): { type: string; properties: JsonObject; fromIndicator: boolean }[] {
  const type = String(object['type']);
  if (type !== 'indicator') return [{ type, properties: object, fromIndicator: false }];
  const pattern = object['pattern'];
  if (typeof pattern !== 'string' || (object['pattern_type'] ?? 'stix') !== 'stix') return [];
  const result = observablesFromPattern(pattern);
  return result.ok ? result.observables.map((observable) => ({ type: observable.type, properties: observable.properties, fromIndicator: true })) : [];
}

/** Every value in the objects, in order, not yet deduplicated. */
export function valuesOf(objects: readonly JsonObject[]): ExportValue[] {
  return objects.flatMap((source) =>
    observedIn(source).flatMap(({ type, properties, fromIndicator }) => {
      const values = type === 'file' ? fileValues(fileOf(properties, fromIndicator, source)) : scoValues(type, properties);
      return values.map((value) => ({ ...value, fromIndicator, source }));
    }),
  );
}
