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
