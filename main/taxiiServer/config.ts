/**
 * What the analyst set up for the TAXII 2.1 server (issue 18, point 2), kept in the
 * profile as taxii-server.json: off by default; loopback unless the analyst names another
 * address and gives TLS; collections are views of the knowledge base; clients are named,
 * each with its own token (only its SHA-256 is kept) and rights per collection.
 */
import { z } from 'zod';
import { CollectionView } from '../../core/localApi/protocol.ts';
import { TLP_ORDER, type TlpLevel } from '../../core/stix/markings.ts';

const Tlp = z.enum(TLP_ORDER as [TlpLevel, ...TlpLevel[]]);


export const ServedCollection = z
  .object({
    id: z.uuid(),
    title: z.string().trim().min(1).max(200),
    description: z.string().max(2000).default(''),
    view: CollectionView,
    maxTlp: Tlp,
    /** Whether clients with read/write rights may POST objects into the knowledge base through it. */
    writable: z.boolean().default(false),
  })
  .strict();
export type ServedCollection = z.infer<typeof ServedCollection>;

export const Right = z.enum(['read', 'read-write']);
export type Right = z.infer<typeof Right>;

export const ServerClient = z
  .object({
    id: z.uuid(),
    name: z.string().trim().min(1).max(100),
    /** SHA-256 (hex) of the token; the token itself is shown once, when made. */
    tokenSha256: z.string().regex(/^[0-9a-f]{64}$/),
    createdAt: z.string(),
    revokedAt: z.string().nullable().default(null),
    /** Collection id → right; a collection not named here is not visible to the client. */
    rights: z.record(z.string(), Right).default({}),
  })
  .strict();
export type ServerClient = z.infer<typeof ServerClient>;

export const TaxiiServerConfig = z
  .object({
    enabled: z.boolean().default(false),
    /** 127.0.0.1 unless the analyst explicitly names another address, which needs TLS. */
    host: z.string().min(1).max(255).default('127.0.0.1'),
    port: z.number().int().min(0).max(65_535).default(9443),
    /** PEM files of the analyst's certificate and key; required for any address but loopback. */
    tls: z.object({ certFile: z.string().min(1), keyFile: z.string().min(1) }).strict().nullable().default(null),
    collections: z.array(ServedCollection).max(200).default([]),
    clients: z.array(ServerClient).max(200).default([]),
    /** Requests per minute a client may make. */
    rateLimitPerMinute: z.number().int().min(1).max(100_000).default(600),
    /** The largest POST body accepted, in bytes. */
    maxContentLength: z.number().int().min(1024).max(512 * 1024 * 1024).default(32 * 1024 * 1024),
  })
  .strict();
export type TaxiiServerConfig = z.infer<typeof TaxiiServerConfig>;

export const isLoopback = (host: string): boolean => host === '127.0.0.1' || host === '::1' || host === 'localhost';
