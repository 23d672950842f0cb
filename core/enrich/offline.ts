/**
 * The offline enrichers' pure core (issue 8): what can be said about one observable with
 * no network — public-suffix facts for names, the host a URL is on, the special-purpose
 * range of an address, the algorithms of a file's hashes. Returns STIX objects to merge
 * into the knowledge base and short facts for the UI; the runtime that runs it on demand
 * or on new observables lives elsewhere.
 *
 * Deterministic: every id is derived from content (SCO ids from their values, relationship
 * and note ids from what they connect), and the only clock is `options.now`, so running
 * the same enrichment twice merges into the same objects instead of adding copies.
 */
import { derivedId, formatTimestamp, generateScoId, parseId } from '../stix/index.ts';
import type { JsonObject } from '../stix/index.ts';
import { domainFactList, domainFacts, normalizeHost } from './domain.ts';
import { hashTypeOf } from './hashType.ts';
import { classifyIp, type IpClass } from './ipRange.ts';

export interface EnrichmentFact {
  label: string;
  value: string;
}

export interface OfflineEnrichmentOptions {
  /** The offline enricher's identity: `created_by_ref` of every SDO and SRO it writes. */
  identityId: string;
  now: () => Date;
}

export interface OfflineEnrichment {
  objects: JsonObject[];
  facts: EnrichmentFact[];
}

interface Context {
  source: string;
  timestamp: string;
  identityId: string;
}

function sco(type: string, value: string): JsonObject {
  return { type, spec_version: '2.1', id: generateScoId(type, { value }), value };
}

function relatedTo(context: Context, target: string): JsonObject {
  const ends = { source_ref: context.source, relationship_type: 'related-to', target_ref: target };
  return {
    type: 'relationship',
    spec_version: '2.1',
    id: derivedId('relationship', ends),
    created: context.timestamp,
    modified: context.timestamp,
    created_by_ref: context.identityId,
    ...ends,
  };
}

/** The SCO plus the link to it, skipped when it would be the observable itself. */
function linked(context: Context, type: string, value: string): JsonObject[] {
  const target = sco(type, value);
  return target['id'] === context.source ? [] : [target, relatedTo(context, String(target['id']))];
}

function enrichDomain(context: Context, value: string): OfflineEnrichment {
  const facts = domainFacts(value);
  const objects: JsonObject[] = [];
  if (facts.registered !== null && facts.registered !== facts.host) objects.push(...linked(context, 'domain-name', facts.registered));
  if (facts.parent !== null) objects.push(...linked(context, 'domain-name', facts.parent));
  return { objects, facts: domainFactList(facts) };
}

/** The host of an absolute URL: after `scheme://` and any user info, before port, path, query or fragment; IPv6 without brackets. */
export function urlHost(url: string): string | undefined {
  const match = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^/:?#]*)/i.exec(url.trim());
  const host = match?.[1]?.replace(/^\[|\]$/g, '');
  return host === undefined || host === '' ? undefined : normalizeHost(host);
}

function ipFacts(ip: IpClass): EnrichmentFact[] {
  return [
    { label: 'Address range', value: ip.range },
    { label: 'Range meaning', value: ip.description },
    { label: 'Routable on the internet', value: ip.routable ? 'yes' : 'no' },
  ];
}

function enrichUrl(context: Context, value: string): OfflineEnrichment {
  const host = urlHost(value);
  if (host === undefined) return { objects: [], facts: [{ label: 'Host', value: 'No host could be read from this URL.' }] };
  const hostFact = { label: 'Host', value: host };
  const ip = classifyIp(host, 4) ?? classifyIp(host, 6);
  if (ip !== undefined) {
    const type = host.includes(':') ? 'ipv6-addr' : 'ipv4-addr';
    return { objects: linked(context, type, host), facts: [hostFact, ...ipFacts(ip)] };
  }
  return { objects: linked(context, 'domain-name', host), facts: [hostFact, ...domainFactList(domainFacts(host))] };
}

function enrichIp(context: Context, value: string, version: 4 | 6): OfflineEnrichment {
  const ip = classifyIp(value, version);
  if (ip === undefined) return { objects: [], facts: [{ label: 'Address range', value: `Not a valid IPv${version} address.` }] };
  if (ip.routable) return { objects: [], facts: ipFacts(ip) };
  // A note rather than a label: the analyst reads why, next to the object, before blocking or sharing it.
  const note: JsonObject = {
    type: 'note',
    spec_version: '2.1',
    id: derivedId('note', { object_refs: [context.source], x_magpie_enrichment: 'offline-ip-range' }),
    created: context.timestamp,
    modified: context.timestamp,
    created_by_ref: context.identityId,
    abstract: 'Not routable on the internet',
    content:
      `${value} is in a special-purpose range (${ip.range}): ${ip.description} ` +
      'It is not routable on the public internet, so it names no host an attacker can be reached at from outside: ' +
      'blocking it protects nothing, and sending it out as an indicator causes false positives in other networks.',
    object_refs: [context.source],
  };
  return { objects: [note], facts: ipFacts(ip) };
}

function enrichFile(observable: JsonObject): OfflineEnrichment {
  const hashes = observable['hashes'];
  if (typeof hashes !== 'object' || hashes === null || Array.isArray(hashes) || Object.keys(hashes).length === 0) {
    return { objects: [], facts: [{ label: 'Hash types', value: 'This file has no hashes.' }] };
  }
  const facts: EnrichmentFact[] = [];
  const present: string[] = [];
  for (const [declared, hash] of Object.entries(hashes as JsonObject).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const detected = typeof hash === 'string' ? hashTypeOf(hash, declared) : undefined;
    if (detected === undefined) facts.push({ label: declared, value: 'Does not look like any known hash algorithm.' });
    else {
      if (!present.includes(detected)) present.push(detected);
      if (detected !== declared.trim().toUpperCase()) facts.push({ label: declared, value: `Looks like ${detected} by its length and format.` });
    }
  }
  return { objects: [], facts: [{ label: 'Hash types', value: present.length > 0 ? present.join(', ') : '(none recognised)' }, ...facts] };
}

/** Offline enrichment of one STIX observable. Never throws on odd input; says why nothing applied instead. */
export function offlineEnrichment(observable: JsonObject, options: OfflineEnrichmentOptions): OfflineEnrichment {
  const type = observable['type'];
  const id = observable['id'];
  const value = observable['value'];
  if (typeof type !== 'string' || typeof id !== 'string' || parseId(id)?.type !== type) {
    return { objects: [], facts: [{ label: 'Offline enrichment', value: 'Not a STIX object with a valid id.' }] };
  }
  const context: Context = { source: id, timestamp: formatTimestamp(options.now()), identityId: options.identityId };
  const text = typeof value === 'string' ? value : undefined;
  switch (type) {
    case 'domain-name':
      if (text !== undefined) return enrichDomain(context, text);
      break;
    case 'url':
      if (text !== undefined) return enrichUrl(context, text);
      break;
    case 'ipv4-addr':
    case 'ipv6-addr':
      if (text !== undefined) return enrichIp(context, text, type === 'ipv4-addr' ? 4 : 6);
      break;
    case 'file':
      return enrichFile(observable);
  }
  return { objects: [], facts: [{ label: 'Offline enrichment', value: `No offline enricher applies to this ${type}.` }] };
}
