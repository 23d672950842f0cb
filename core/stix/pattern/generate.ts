/**
 * STIX patterns for observables (STIX 2.1 §9): `[ipv4-addr:value = '198.51.100.7']`,
 * `[file:hashes.'SHA-256' = '…']`. String literals escape `\` and `'` (§9.2, the only
 * two escapes the grammar has); property names that are not plain identifiers (such as
 * hash names with a hyphen) are quoted the same way.
 */
import { isObject, type JsonObject } from '../model/properties.ts';

/** What a detection pattern for each SCO type compares: the properties that identify it. */
export const PATTERN_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  'ipv4-addr': ['value'],
  'ipv6-addr': ['value'],
  'domain-name': ['value'],
  url: ['value'],
  'email-addr': ['value'],
  'mac-addr': ['value'],
  mutex: ['name'],
  directory: ['path'],
  'autonomous-system': ['number'],
  file: ['hashes', 'name'],
  artifact: ['hashes'],
  'windows-registry-key': ['key'],
  'user-account': ['account_type', 'user_id', 'account_login'],
  software: ['name', 'vendor', 'version'],
  'x509-certificate': ['hashes', 'serial_number'],
  'email-message': ['subject'],
};

export function quote(value: string): string {
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

function component(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : quote(name);
}

function literal(value: unknown): string | undefined {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return undefined;
}

/**
 * The pattern that detects this observable: one observation whose comparisons (joined by
 * AND, so they describe the same object) cover the identifying properties it has. Returns
 * `undefined` for types or values no pattern is defined for here.
 */
export function patternFor(observable: Readonly<JsonObject>): string | undefined {
  const type = observable['type'];
  if (typeof type !== 'string' || !Object.hasOwn(PATTERN_PROPERTIES, type)) return undefined;
  const comparisons: string[] = [];
  for (const key of PATTERN_PROPERTIES[type] ?? []) {
    const value = observable[key];
    if (value === undefined) continue;
    if (key === 'hashes') {
      if (!isObject(value)) return undefined;
      for (const [algorithm, digest] of Object.entries(value)) {
        const text = literal(digest);
        if (text === undefined) return undefined;
        comparisons.push(`${type}:hashes.${component(algorithm)} = ${text}`);
      }
      continue;
    }
    const text = literal(value);
    if (text === undefined) return undefined;
    comparisons.push(`${type}:${component(key)} = ${text}`);
  }
  return comparisons.length === 0 ? undefined : `[${comparisons.join(' AND ')}]`;
}
