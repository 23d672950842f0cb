/**
 * OTX indicator types to STIX Cyber-observables, as OpenCTI's `alienvault` connector maps
 * them (builder.py, `_PULSE_INDICATOR_TYPE_TO_OBSERVATION_FACTORY`), with STIX 2.1 types
 * where OpenCTI uses its own: a hostname is a `domain-name` (STIX has no hostname SCO).
 * CVE and YARA are handled by the converter; the types OpenCTI skips (JA3, imphash,
 * pehash, SSL fingerprints, osquery, …) and bitcoin addresses (no STIX 2.1 SCO) are left out.
 */
import type { JsonObject } from '../../../core/stix/index.ts';

type Make = (value: string) => JsonObject | undefined;

const ip: Make = (value) => ({ type: value.includes(':') ? 'ipv6-addr' : 'ipv4-addr', value });
const valued = (type: string): Make => (value) => ({ type, value });
const hash = (algorithm: string): Make => (value) => ({ type: 'file', hashes: { [algorithm]: value.toLowerCase() } });

/** STIX 2.1 §6.14: a url's value is an RFC 3986 URI; OTX "URI" entries are often bare paths. */
const url: Make = (value) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && URL.canParse(value) ? { type: 'url', value } : undefined);

const OBSERVABLES: Readonly<Record<string, Make>> = {
  IPv4: ip,
  IPv6: ip,
  CIDR: ip,
  domain: valued('domain-name'),
  hostname: valued('domain-name'),
  email: valued('email-addr'),
  URL: url,
  URI: url,
  'FileHash-MD5': hash('MD5'),
  'FileHash-SHA1': hash('SHA-1'),
  'FileHash-SHA256': hash('SHA-256'),
  FilePath: (value) => ({ type: 'file', name: value }),
  Mutex: (value) => ({ type: 'mutex', name: value }),
};

/**
 * The observable's own properties for an OTX indicator; `undefined` when its type has no
 * mapping (`known: false`) or its value does not fit the type (`known: true`).
 */
export function observableOf(type: string, value: string): { known: boolean; properties?: JsonObject } {
  const make = Object.hasOwn(OBSERVABLES, type) ? OBSERVABLES[type] : undefined;
  if (make === undefined) return { known: false };
  const properties = make(value.trim());
  return properties === undefined ? { known: true } : { known: true, properties };
}
