/**
 * What an ATT&CK run remembers per domain: the URL it read and a short digest of each
 * object's id and `modified` (MITRE bumps `modified` on every change). The next run emits
 * only objects whose digest is new. Digests are kept as one sorted string, 12 characters
 * each, so the Enterprise domain's ~25,000 objects take ~300 KB of cursor rather than a
 * map of ids several times that size.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { JsonObject } from '../../../core/stix/index.ts';
import type { AttackDomain } from './settings.ts';

const DIGEST_LENGTH = 12;

export interface DomainCursor {
  url: string;
  digests: string;
}

export interface AttackCursor {
  settings: string;
  domains: Partial<Record<AttackDomain, DomainCursor>>;
}

/** 72 bits of SHA-256 over the version: collisions are out of reach for tens of thousands of objects. */
export function objectDigest(object: Readonly<JsonObject>): string {
  const modified = object['modified'];
  // Objects without versions (marking-definitions) are compared by their whole content.
  const version = typeof modified === 'string' ? `${String(object['id'])}|${modified}` : (canonicalize(object) ?? '');
  return createHash('sha256').update(version).digest('base64url').slice(0, DIGEST_LENGTH);
}

export function packDigests(digests: Iterable<string>): string {
  return [...new Set(digests)].sort().join('');
}

export function unpackDigests(packed: string): Set<string> {
  const digests = new Set<string>();
  for (let at = 0; at + DIGEST_LENGTH <= packed.length; at += DIGEST_LENGTH) digests.add(packed.slice(at, at + DIGEST_LENGTH));
  return digests;
}

/** What the last run left for a domain, or nothing when the settings or the URL changed since. */
export function previousDomain(cursor: Readonly<Record<string, unknown>>, settings: string, domain: AttackDomain, url: string): DomainCursor | undefined {
  if (cursor['settings'] !== settings) return undefined;
  const domains = cursor['domains'];
  if (typeof domains !== 'object' || domains === null) return undefined;
  const entry = (domains as Record<string, unknown>)[domain];
  if (typeof entry !== 'object' || entry === null) return undefined;
  const { url: previousUrl, digests } = entry as Record<string, unknown>;
  return previousUrl === url && typeof digests === 'string' ? { url, digests } : undefined;
}
