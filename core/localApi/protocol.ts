/**
 * The local API's methods (issue 18, point 3): what a script may ask of the knowledge base
 * of a running Magpie, over HTTP to main and from main to the window's KB worker. One
 * table of parameter and result schemas serves the HTTP server (parsing what a client
 * sends), main's broker (parsing what the window answers) and the `magpie kb` client.
 *
 * Nothing here parses a file: an import carries the file's text, which only the KB
 * worker reads (untrusted files are parsed in the renderer, never in main).
 */
import { z } from 'zod';
import { TLP_ORDER, type TlpLevel } from '../stix/markings.ts';

const Tlp = z.enum(TLP_ORDER as [TlpLevel, ...TlpLevel[]]);
const Count = z.number().int().nonnegative();

/** The largest file `magpie kb import` sends in one request (ATT&CK Enterprise is ~45 MB). */
export const IMPORT_MAX_BYTES = 256 * 1024 * 1024;
/** Search and export requests are small JSON bodies. */
export const REQUEST_MAX_BYTES = 64 * 1024;

/** A `magpie kb lookup` request: up to 10,000 values with their types (~1 MB of JSON at most). */
export const LOOKUP_MAX_VALUES = 10_000;
export const LOOKUP_MAX_BYTES = 24 * 1024 * 1024;

const LookupQuery = z
  .object({
    type: z.enum(['ipv4-addr', 'ipv6-addr', 'domain-name', 'url', 'email-addr', 'file', 'vulnerability', 'attack-pattern', 'cryptocurrency-wallet', 'windows-registry-key', 'autonomous-system', 'mac-addr']),
    value: z.string().min(1).max(2048),
    hash_type: z.enum(['MD5', 'SHA-1', 'SHA-256', 'SHA-512', 'SSDEEP']).optional(),
    kind: z.literal('name').optional(),
  })
  .strict();

/** What the knowledge base knows of one value (issue 21, point 1); an unknown value has `known: false` and nulls. */
export const LookupAnswer = z
  .object({
    known: z.boolean(),
    object: z.object({ id: z.string(), type: z.string(), name: z.string() }).strict().nullable(),
    sources: z.array(z.object({ name: z.string(), kind: z.string() }).strict()),
    reports: z.array(z.object({ id: z.string(), name: z.string(), type: z.string() }).strict()),
    reportCount: Count,
    firstSeen: z.string().nullable(),
    lastSeen: z.string().nullable(),
    tlp: Tlp.nullable(),
    score: z.number().nullable(),
    confidence: z.number().nullable(),
    indicator: z.boolean(),
    indicatorState: z.enum(['valid', 'expired', 'revoked']).nullable(),
    /** The app's warninglists in force that hold the value (issue 21, point 4); absent from an app that predates them (the CLI then uses the shipped lists). */
    warninglists: z.array(z.object({ list: z.string(), category: z.enum(['false-positive', 'known']), version: z.number().optional() }).strict()).optional(),
  })
  .strict();
export type LookupAnswer = z.infer<typeof LookupAnswer>;

export const SearchHit = z
  .object({ id: z.string(), type: z.string(), name: z.string(), modified: z.string(), score: z.number(), labels: z.array(z.string()), tlp: Tlp.nullable(), revoked: z.boolean() })
  .strict();

/** What a TAXII collection shows of the knowledge base (issue 18, point 2). */
export const CollectionView = z.discriminatedUnion('kind', [
  /** Everything in the knowledge base up to the collection's maximum TLP. */
  z.object({ kind: z.literal('all') }).strict(),
  /** One saved investigation: its objects and what they need to stand alone. */
  z.object({ kind: z.literal('investigation'), id: z.string().min(1).max(200) }).strict(),
  /** One report (or grouping): it, its contents and what they need to stand alone. */
  z.object({ kind: z.literal('report'), id: z.string().min(1).max(300) }).strict(),
  /** Every object carrying one label. */
  z.object({ kind: z.literal('label'), label: z.string().min(1).max(200) }).strict(),
  /** What clients posted to this collection (a writable collection as a team's inbox). */
  z.object({ kind: z.literal('inbox') }).strict(),
]);
export type CollectionView = z.infer<typeof CollectionView>;

const CollectionEntry = z.object({ object: z.record(z.string(), z.unknown()), dateAdded: z.string() }).strict();

export const localApiMethods = {
  search: {
    params: z.object({ query: z.string().trim().min(1, 'Give a search query.').max(500), limit: z.number().int().min(1).max(1000).default(50), types: z.array(z.string().max(100)).max(50).optional() }).strict(),
    result: z.object({ hits: z.array(SearchHit) }).strict(),
  },
  get: {
    params: z.object({ id: z.string().min(3).max(300) }).strict(),
    result: z.object({ object: z.record(z.string(), z.unknown()).nullable() }).strict(),
  },
  export: {
    /** Without a query, everything in the store; with one, what the search finds (up to `limit`) and what it needs to stand alone. */
    params: z.object({ query: z.string().trim().min(1).max(500).optional(), limit: z.number().int().min(1).max(10_000).default(1000), maxTlp: Tlp.optional() }).strict(),
    result: z.object({ bundle: z.string(), exported: Count, withheld: z.record(z.string(), Count), withheldRelationships: Count }).strict(),
  },
  import: {
    params: z.object({ name: z.string().min(1).max(300), text: z.string().max(IMPORT_MAX_BYTES) }).strict(),
    result: z.object({ created: Count, updated: Count, unchanged: Count, rejected: Count, warnings: Count, sourceId: z.string() }).strict(),
  },
  /** Which of these values the knowledge base holds, answered from its indexes (one answer per value, in order). */
  lookup: {
    params: z.object({ values: z.array(LookupQuery).max(LOOKUP_MAX_VALUES, `At most ${LOOKUP_MAX_VALUES.toLocaleString('en-US')} values per request; send them in batches.`) }).strict(),
    result: z.object({ values: z.array(LookupAnswer) }).strict(),
  },
  /** A MISP feed of the knowledge base up to a TLP (issue 20): the files MISP's Feeds pull. */
  mispFeed: {
    params: z.object({ maxTlp: Tlp.default('amber') }).strict(),
    result: z.object({ files: z.array(z.object({ name: z.string().regex(/^[A-Za-z0-9._-]{1,80}$/), text: z.string() }).strict()) }).strict(),
  },
  /** The TAXII server's: what changes whenever the knowledge base does. */
  taxiiHead: {
    params: z.object({}).strict(),
    result: z.object({ head: z.string() }).strict(),
  },
  /** The TAXII server's: a collection's objects with when each version was added. */
  taxiiSnapshot: {
    params: z.object({ collectionId: z.string().min(1).max(100), view: CollectionView, maxTlp: Tlp }).strict(),
    result: z.object({ head: z.string(), entries: z.array(CollectionEntry) }).strict(),
  },
  /** The TAXII server's: objects a client posted to a writable collection. */
  taxiiAdd: {
    params: z.object({ collectionId: z.string().min(1).max(100), clientName: z.string().min(1).max(100), objects: z.array(z.record(z.string(), z.unknown())).max(100_000) }).strict(),
    result: z.object({ succeeded: z.array(z.string()), failed: z.array(z.object({ id: z.string(), message: z.string() }).strict()) }).strict(),
  },
} as const;

export type LocalApiMethod = keyof typeof localApiMethods;
export type LocalApiParams<M extends LocalApiMethod> = z.input<(typeof localApiMethods)[M]['params']>;
export type LocalApiResult<M extends LocalApiMethod> = z.output<(typeof localApiMethods)[M]['result']>;
export const localApiMethodNames = Object.keys(localApiMethods) as LocalApiMethod[];

/** main → window: answer this request (event `kb:request`). */
export const KbRequestEvent = z
  .object({ requestId: z.uuid(), method: z.enum(localApiMethodNames as [LocalApiMethod, ...LocalApiMethod[]]), params: z.record(z.string(), z.unknown()) })
  .strict();
export type KbRequestEvent = z.infer<typeof KbRequestEvent>;

/** window → main: the answer (channel `kb:answer`); `result` is checked against the method's schema in main. */
export const KbAnswer = z
  .union([
    z.object({ requestId: z.uuid(), ok: z.literal(true), result: z.unknown() }).strict(),
    z.object({ requestId: z.uuid(), ok: z.literal(false), error: z.string().max(2000) }).strict(),
  ]);
export type KbAnswer = z.infer<typeof KbAnswer>;

/** What `magpie serve` leaves in the profile for the local CLI (mode 0600). */
export const ApiFile = z.object({ url: z.url(), token: z.string().min(32), pid: z.number().int(), startedAt: z.string() }).strict();
export type ApiFile = z.infer<typeof ApiFile>;
export const API_FILE_NAME = 'api.json';
