/**
 * The MISP objects an SCO becomes, relations named as in MISP's object templates and typed as
 * misp-stix types them on import (its stix2mapping.py): `file`, `registry-key` (and
 * `registry-key-value` for each of several values), `email`, `x509`, and `network-connection`
 * or `http-request` for network traffic. Each object's uuid is its SCO's.
 */
import { isObject, type JsonObject } from '../../stix/model/properties.ts';

export interface Part {
  readonly relation: string;
  readonly type: string;
  readonly category: string;
  readonly value: string;
}

export interface ObjectShape {
  readonly name: string;
  readonly metaCategory: string;
  readonly description: string;
  /** MISP's template, where Magpie knows its uuid (MISP matches the rest by name). */
  readonly template?: { readonly uuid: string; readonly version: string };
  readonly parts: readonly Part[];
  /** Set for an object not made from the SCO itself (a registry value): its own id. */
  readonly id?: string;
}

export type Lookup = (id: unknown) => JsonObject | undefined;

const PAYLOAD = 'Payload delivery';
const NETWORK = 'Network activity';

function text(value: unknown): string | undefined {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function part(relation: string, type: string, category: string, value: unknown): Part[] {
  const written = text(value);
  return written === undefined ? [] : [{ relation, type, category, value: written }];
}

const FILE_HASHES: Readonly<Record<string, string>> = { MD5: 'md5', 'SHA-1': 'sha1', SHA1: 'sha1', 'SHA-256': 'sha256', SHA256: 'sha256', 'SHA-512': 'sha512', SHA512: 'sha512' };

function hashParts(hashes: unknown, names: Readonly<Record<string, string>>, category: string): Part[] {
  if (!isObject(hashes)) return [];
  return Object.entries(hashes).flatMap(([algorithm, digest]) => {
    const type = names[algorithm];
    const value = text(digest);
    return type === undefined || value === undefined ? [] : part(type, type, category, /^[0-9a-f]+$/i.test(value) ? value.toLowerCase() : value);
  });
}

export function fileObject(sco: JsonObject): ObjectShape {
  return {
    name: 'file', metaCategory: 'file', description: 'File object describing a file with meta-information',
    template: { uuid: '688c46fb-5edb-40a3-8273-1af7923e2215', version: '17' },
    parts: [...part('filename', 'filename', PAYLOAD, sco['name']), ...hashParts(sco['hashes'], FILE_HASHES, PAYLOAD), ...part('size-in-bytes', 'size-in-bytes', 'Other', sco['size'])],
  };
}

function registryValueParts(value: JsonObject): Part[] {
  return [...part('name', 'text', 'Persistence mechanism', value['name']), ...part('data', 'text', 'Persistence mechanism', value['data']), ...part('data-type', 'text', 'Persistence mechanism', value['data_type'])];
}

/** misp-stix keeps one value inside the key's object and gives each of several its own object. */
export function registryObjects(sco: JsonObject): ObjectShape[] {
  const values = Array.isArray(sco['values']) ? sco['values'].filter(isObject) : [];
  const key: ObjectShape = {
    name: 'registry-key', metaCategory: 'file', description: 'Registry key object describing a Windows registry key',
    parts: [...part('key', 'regkey', 'Persistence mechanism', sco['key']), ...part('last-modified', 'datetime', 'Other', sco['modified_time']), ...(values.length === 1 && values[0] !== undefined ? registryValueParts(values[0]) : [])],
  };
  if (values.length < 2) return [key];
  return [key, ...values.map((value, index) => ({
    name: 'registry-key-value', metaCategory: 'misc', description: 'A value of a Windows registry key', id: `${String(sco['id'])} - values - ${String(index)}`, parts: registryValueParts(value),
  }))];
}

function addresses(refs: unknown, lookup: Lookup): string[] {
  return (Array.isArray(refs) ? refs : [refs]).flatMap((ref) => text(lookup(ref)?.['value']) ?? []);
}

export function emailObject(sco: JsonObject, lookup: Lookup): ObjectShape {
  const headers = isObject(sco['additional_header_fields']) ? sco['additional_header_fields'] : {};
  return {
    name: 'email', metaCategory: 'network', description: 'Email object describing an email with meta-information',
    parts: [
      ...addresses(sco['from_ref'], lookup).flatMap((value) => part('from', 'email-src', PAYLOAD, value)),
      ...addresses(sco['to_refs'], lookup).flatMap((value) => part('to', 'email-dst', PAYLOAD, value)),
      ...addresses(sco['cc_refs'], lookup).flatMap((value) => part('cc', 'email-dst', PAYLOAD, value)),
      ...part('subject', 'email-subject', PAYLOAD, sco['subject']),
      ...part('message-id', 'email-message-id', PAYLOAD, sco['message_id']),
      ...part('send-date', 'datetime', 'Other', sco['date']),
      ...part('reply-to', 'email-reply-to', PAYLOAD, headers['Reply-To']),
      ...part('x-mailer', 'email-x-mailer', PAYLOAD, headers['X-Mailer']),
    ],
  };
}

const X509_HASHES: Readonly<Record<string, string>> = { MD5: 'x509-fingerprint-md5', 'SHA-1': 'x509-fingerprint-sha1', SHA1: 'x509-fingerprint-sha1', 'SHA-256': 'x509-fingerprint-sha256', SHA256: 'x509-fingerprint-sha256' };

export function x509Object(sco: JsonObject): ObjectShape {
  return {
    name: 'x509', metaCategory: 'network', description: 'x509 object describing a X.509 certificate',
    parts: [
      ...hashParts(sco['hashes'], X509_HASHES, NETWORK),
      ...part('issuer', 'text', NETWORK, sco['issuer']), ...part('subject', 'text', NETWORK, sco['subject']),
      ...part('serial-number', 'text', NETWORK, sco['serial_number']),
      ...part('validity-not-before', 'datetime', 'Other', sco['validity_not_before']), ...part('validity-not-after', 'datetime', 'Other', sco['validity_not_after']),
    ],
  };
}

function endpoint(ref: unknown, side: 'src' | 'dst', lookup: Lookup, hostnameRelation: string): Part[] {
  const sco = lookup(ref);
  const value = text(sco?.['value']);
  if (sco === undefined || value === undefined) return [];
  if (sco['type'] === 'domain-name') return part(hostnameRelation, 'hostname', NETWORK, value);
  return sco['type'] === 'ipv4-addr' || sco['type'] === 'ipv6-addr' ? part(`ip-${side}`, `ip-${side}`, NETWORK, value) : [];
}

/** Network traffic: an `http-request` when it carries an HTTP request, else a `network-connection`. */
export function trafficObject(sco: JsonObject, lookup: Lookup): ObjectShape {
  const extensions = isObject(sco['extensions']) ? sco['extensions'] : {};
  const http = isObject(extensions['http-request-ext']) ? extensions['http-request-ext'] : undefined;
  const protocols = Array.isArray(sco['protocols']) ? sco['protocols'].map((protocol) => String(protocol).toUpperCase()) : [];
  if (http !== undefined) {
    const header = isObject(http['request_header']) ? http['request_header'] : {};
    return {
      name: 'http-request', metaCategory: 'network', description: 'A single HTTP request header',
      parts: [
        ...endpoint(sco['src_ref'], 'src', lookup, 'host'), ...endpoint(sco['dst_ref'], 'dst', lookup, 'host'),
        ...part('method', 'http-method', NETWORK, http['request_method']), ...part('uri', 'uri', NETWORK, http['request_value']),
        ...part('user-agent', 'user-agent', NETWORK, header['User-Agent']), ...part('host', 'hostname', NETWORK, header['Host']),
      ],
    };
  }
  return {
    name: 'network-connection', metaCategory: 'network', description: 'A local or remote network connection',
    parts: [
      ...endpoint(sco['src_ref'], 'src', lookup, 'hostname-src'), ...endpoint(sco['dst_ref'], 'dst', lookup, 'hostname-dst'),
      ...part('src-port', 'port', NETWORK, sco['src_port']), ...part('dst-port', 'port', NETWORK, sco['dst_port']),
      ...protocols.flatMap((protocol) => part(/^(TCP|UDP|SCTP|ICMP)$/.test(protocol) ? 'layer4-protocol' : /^(IPV4|IPV6|IP)$/.test(protocol) ? 'layer3-protocol' : 'layer7-protocol', 'text', NETWORK, protocol)),
      ...part('first-packet-seen', 'datetime', 'Other', sco['start']),
    ],
  };
}
