/**
 * misp-objects' `x509` and `network-connection` templates as one STIX object each (issue 20,
 * point 5), as misp-stix maps them: a certificate's fingerprints, issuer, subject, serial and
 * validity on one `x509-certificate`; a connection's ends, ports and protocols on one
 * `network-traffic` with its address or domain SCOs. Magpie's MISP export writes both, so a
 * round trip gives back the objects it started from, same ids.
 */
import { patternFor, quotePatternString as quote, type JsonObject } from '../stix/index.ts';
import type { Part, Template } from './objects.ts';
import { address, domain, normaliseDigest, parsePort, sco } from './observables.ts';

const X509_HASHES: Readonly<Record<string, string>> = { 'x509-fingerprint-md5': 'MD5', 'x509-fingerprint-sha1': 'SHA-1', 'x509-fingerprint-sha256': 'SHA-256' };

function iso(value: string | undefined): string | undefined {
  return value === undefined || Number.isNaN(Date.parse(value)) ? undefined : new Date(value).toISOString();
}

function take(parts: readonly Part[], used: Set<Part>, relation: string): string | undefined {
  const found = parts.find((part) => part.relation === relation && !used.has(part));
  if (found === undefined) return undefined;
  used.add(found);
  return found.value.trim();
}

export const x509Template: Template = (parts) => {
  const used = new Set<Part>();
  const hashes: Record<string, string> = {};
  for (const part of parts) {
    const algorithm = X509_HASHES[part.type];
    if (algorithm !== undefined && hashes[algorithm] === undefined) {
      hashes[algorithm] = normaliseDigest(part.value);
      used.add(part);
    }
  }
  const properties: JsonObject = {
    ...(Object.keys(hashes).length === 0 ? {} : { hashes }),
    ...Object.fromEntries((['issuer', 'subject', 'serial-number'] as const).flatMap((relation) => {
      const value = take(parts, used, relation);
      return value === undefined ? [] : [[relation === 'serial-number' ? 'serial_number' : relation, value]];
    })),
  };
  const notBefore = iso(take(parts, used, 'validity-not-before'));
  const notAfter = iso(take(parts, used, 'validity-not-after'));
  if (Object.keys(properties).length === 0) return undefined;
  const certificate = sco('x509-certificate', { ...properties, ...(notBefore === undefined ? {} : { validity_not_before: notBefore }), ...(notAfter === undefined ? {} : { validity_not_after: notAfter }) });
  const pattern = patternFor(certificate);
  return { observation: { observables: [certificate], primary: [certificate['id'] as string], ...(pattern === undefined ? {} : { pattern }) }, unused: parts.filter((part) => !used.has(part)) };
};

const PROTOCOL_RELATIONS = ['layer3-protocol', 'layer4-protocol', 'layer7-protocol'];

export const networkConnectionTemplate: Template = (parts) => {
  const used = new Set<Part>();
  const end = (side: 'src' | 'dst'): JsonObject | undefined => {
    const ip = take(parts, used, `ip-${side}`);
    if (ip !== undefined) return address(ip);
    const host = take(parts, used, `hostname-${side}`);
    return host === undefined ? undefined : domain(host);
  };
  const source = end('src');
  const destination = end('dst');
  if (source === undefined && destination === undefined) return undefined;
  const port = (side: 'src' | 'dst'): number | undefined => {
    const value = take(parts, used, `${side}-port`);
    return value === undefined ? undefined : parsePort(value);
  };
  const srcPort = port('src');
  const dstPort = port('dst');
  const protocols = parts.filter((part) => PROTOCOL_RELATIONS.includes(part.relation)).map((part) => (used.add(part), part.value.trim().toLowerCase()));
  const start = iso(take(parts, used, 'first-packet-seen'));
  const flow = sco('network-traffic', {
    ...(start === undefined ? {} : { start }),
    ...(source === undefined ? {} : { src_ref: source['id'] }), ...(destination === undefined ? {} : { dst_ref: destination['id'] }),
    ...(srcPort === undefined ? {} : { src_port: srcPort }), ...(dstPort === undefined ? {} : { dst_port: dstPort }),
    protocols: protocols.length === 0 ? ['tcp'] : protocols,
  });
  const comparisons = [
    ...(source === undefined ? [] : [`network-traffic:src_ref.value = ${quote(String(source['value']))}`]),
    ...(destination === undefined ? [] : [`network-traffic:dst_ref.value = ${quote(String(destination['value']))}`]),
    ...(srcPort === undefined ? [] : [`network-traffic:src_port = ${String(srcPort)}`]),
    ...(dstPort === undefined ? [] : [`network-traffic:dst_port = ${String(dstPort)}`]),
  ];
  return {
    observation: { observables: [...(source === undefined ? [] : [source]), ...(destination === undefined ? [] : [destination]), flow], primary: [flow['id'] as string], pattern: `[${comparisons.join(' AND ')}]` },
    unused: parts.filter((part) => !used.has(part)),
  };
};
