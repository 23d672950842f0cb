/**
 * A running TAXII server for the conformance suite (main/taxiiServer/conformance/), which is
 * written from the OASIS TAXII 2.1 specification and knows the server only through this:
 * an origin, the discovery and API root paths, three tokens and three collections, over
 * objects held in memory whose date_added the suite knows.
 */
import { randomUUID } from 'node:crypto';
import type { JsonObject } from '../../../core/stix/model/properties.ts';
import { TaxiiServerConfig } from '../config.ts';
import { hashToken } from '../clients.ts';
import { startTaxiiServer } from '../server.ts';
import type { CollectionEntry } from '../source.ts';
import { createMemorySource, type MemorySource } from './memorySource.ts';

export interface ConformanceTarget {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** The discovery resource: /taxii2/ */
  discoveryPath: string;
  /** The one API root, e.g. /magpie/ (ends with a slash). */
  apiRootPath: string;
  tokens: {
    /** May read `readable` and `writable`. */
    reader: string;
    /** May read and write `writable`; read `readable`. */
    writer: string;
    /** A known client with no rights to any collection. */
    stranger: string;
  };
  collections: {
    /** Read-only, holds `seeded`. */
    readable: string;
    /** Writable by `writer`; starts empty. */
    writable: string;
    /** Exists, but no client has a right to it. */
    hidden: string;
  };
  /** What `readable` holds, oldest date_added first: indicators, malware, a relationship, and two versions of one indicator. */
  seeded: CollectionEntry[];
  source: MemorySource;
  close(): Promise<void>;
}

/** Every seeded object carries it: `readable` is a label view, so what clients post never shows there. */
const SEED_LABEL = 'conformance-seed';

const at = (minutes: number): string => new Date(Date.UTC(2026, 0, 10, 9, minutes, 0, 123)).toISOString();

function seededEntries(): CollectionEntry[] {
  const entries: CollectionEntry[] = [];
  const indicatorId = 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f';
  const malwareId = 'malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b';
  for (let index = 0; index < 12; index += 1) {
    const id = `indicator--${randomUUID()}`;
    const created = at(index);
    entries.push({ dateAdded: at(index), object: { type: 'indicator', spec_version: '2.1', id, created, modified: created, name: `Seed ${index}`, pattern: `[ipv4-addr:value = '198.51.100.${index}']`, pattern_type: 'stix', valid_from: created, indicator_types: ['malicious-activity'] } });
  }
  entries.push({ dateAdded: at(20), object: { type: 'malware', spec_version: '2.1', id: malwareId, created: at(20), modified: at(20), name: 'Seedling', is_family: true } });
  entries.push({ dateAdded: at(21), object: { type: 'indicator', spec_version: '2.1', id: indicatorId, created: at(21), modified: at(21), name: 'Two versions', pattern: "[domain-name:value = 'example.org']", pattern_type: 'stix', valid_from: at(21) } });
  entries.push({ dateAdded: at(22), object: { type: 'relationship', spec_version: '2.1', id: 'relationship--f6f4f3b1-0c6b-4c76-9d0b-0b2f1a9e6b51', created: at(22), modified: at(22), relationship_type: 'indicates', source_ref: indicatorId, target_ref: malwareId } });
  entries.push({ dateAdded: at(30), object: { type: 'indicator', spec_version: '2.1', id: indicatorId, created: at(21), modified: at(30), name: 'Two versions (second)', pattern: "[domain-name:value = 'example.org']", pattern_type: 'stix', valid_from: at(21) } });
  return entries.map((entry) => ({ ...entry, object: { ...entry.object, labels: [SEED_LABEL] } }));
}

export async function startConformanceTarget(options: { maxContentLength?: number; rateLimitPerMinute?: number; now?: () => Date } = {}): Promise<ConformanceTarget> {
  const tokens = { reader: `reader-${randomUUID()}`, writer: `writer-${randomUUID()}`, stranger: `stranger-${randomUUID()}` };
  const collections = { readable: randomUUID(), writable: randomUUID(), hidden: randomUUID() };
  const seeded = seededEntries();
  // The writable collection is an inbox: it shows what clients posted to it, so `readable` stays as seeded.
  const source = createMemorySource([...seeded], options.now);
  const client = (name: string, token: string, rights: Record<string, 'read' | 'read-write'>) => ({ id: randomUUID(), name, tokenSha256: hashToken(token), createdAt: at(0), revokedAt: null, rights });
  const config = TaxiiServerConfig.parse({
    enabled: true,
    port: 0,
    ...(options.maxContentLength === undefined ? {} : { maxContentLength: options.maxContentLength }),
    ...(options.rateLimitPerMinute === undefined ? {} : { rateLimitPerMinute: options.rateLimitPerMinute }),
    collections: [
      { id: collections.readable, title: 'Seeded', description: 'What the suite reads', view: { kind: 'label', label: SEED_LABEL }, maxTlp: 'red', writable: false },
      { id: collections.writable, title: 'Inbox', view: { kind: 'inbox' }, maxTlp: 'red', writable: true },
      { id: collections.hidden, title: 'Hidden', view: { kind: 'all' }, maxTlp: 'red', writable: false },
    ],
    clients: [
      client('reader', tokens.reader, { [collections.readable]: 'read', [collections.writable]: 'read' }),
      client('writer', tokens.writer, { [collections.readable]: 'read', [collections.writable]: 'read-write' }),
      client('stranger', tokens.stranger, {}),
    ],
  });
  const server = await startTaxiiServer({ config, source, log: () => undefined, ...(options.now ? { now: options.now } : {}) });
  return { origin: server.origin, discoveryPath: '/taxii2/', apiRootPath: server.apiRootPath, tokens, collections, seeded, source, close: () => server.close() };
}

export type { JsonObject };
