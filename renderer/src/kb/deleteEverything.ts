/**
 * "Delete everything" (Settings → danger zone, issue 14): empties the store in one
 * transaction and gives it a new identity, so main resets every connector's cursor and
 * validators and the next runs refill it.
 *
 * What goes: objects (every version), sources and their kept original files, the
 * quarantine, investigations, the change feed's rows and the trash (this is the explicit
 * wipe, issue 21 point 5). What stays: the `state` table —
 * the analyst's extraction allow/deny and warning lists are settings, not knowledge, and
 * the feed followers' places (the automatic enricher's) stay valid, see below.
 *
 * The change feed is emptied without a delete event per object. At a million objects those
 * events would be a second copy of the store written in the same transaction, and every
 * stream consumer would then tell its SIEM to withdraw everything it was sent — emptying
 * the local store (before a restore, to start over) is housekeeping, not a retraction of
 * intelligence; retractions are revocations, which the feed carries. IndexedDB's key
 * generator is not reset by clearing a table, so the feed's sequence numbers go on from
 * where they were: followers resend nothing and miss nothing written afterwards.
 */
import type { KbDatabase } from './db/KbDatabase.ts';
import { renewStoreIdentity } from './storeIdentity.ts';

export interface StoreCounts {
  objects: number;
  sources: number;
  files: number;
  investigations: number;
  quarantined: number;
  /** Trash entries (each a delete, restorable until now). */
  trashed: number;
}

/** What Delete everything would remove, for its confirmation (index counts only). */
export async function countEverything(db: KbDatabase): Promise<StoreCounts> {
  return db.transaction('r', [db.objects, db.sources, db.files, db.investigations, db.quarantine, db.trash], async () => ({
    objects: await db.objects.count(),
    sources: await db.sources.count(),
    files: await db.files.count(),
    investigations: await db.investigations.count(),
    quarantined: await db.quarantine.count(),
    trashed: await db.trash.count(),
  }));
}

export async function deleteEverything(db: KbDatabase): Promise<StoreCounts & { identity: string }> {
  return db.transaction('rw', [db.objects, db.versions, db.sources, db.files, db.quarantine, db.investigations, db.changes, db.state, db.trash], async () => {
    const counts = await countEverything(db);
    await Promise.all([db.objects.clear(), db.versions.clear(), db.sources.clear(), db.files.clear(), db.quarantine.clear(), db.investigations.clear(), db.changes.clear(), db.trash.clear()]);
    const identity = await renewStoreIdentity(db);
    return { ...counts, identity };
  });
}
