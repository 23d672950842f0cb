/**
 * The stream-consumer part of the IPC contract (issue 8), spread into channels.ts's maps.
 * The renderer carries the knowledge base's change feed to main (`stream:ready`,
 * `stream:deliver`); main keeps each consumer's cursor and talks to the targets.
 */
import { z } from 'zod';
import { TLP_ORDER, type TlpLevel } from '../stix/markings.ts';
import { StreamFilter } from '../streams/filter.ts';
import { WARNINGLIST_TYPES } from '../warninglists/types.ts';

export const ConsumerId = z.string().regex(/^[a-z0-9-]{1,64}$/, 'A stream consumer id.');

const Seq = z.number().int().nonnegative();

export const ChangeEventSchema = z
  .object({
    seq: Seq,
    op: z.enum(['create', 'update', 'delete']),
    at: z.string().max(40),
    id: z.string().min(1).max(300),
    type: z.string().min(1).max(100),
    source: z.string().max(300).optional(),
    tlp: z.enum(TLP_ORDER as [TlpLevel, ...TlpLevel[]]).optional(),
    object: z.record(z.string(), z.unknown()),
  })
  .strict();

/** One page of the feed; a page is at most 5,000 rows (renderer/src/kb/changes.ts). */
export const FeedPageSchema = z
  .object({ events: z.array(ChangeEventSchema).max(5000), through: Seq, head: Seq })
  .strict()
  .refine((page) => page.events.every((event, index, events) => event.seq <= page.through && (index === 0 || (events[index - 1]?.seq ?? 0) < event.seq)), 'Events must be in feed order.');

export const ConsumerInputSchema = z
  .object({
    name: z.string().trim().min(1, 'Give the consumer a name.').max(200),
    /** The target's settings; main checks them against the target's own schema. */
    target: z.record(z.string(), z.unknown()),
    filter: StreamFilter,
    maxAttempts: z.number().int().min(1).max(100).optional(),
  })
  .strict();

export const ConsumerSummarySchema = z
  .object({
    id: ConsumerId,
    name: z.string(),
    enabled: z.boolean(),
    target: z.record(z.string(), z.unknown()),
    targetDescription: z.string(),
    filter: StreamFilter,
    maxAttempts: z.number().int(),
    status: z.enum(['stopped', 'up-to-date', 'catching-up', 'retrying']),
    cursor: Seq,
    lag: Seq,
    delivered: Seq,
    lastDelivery: z.object({ at: z.string(), seq: Seq }).strict().nullable(),
    failures: Seq,
    lastError: z.string().nullable(),
    retryAt: z.string().nullable(),
    deadLetters: Seq,
    deadLettersDropped: Seq,
    /** Events the leave-out rules passed over (revoked, expired, warninglisted), by reason. */
    leftOut: z.object({ revoked: Seq, expired: Seq, warninglisted: Seq }).strict(),
    createdAt: z.string(),
  })
  .strict();
export type ConsumerSummaryView = z.infer<typeof ConsumerSummarySchema>;

export const DeadLetterSchema = z.object({ event: ChangeEventSchema, error: z.string(), attempts: z.number().int(), at: z.string() }).strict();

const ById = z.object({ id: ConsumerId }).strict();

export const streamRequestChannels = {
  'stream:list': { request: z.undefined(), response: z.array(ConsumerSummarySchema) },
  /** `head`: the feed's current end, where a consumer starting "from now" begins. */
  'stream:create': {
    request: z.object({ consumer: ConsumerInputSchema, startFrom: z.enum(['now', 'beginning']), head: Seq }).strict(),
    response: ConsumerSummarySchema,
  },
  /** Secret settings left empty keep the stored secret. */
  'stream:update': { request: z.object({ id: ConsumerId, consumer: ConsumerInputSchema }).strict(), response: ConsumerSummarySchema },
  'stream:set-enabled': { request: z.object({ id: ConsumerId, enabled: z.boolean() }).strict(), response: ConsumerSummarySchema },
  'stream:remove': { request: ById, response: z.object({ removed: z.boolean() }).strict() },
  /** Which consumers want events now, and after which seq. */
  'stream:ready': { request: z.object({ head: Seq }).strict(), response: z.array(z.object({ id: ConsumerId, cursor: Seq }).strict()) },
  /** The warninglists in force in the knowledge base (issue 21): what a stream leaves out follows the analyst's choices. */
  'stream:warninglists': {
    request: z
      .object({
        lists: z
          .array(
            z
              .object({
                name: z.string().min(1).max(300),
                version: z.number().optional(),
                description: z.string().max(10_000).optional(),
                type: z.enum(WARNINGLIST_TYPES),
                category: z.enum(['false-positive', 'known']),
                matchingAttributes: z.array(z.string().max(100)).max(200).optional(),
                values: z.array(z.string().min(1).max(2048)).max(2_000_000),
              })
              .strict(),
          )
          .max(1000),
      })
      .strict(),
    response: z.object({ lists: z.number().int().nonnegative() }).strict(),
  },
  'stream:deliver': { request: z.object({ id: ConsumerId, page: FeedPageSchema }).strict(), response: z.object({ cursor: Seq, again: z.boolean() }).strict() },
  'stream:dead-letters': { request: ById, response: z.array(DeadLetterSchema) },
  'stream:retry-dead-letters': { request: ById, response: z.object({ delivered: Seq, remaining: Seq, error: z.string().nullable() }).strict() },
  'stream:discard-dead-letters': { request: ById, response: z.object({ discarded: z.boolean() }).strict() },
} as const;

export const streamEventChannels = {
  /** A consumer's state changed (delivery, failure, settings). */
  'stream:changed': ConsumerSummarySchema,
  /** A consumer is ready again (enabled, backoff over): the renderer's pump runs. */
  'stream:wake': z.object({}).strict(),
} as const;
