/**
 * What a MISP attribute value observes: the STIX Cyber-observable Objects (STIX 2.1 §6)
 * for each attribute type, and the STIX pattern (§9) an indicator for it detects. The
 * mapping follows MISP's misp-stix library (composite types such as `domain|ip` and
 * `ip-dst|port` become related observables and one combined pattern), with one change:
 * observables are SCOs with the spec's deterministic ids, not observed-data, as OpenCTI
 * stores them.
 */
import { refang } from '../extract/index.ts';
import { v5 as uuidv5 } from 'uuid';
import { generateScoId, patternFor, quotePatternString, STIX_NAMESPACE, type JsonObject } from '../stix/index.ts';

export interface Observation {
  /** SCOs, not yet marked. */
  readonly observables: JsonObject[];
  /** Ids of the observables an indicator for this value is based on. */
  readonly primary: string[];
  /** The STIX pattern detecting this value; absent where none can be written. */
  readonly pattern?: string;
}

export type ObservationResult = Observation | { readonly invalid: string };

export function isInvalid(result: ObservationResult): result is { readonly invalid: string } {
  return 'invalid' in result;
}

export function sco(type: string, properties: JsonObject): JsonObject {
  return { type, spec_version: '2.1', id: generateScoId(type, properties), ...properties };
}

/** STIX 2.1 has no wallet SCO; this is OpenCTI's custom one, with the spec's id scheme over its value. */
function wallet(value: string): JsonObject {
  return { type: 'cryptocurrency-wallet', spec_version: '2.1', id: `cryptocurrency-wallet--${uuidv5(JSON.stringify({ value }), STIX_NAMESPACE)}`, value };
}

function single(observable: JsonObject, pattern = patternFor(observable)): Observation {
  return { observables: [observable], primary: [observable['id'] as string], ...(pattern === undefined ? {} : { pattern }) };
}


/**
 * Feeds publish URLs defanged (`hXXps[:]//…`) and without a scheme (`host.example/path`);
 * a STIX url must be a URI, so they are refanged and read as http, as analysts read them.
 */
function urlValue(raw: string): string {
  // Characters RFC 3986 does not allow (`{victim@email}` templates, spaces, non-ASCII) are percent-encoded.
  const value = refang(raw.trim()).replace(/[^\x21-\x7e]|["<>\\^`{|}]/gu, (character) => encodeURIComponent(character));
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
}

const compare = (path: string, value: string | number): string => `${path} = ${typeof value === 'number' ? String(value) : quotePatternString(value)}`;
const observationOf = (...comparisons: string[]): string => `[${comparisons.join(' AND ')}]`;

export function address(value: string): JsonObject {
  const trimmed = value.trim();
  return sco(trimmed.includes(':') ? 'ipv6-addr' : 'ipv4-addr', { value: trimmed });
}

export function domain(value: string): JsonObject {
  return sco('domain-name', { value: value.trim().toLowerCase() });
}

function splitLast(value: string): [string, string] | undefined {
  const at = value.lastIndexOf('|');
  return at < 0 ? undefined : [value.slice(0, at), value.slice(at + 1)];
}

function splitFirst(value: string): [string, string] | undefined {
  const at = value.indexOf('|');
  return at < 0 ? undefined : [value.slice(0, at), value.slice(at + 1)];
}

export function parsePort(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d{1,5}$/.test(trimmed)) return undefined;
  const port = Number(trimmed);
  return port <= 65535 ? port : undefined;
}

/**
 * An endpoint and port as network traffic. MISP does not say which transport; traffic to
 * an address is labelled with the IP version, to a host name with TCP (web and mail
 * services, what such attributes almost always name).
 */
export function traffic(endpoint: JsonObject, port: number | undefined, side: 'src' | 'dst'): Observation {
  const type = endpoint['type'] as string;
  const protocols = type === 'domain-name' ? ['tcp'] : [type === 'ipv6-addr' ? 'ipv6' : 'ipv4'];
  const flow = sco('network-traffic', { [`${side}_ref`]: endpoint['id'], ...(port === undefined ? {} : { [`${side}_port`]: port }), protocols });
  const comparisons = [
    compare(`network-traffic:${side}_ref.type`, type),
    compare(`network-traffic:${side}_ref.value`, endpoint['value'] as string),
    ...(port === undefined ? [] : [compare(`network-traffic:${side}_port`, port)]),
  ];
  return { observables: [endpoint, flow], primary: [endpoint['id'] as string], pattern: observationOf(...comparisons) };
}

function endpointWithPort(value: string, side: 'src' | 'dst', endpointOf: (text: string) => JsonObject): ObservationResult {
  const parts = splitLast(value);
  const port = parts === undefined ? undefined : parsePort(parts[1]);
  if (parts === undefined || port === undefined) return { invalid: 'expected "host|port" with a port from 0 to 65535' };
  return traffic(endpointOf(parts[0]), port, side);
}

/** misp-stix's `domain|ip`: the domain resolving to the address. */
export function resolution(domainValue: string, addresses: readonly string[]): Observation {
  const ips = addresses.map(address);
  const name = sco('domain-name', { value: domainValue.trim().toLowerCase(), ...(ips.length === 0 ? {} : { resolves_to_refs: ips.map((ip) => ip['id']) }) });
  const comparisons = [compare('domain-name:value', name['value'] as string), ...ips.map((ip) => compare('domain-name:resolves_to_refs[*].value', ip['value'] as string))];
  return { observables: [name, ...ips], primary: [name['id'] as string], pattern: observationOf(...comparisons) };
}

/** MISP hash attribute types → STIX 2.1 hash-algorithm names (§10.7, plus the longer SHA-2/3 forms). */
export const HASH_ALGORITHMS: Readonly<Record<string, string>> = {
  md5: 'MD5', sha1: 'SHA-1', sha224: 'SHA-224', sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512',
  'sha512/224': 'SHA-512/224', 'sha512/256': 'SHA-512/256', 'sha3-224': 'SHA3-224', 'sha3-256': 'SHA3-256',
  'sha3-384': 'SHA3-384', 'sha3-512': 'SHA3-512', ssdeep: 'SSDEEP', tlsh: 'TLSH',
};

export function hashAlgorithm(mispType: string): string | undefined {
  return Object.hasOwn(HASH_ALGORITHMS, mispType) ? HASH_ALGORITHMS[mispType] : undefined;
}

/**
 * Hex digests are case-insensitive, so lower case makes the same hash the same SCO id; no
 * digest holds whitespace, so line breaks pasted into one (seen in ssdeep values) go.
 */
export function normaliseDigest(digest: string): string {
  const trimmed = digest.replace(/\s+/g, '');
  return /^[0-9a-fA-F]+$/.test(trimmed) ? trimmed.toLowerCase() : trimmed;
}

function file(name: string | undefined, algorithm?: string, digest?: string): JsonObject {
  return sco('file', {
    ...(algorithm === undefined || digest === undefined ? {} : { hashes: { [algorithm]: normaliseDigest(digest) } }),
    ...(name === undefined ? {} : { name: name.trim() }),
  });
}

function namedHash(value: string, algorithm: string): ObservationResult {
  const parts = splitLast(value);
  if (parts === undefined) return { invalid: 'expected "filename|hash"' };
  return single(file(parts[0], algorithm, parts[1]));
}

function registry(value: string): Observation {
  const parts = splitFirst(value);
  if (parts === undefined) return single(sco('windows-registry-key', { key: value.trim() }));
  const key = sco('windows-registry-key', { key: parts[0].trim(), values: [{ data: parts[1] }] });
  return single(key, observationOf(compare('windows-registry-key:key', parts[0].trim()), compare('windows-registry-key:values[*].data', parts[1])));
}

function autonomousSystem(value: string): ObservationResult {
  const match = /^(?:AS)?\s*(\d{1,10})$/i.exec(value.trim());
  const number = match?.[1] === undefined ? undefined : Number(match[1]);
  if (number === undefined || number > 4_294_967_295) return { invalid: 'expected an AS number such as AS13335' };
  return single(sco('autonomous-system', { number }));
}

function mac(value: string): Observation {
  return single(sco('mac-addr', { value: value.trim().toLowerCase().replaceAll('-', ':') }));
}

/** misp-stix's user-agent pattern; there is no observable to make without the traffic's endpoints. */
function userAgent(value: string): Observation {
  return { observables: [], primary: [], pattern: observationOf(compare("network-traffic:extensions.'http-request-ext'.request_header.'User-Agent'", value)) };
}

type Mapper = (value: string) => ObservationResult;

const BY_TYPE: Readonly<Record<string, Mapper>> = {
  'ip-src': (value) => single(address(value)),
  'ip-dst': (value) => single(address(value)),
  'ip-src|port': (value) => endpointWithPort(value, 'src', address),
  'ip-dst|port': (value) => endpointWithPort(value, 'dst', address),
  'hostname|port': (value) => endpointWithPort(value, 'dst', domain),
  domain: (value) => single(domain(value)),
  hostname: (value) => single(domain(value)),
  'domain|ip': (value) => {
    const parts = splitLast(value);
    return parts === undefined ? { invalid: 'expected "domain|ip"' } : resolution(parts[0], [parts[1]]);
  },
  url: (value) => single(sco('url', { value: urlValue(value) })),
  // MISP's `uri` is often a bare path (`/gate.php`): with no host it is no STIX url.
  uri: (value) => (value.trim().startsWith('/') ? { invalid: 'a path without a host is not a URL; record it with its host as a url attribute' } : single(sco('url', { value: urlValue(value) }))),
  email: (value) => single(sco('email-addr', { value: value.trim() })),
  'email-src': (value) => single(sco('email-addr', { value: value.trim() })),
  'email-dst': (value) => single(sco('email-addr', { value: value.trim() })),
  'email-reply-to': (value) => single(sco('email-addr', { value: value.trim() })),
  'email-subject': (value) => single(sco('email-message', { is_multipart: false, subject: value })),
  'email-attachment': (value) => single(file(value)),
  filename: (value) => single(file(value)),
  mutex: (value) => single(sco('mutex', { name: value.trim() })),
  regkey: registry,
  'regkey|value': registry,
  AS: autonomousSystem,
  'mac-address': mac,
  btc: (value) => single(wallet(value.trim()), observationOf(compare('cryptocurrency-wallet:value', value.trim()))),
  xmr: (value) => single(wallet(value.trim()), observationOf(compare('cryptocurrency-wallet:value', value.trim()))),
  'user-agent': userAgent,
  'x509-fingerprint-md5': (value) => single(sco('x509-certificate', { hashes: { MD5: normaliseDigest(value) } })),
  'x509-fingerprint-sha1': (value) => single(sco('x509-certificate', { hashes: { 'SHA-1': normaliseDigest(value) } })),
  'x509-fingerprint-sha256': (value) => single(sco('x509-certificate', { hashes: { 'SHA-256': normaliseDigest(value) } })),
  // The payload of a sample or attachment is not imported: Magpie keeps intelligence, not malware.
  attachment: (value) => single(file(value)),
  'malware-sample': (value) => namedHash(value, 'MD5'),
};

/** The observation of one attribute value, or `undefined` when its type has no mapping here. */
export function observationFor(type: string, value: string): ObservationResult | undefined {
  if (Object.hasOwn(BY_TYPE, type)) return BY_TYPE[type]?.(value);
  const algorithm = hashAlgorithm(type);
  if (algorithm !== undefined) return single(file(undefined, algorithm, value));
  const named = /^filename\|(.+)$/.exec(type);
  const namedAlgorithm = named?.[1] === undefined ? undefined : hashAlgorithm(named[1]);
  if (namedAlgorithm !== undefined) return namedHash(value, namedAlgorithm);
  return undefined;
}
