/**
 * The TAXII server Magpie runs for a team (issue 18, point 2), spread into channels.ts's
 * request map: Settings turns it on, publishes collections and names clients. A client's
 * token crosses once, in the answer that made it; only its hash is kept.
 */
import { z } from 'zod';
import { CollectionView } from '../localApi/protocol.ts';
import { TLP_ORDER, type TlpLevel } from '../stix/markings.ts';

const Tlp = z.enum(TLP_ORDER as [TlpLevel, ...TlpLevel[]]);
const Right = z.enum(['read', 'read-write']);

export const ServedCollectionView = z
  .object({ id: z.uuid(), title: z.string(), description: z.string(), view: CollectionView, maxTlp: Tlp, writable: z.boolean() })
  .strict();

export type ServedCollectionView = z.infer<typeof ServedCollectionView>;

export const ServerClientView = z
  .object({ id: z.uuid(), name: z.string(), createdAt: z.string(), revokedAt: z.string().nullable(), rights: z.record(z.string(), Right) })
  .strict();
export type ServerClientView = z.infer<typeof ServerClientView>;

export const TaxiiServeView = z
  .object({
    enabled: z.boolean(),
    host: z.string(),
    port: z.number().int(),
    tls: z.object({ certFile: z.string(), keyFile: z.string() }).strict().nullable(),
    /** SHA-256 of the certificate in use, for clients to check (colon-separated hex). */
    tlsFingerprint: z.string().nullable(),
    rateLimitPerMinute: z.number().int(),
    maxContentLength: z.number().int(),
    collections: z.array(ServedCollectionView),
    clients: z.array(ServerClientView),
    /** The discovery URL while the server runs; null when off. */
    discoveryUrl: z.string().nullable(),
    /** Why the server is not running although it is on (a port in use, TLS missing…). */
    error: z.string().nullable(),
  })
  .strict();
export type TaxiiServeView = z.infer<typeof TaxiiServeView>;

export const taxiiServeRequestChannels = {
  'taxiiServe:get': { request: z.undefined(), response: TaxiiServeView },
  'taxiiServe:configure': {
    request: z
      .object({
        enabled: z.boolean().optional(),
        host: z.string().trim().min(1).max(255).optional(),
        port: z.number().int().min(0).max(65_535).optional(),
        tls: z.object({ certFile: z.string().min(1).max(4096), keyFile: z.string().min(1).max(4096) }).strict().nullable().optional(),
        rateLimitPerMinute: z.number().int().min(1).max(100_000).optional(),
        maxContentLength: z.number().int().min(1024).max(512 * 1024 * 1024).optional(),
      })
      .strict(),
    response: TaxiiServeView,
  },
  /** A self-signed certificate for the address the server is to listen on; the server then speaks TLS. */
  'taxiiServe:generate-certificate': { request: z.object({ host: z.string().trim().min(1).max(255) }).strict(), response: TaxiiServeView },
  'taxiiServe:save-collection': {
    request: z
      .object({ id: z.uuid().optional(), title: z.string().trim().min(1, 'Give the collection a title.').max(200), description: z.string().max(2000).default(''), view: CollectionView, maxTlp: Tlp, writable: z.boolean() })
      .strict(),
    response: TaxiiServeView,
  },
  'taxiiServe:remove-collection': { request: z.object({ id: z.uuid() }).strict(), response: TaxiiServeView },
  'taxiiServe:add-client': {
    request: z.object({ name: z.string().trim().min(1, 'Give the client a name.').max(100), rights: z.record(z.uuid(), Right) }).strict(),
    response: z.object({ view: TaxiiServeView, token: z.string() }).strict(),
  },
  'taxiiServe:set-client': {
    request: z.object({ id: z.uuid(), rights: z.record(z.uuid(), Right).optional(), revoke: z.literal(true).optional() }).strict(),
    response: TaxiiServeView,
  },
  'taxiiServe:log': { request: z.undefined(), response: z.object({ lines: z.array(z.string()) }).strict() },
} as const;
