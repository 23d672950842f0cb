/**
 * `magpie extract` on a MISP event file (issue 20, point 5): the event is structured data,
 * so it is converted with core/misp — the same conversion as the app's file import — rather
 * than mined as text. `--format stix` gets the converted objects as they are (reports,
 * MISP objects kept whole, e.g. a `file` object as one `file` SCO); json, csv and txt list
 * the event's values as extract lists a document's, with no page or context.
 */
import { mispEventToStix } from '../../core/misp/index.ts';
import type { ExtractedIndicator, HashType, IndicatorType } from '../../core/extract/types.ts';
import type { JsonObject } from '../../core/stix/index.ts';

export interface MispExtraction {
  objects: JsonObject[];
  indicators: ExtractedIndicator[];
  warnings: string[];
}

const SIMPLE: Readonly<Record<string, IndicatorType>> = {
  'ipv4-addr': 'ipv4-addr', 'ipv6-addr': 'ipv6-addr', 'domain-name': 'domain-name', url: 'url', 'email-addr': 'email-addr', 'mac-addr': 'mac-addr',
};

const HASH_TYPES: readonly HashType[] = ['MD5', 'SHA-1', 'SHA-256', 'SHA-512', 'SSDEEP'];

function item(type: IndicatorType, value: string, extra: Partial<ExtractedIndicator> = {}): ExtractedIndicator {
  return { type, value, ...extra, flags: [], occurrences: [], occurrenceCount: 1 };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The values one converted object carries, as extract's rows. */
function valuesOf(object: JsonObject): ExtractedIndicator[] {
  const type = String(object['type']);
  const simple = SIMPLE[type];
  const value = text(object['value']);
  if (simple !== undefined) return value === undefined ? [] : [item(simple, value)];
  if (type === 'file') {
    const hashes = typeof object['hashes'] === 'object' && object['hashes'] !== null ? (object['hashes'] as Record<string, unknown>) : {};
    const rows = HASH_TYPES.flatMap((hashType) => {
      const digest = text(hashes[hashType]);
      return digest === undefined ? [] : [item('file', digest, { hash_type: hashType })];
    });
    const name = text(object['name']);
    return name === undefined ? rows : [...rows, item('file', name, { kind: 'name' })];
  }
  if (type === 'windows-registry-key') {
    const key = text(object['key']);
    return key === undefined ? [] : [item('windows-registry-key', key)];
  }
  if (type === 'autonomous-system' && typeof object['number'] === 'number') return [item('autonomous-system', `AS${String(object['number'])}`)];
  if (type === 'vulnerability') {
    const name = text(object['name']);
    return name === undefined ? [] : [item('vulnerability', name.toUpperCase())];
  }
  return [];
}

/** Converts a parsed MISP document; throws core/misp's MispError when it holds no event. */
export function extractMisp(json: unknown, now: Date): MispExtraction {
  const { objects, warnings } = mispEventToStix(json, { now: now.toISOString() });
  const seen = new Set<string>();
  const indicators = objects.flatMap(valuesOf).filter((row) => {
    const key = `${row.type}|${row.hash_type ?? row.kind ?? ''}|${row.value}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  return { objects, indicators, warnings };
}
