/**
 * What a KEV run remembers: a short digest of each entry as published, keyed by CVE, and
 * the settings that shaped the output. The next run converts only entries whose digest
 * changed (new CVEs, a ransomware flag flipped, a due date moved); a change of settings
 * (TLP, infrastructures) makes every entry new again, since every object would change.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { KevConfig } from './settings.ts';

export interface KevCursor {
  /** The catalogVersion last imported, for the run log. */
  catalogVersion?: string;
  settings: string;
  /** CVE id → digest of its entry. */
  entries: Record<string, string>;
}

/** 96 bits of SHA-256: collisions are out of reach for a catalog of thousands. */
export function entryDigest(raw: unknown): string {
  return createHash('sha256').update(canonicalize(raw) ?? '').digest('base64url').slice(0, 16);
}

export function settingsKey(config: Pick<KevConfig, 'tlp' | 'createInfrastructures'>): string {
  return `tlp=${config.tlp};infrastructures=${String(config.createInfrastructures)}`;
}

/** The previous run's digests, or none when the cursor is absent, foreign or from other settings. */
export function previousEntries(cursor: Readonly<Record<string, unknown>>, settings: string): ReadonlyMap<string, string> {
  const entries = cursor['entries'];
  if (cursor['settings'] !== settings || typeof entries !== 'object' || entries === null || Array.isArray(entries)) return new Map();
  return new Map(Object.entries(entries).filter((pair): pair is [string, string] => typeof pair[1] === 'string'));
}
