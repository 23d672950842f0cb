/**
 * The TAXII 2.1 resources a client reads and writes (OASIS TAXII 2.1 §4–5), over the
 * collections the analyst published. The HTTP side (auth, media types, caps, rate limit)
 * is ./server.ts; the filters and paging are ./query.ts.
 */
import type { JsonObject } from '../../core/stix/model/properties.ts';
import type { ServedCollection, ServerClient, TaxiiServerConfig } from './config.ts';
import { rightTo } from './clients.ts';
import { idOf, parseQuery, selectPage, taxiiTimestamp, versionOf, type Page } from './query.ts';
import type { CollectionEntry, CollectionSource } from './source.ts';
import type { StatusStore } from './status.ts';

export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';
export const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';

export class TaxiiHttpError extends Error {
  readonly status: number;
  readonly title: string;
  constructor(status: number, title: string, description: string) {
    super(description);
    this.status = status;
    this.title = title;
  }
}

export interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Objects in the answer, for the request log. */
  count?: number;
}

export interface ResourceContext {
  config: TaxiiServerConfig;
  source: CollectionSource;
  statuses: StatusStore;
  client: ServerClient;
  apiRootUrl: string;
  /** How long a POST's answer waits for the knowledge base before saying "pending". */
  postWaitMs: number;
}

export function collectionFor(context: ResourceContext, id: string): { collection: ServedCollection; read: boolean; write: boolean } {
  const collection = context.config.collections.find((candidate) => candidate.id === id);
  const rights = collection ? rightTo(context.client, collection) : { read: false, write: false };
  // §5.2: a collection the client may not see is answered as not found.
  if (!collection || (!rights.read && !rights.write)) throw new TaxiiHttpError(404, 'Collection not found', `No collection ${id} for this client.`);
  return { collection, ...rights };
}

export function describeCollection(context: ResourceContext, collection: ServedCollection) {
  const rights = rightTo(context.client, collection);
  return { id: collection.id, title: collection.title, ...(collection.description ? { description: collection.description } : {}), can_read: rights.read, can_write: rights.write, media_types: [STIX_MEDIA_TYPE] };
}

const cache = new WeakMap<CollectionSource, Map<string, { head: string; entries: CollectionEntry[] }>>();

async function entriesOf(context: ResourceContext, collection: ServedCollection): Promise<CollectionEntry[]> {
  let perSource = cache.get(context.source);
  if (!perSource) {
    perSource = new Map<string, { head: string; entries: CollectionEntry[] }>();
    cache.set(context.source, perSource);
  }
  const key = `${collection.id}|${JSON.stringify(collection.view)}|${collection.maxTlp}`;
  const head = await context.source.head();
  const cached = perSource.get(key);
  if (cached && cached.head === head) return cached.entries;
  const snapshot = await context.source.snapshot(collection.id, collection.view, collection.maxTlp);
  perSource.set(key, { head: snapshot.head, entries: snapshot.entries });
  return snapshot.entries;
}

function pageHeaders(page: Page): Record<string, string> {
  const first = page.entries[0];
  const last = page.entries.at(-1);
  return first && last ? { 'X-TAXII-Date-Added-First': taxiiTimestamp(first.dateAdded), 'X-TAXII-Date-Added-Last': taxiiTimestamp(last.dateAdded) } : {};
}

function readable(context: ResourceContext, id: string): ServedCollection {
  const { collection, read } = collectionFor(context, id);
  if (!read) throw new TaxiiHttpError(403, 'Forbidden', 'This client may not read the collection.');
  return collection;
}

/** §5.4 Get Objects, and §5.6 Get an Object (`objectId`). */
export async function getObjects(context: ResourceContext, collectionId: string, params: URLSearchParams, objectId?: string): Promise<Answer> {
  const collection = readable(context, collectionId);
  const query = parseQuery(params, { allowIds: objectId === undefined });
  const entries = await entriesOf(context, collection);
  const page = selectPage(entries, objectId === undefined ? query : { ...query, ids: [objectId] });
  if (objectId !== undefined && page.entries.length === 0 && query.next === undefined) throw new TaxiiHttpError(404, 'Object not found', `No object ${objectId} in the collection.`);
  return { status: 200, headers: pageHeaders(page), count: page.entries.length, body: { more: page.more, ...(page.next ? { next: page.next } : {}), ...(page.entries.length > 0 ? { objects: page.entries.map((entry) => entry.object) } : {}) } };
}

/** §5.3 Get Object Manifests. */
export async function getManifest(context: ResourceContext, collectionId: string, params: URLSearchParams): Promise<Answer> {
  const collection = readable(context, collectionId);
  const page = selectPage(await entriesOf(context, collection), parseQuery(params, { allowIds: true }));
  const objects = page.entries.map((entry) => ({ id: idOf(entry), date_added: taxiiTimestamp(entry.dateAdded), version: versionOf(entry), media_type: STIX_MEDIA_TYPE }));
  return { status: 200, headers: pageHeaders(page), count: objects.length, body: { more: page.more, ...(page.next ? { next: page.next } : {}), ...(objects.length > 0 ? { objects } : {}) } };
}

/** §5.8 Get Object Versions. */
export async function getVersions(context: ResourceContext, collectionId: string, objectId: string, params: URLSearchParams): Promise<Answer> {
  const collection = readable(context, collectionId);
  const query = { ...parseQuery(params, { allowIds: false }), ids: [objectId], versions: ['all'] };
  const page = selectPage(await entriesOf(context, collection), query);
  if (page.entries.length === 0 && query.next === undefined && query.addedAfter === undefined) throw new TaxiiHttpError(404, 'Object not found', `No object ${objectId} in the collection.`);
  return { status: 200, headers: pageHeaders(page), count: page.entries.length, body: { more: page.more, ...(page.next ? { next: page.next } : {}), ...(page.entries.length > 0 ? { versions: page.entries.map(versionOf) } : {}) } };
}

/**
 * §5.7 Delete an Object: Magpie's knowledge is deleted by the analyst, in Magpie, where it
 * goes to the history; no client deletes it. The rights table's answers still hold: 404
 * for a client that may neither read nor write, 403 for everyone else.
 */
export function deleteObject(context: ResourceContext, collectionId: string): Answer {
  collectionFor(context, collectionId);
  throw new TaxiiHttpError(403, 'Forbidden', 'Objects are not deleted through TAXII here; ask the analyst who publishes the collection.');
}

/** §5.5 Add Objects: the envelope's objects go to the knowledge base; the answer is a status resource (§4.3). */
export async function addObjects(context: ResourceContext, collectionId: string, body: unknown): Promise<Answer> {
  const { collection, write } = collectionFor(context, collectionId);
  if (!write) throw new TaxiiHttpError(403, 'Forbidden', collection.writable ? 'This client may not write to the collection.' : 'The collection is read-only.');
  const objects = typeof body === 'object' && body !== null && Array.isArray((body as { objects?: unknown }).objects) ? ((body as { objects: unknown[] }).objects) : null;
  if (objects === null) throw new TaxiiHttpError(422, 'Not an envelope', 'The body must be a TAXII envelope: {"objects": [ … ]}.');
  const detail = (object: unknown) => {
    const record = (typeof object === 'object' && object !== null ? object : {}) as JsonObject;
    const version = [record['modified'], record['created']].find((value) => typeof value === 'string');
    return { id: typeof record['id'] === 'string' ? record['id'] : '', version: typeof version === 'string' ? version : '' };
  };
  const status = context.statuses.begin(context.client.id, objects.map(detail));
  const work = context.source.add(collectionId, objects.filter((object): object is JsonObject => typeof object === 'object' && object !== null && !Array.isArray(object)), context.client.name).then((outcome) => {
    const failedIds = new Map(outcome.failed.map((failure) => [failure.id, failure.message]));
    const details = objects.map(detail);
    context.statuses.finish(
      status,
      details.filter((entry) => outcome.succeeded.includes(entry.id) && !failedIds.has(entry.id)),
      details.filter((entry) => failedIds.has(entry.id) || !outcome.succeeded.includes(entry.id)).map((entry) => ({ ...entry, message: failedIds.get(entry.id) ?? 'Not a STIX object.' })),
    );
  }, (error: unknown) => {
    context.statuses.finish(status, [], objects.map(detail).map((entry) => ({ ...entry, message: error instanceof Error ? error.message : String(error) })));
  });
  // A short POST is answered complete; a long one pending, and the client polls the status.
  await Promise.race([work, new Promise((resolve) => setTimeout(resolve, context.postWaitMs))]);
  return { status: 202, body: status, count: objects.length };
}
