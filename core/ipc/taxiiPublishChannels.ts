/**
 * Publishing to TAXII 2.1 servers (issue 18), spread into channels.ts's request map. The
 * renderer chooses the objects with the Export page's rules and hands them over; main
 * keeps the servers (secrets in the keychain), talks to them, and reports progress as
 * `task:progress` under the request's task id.
 */
import { z } from 'zod';

const ServerId = z.uuid();

export const TaxiiServerView = z
  .object({
    id: ServerId,
    title: z.string(),
    url: z.string(),
    auth: z.enum(['none', 'basic', 'bearer']),
    username: z.string().optional(),
    /** Whether a password or token is stored; the secret itself never crosses. */
    secretSet: z.boolean(),
  })
  .strict();
export type TaxiiServerView = z.infer<typeof TaxiiServerView>;

export const TaxiiServerInput = z
  .object({
    id: ServerId.optional(),
    title: z.string().trim().min(1, 'Give the server a name.').max(200),
    url: z.url({ protocol: /^https?$/, error: 'A discovery or API root URL starting with http:// or https://.' }).max(2048),
    auth: z.enum(['none', 'basic', 'bearer']),
    username: z.string().max(500).optional(),
    /** A string sets the password or token, `''` removes it, absent keeps it. */
    secret: z.string().max(10_000).optional(),
  })
  .strict();

export const PublishCollectionView = z
  .object({
    apiRoot: z.string(),
    apiRootTitle: z.string(),
    maxContentLength: z.number().int().positive().nullable(),
    id: z.string(),
    title: z.string(),
    canWrite: z.boolean(),
  })
  .strict();
export type PublishCollectionView = z.infer<typeof PublishCollectionView>;

const ObjectFailure = z.object({ id: z.string(), version: z.string().optional(), message: z.string() }).strict();

export const PublishOutcomeView = z
  .object({
    total: z.number().int().nonnegative(),
    succeeded: z.number().int().nonnegative(),
    failures: z.array(ObjectFailure),
    pending: z.array(ObjectFailure),
    envelopes: z.number().int().nonnegative(),
  })
  .strict();
export type PublishOutcomeView = z.infer<typeof PublishOutcomeView>;

/** The most objects one publish carries across the bridge (an export of the whole store is larger: use a file). */
export const MAX_PUBLISHED_OBJECTS = 200_000;

export const taxiiPublishRequestChannels = {
  'taxii-publish:servers': { request: z.undefined(), response: z.object({ servers: z.array(TaxiiServerView), secretsPersistent: z.boolean() }).strict() },
  'taxii-publish:save-server': { request: TaxiiServerInput, response: TaxiiServerView },
  'taxii-publish:remove-server': { request: z.object({ id: ServerId }).strict(), response: z.object({ removed: z.boolean() }).strict() },
  /** Discovery, every API root, and each root's collections with can_write. */
  'taxii-publish:collections': { request: z.object({ serverId: ServerId }).strict(), response: z.array(PublishCollectionView) },
  'taxii-publish:publish': {
    request: z
      .object({
        serverId: ServerId,
        apiRoot: z.string().min(1).max(2048),
        collectionId: z.string().min(1).max(300),
        taskId: z.string().min(1).max(100),
        objects: z.array(z.record(z.string(), z.unknown())).min(1).max(MAX_PUBLISHED_OBJECTS),
      })
      .strict(),
    response: PublishOutcomeView,
  },
} as const;
