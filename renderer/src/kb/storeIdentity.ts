/**
 * The store's identity (issue 14): a uuid kept in the `state` table, created when the
 * knowledge base first opens and renewed whenever the store's contents are replaced
 * wholesale (Delete everything, a restore that replaces the store). Main keeps, with each
 * connector's cursor and HTTP validators, the identity of the store they were delivered
 * to; a different identity means those objects are not here, so the connector starts over.
 */
import { z } from 'zod';
import type { KbDatabase } from './db/KbDatabase.ts';

const KEY = 'store-identity';
const Identity = z.uuid();

/** The store's identity, created on first use; the caller's transaction may include `db.state`. */
export async function storeIdentity(db: KbDatabase): Promise<string> {
  return db.transaction('rw', db.state, async () => {
    const stored = Identity.safeParse((await db.state.get(KEY))?.value);
    if (stored.success) return stored.data;
    return writeIdentity(db);
  });
}

/** Gives the store a new identity; call it inside the transaction that replaces the contents. */
export async function renewStoreIdentity(db: KbDatabase): Promise<string> {
  return db.transaction('rw', db.state, () => writeIdentity(db));
}

async function writeIdentity(db: KbDatabase): Promise<string> {
  const identity = crypto.randomUUID();
  await db.state.put({ key: KEY, value: identity });
  return identity;
}

export interface StoreFacts {
  identity: string;
  /** The connectors (by id) from whose source the store holds at least one object. */
  holding: string[];
}

const CONNECTOR_SOURCE = 'connector:';

/** What main needs to decide whether connector state belongs to this store (issue 14). */
export async function storeFacts(db: KbDatabase): Promise<StoreFacts> {
  const identity = await storeIdentity(db);
  const connectorSources = await db.sources.where('kind').equals('connector').primaryKeys();
  const holding: string[] = [];
  for (const sourceId of connectorSources) {
    if (!sourceId.startsWith(CONNECTOR_SOURCE)) continue;
    // One index probe each: the store may hold a million objects, a connector source one or none.
    if ((await db.objects.where('sources').equals(sourceId).limit(1).primaryKeys()).length > 0) holding.push(sourceId.slice(CONNECTOR_SOURCE.length));
  }
  return { identity, holding };
}
