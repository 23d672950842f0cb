/**
 * The knowledge base's side of the TAXII server (issue 18, point 2): what a published
 * collection holds, and the objects a client posts to a writable one.
 *
 * A version's date_added is when Magpie stored it (the record's `updatedAt`); the server
 * serves the current version of each object. What a client posts is recorded under a
 * source per collection and client, so an `inbox` collection finds it by the sources index
 * and the history says "TAXII client <name>".
 */
import type { CollectionView } from '../../../../core/localApi/protocol.ts';
import type { TlpLevel } from '../../../../core/stix/markings.ts';
import type { JsonObject } from '../../../../core/stix/model/properties.ts';
import { validateObject } from '../../../../core/stix/validate.ts';
import { changeHead } from '../changes.ts';
import type { KbDatabase } from '../db/KbDatabase.ts';
import { investigationMembers, withholdAbove } from '../exportBundle.ts';
import { ingest } from '../ingest.ts';
import { closure } from '../queries/graph.ts';

const inboxPrefix = (collectionId: string): string => `taxii-in:${collectionId}:`;

async function viewIds(db: KbDatabase, collectionId: string, view: CollectionView): Promise<string[]> {
  switch (view.kind) {
    case 'all':
      return db.objects.toCollection().primaryKeys();
    case 'label':
      return [...new Set(await db.objects.where('labels').equals(view.label).primaryKeys())];
    case 'inbox':
      return [...new Set(await db.objects.where('sources').startsWith(inboxPrefix(collectionId)).primaryKeys())];
    case 'report':
      return (await db.objects.get(view.id)) ? closure(db, [view.id], { relationshipDepth: 0, includeContents: true }) : [];
    case 'investigation': {
      const { members } = await investigationMembers(db, view.id);
      return closure(db, members, { relationshipDepth: 0, includeContents: false });
    }
  }
}

export async function taxiiHead(db: KbDatabase): Promise<{ head: string }> {
  return { head: String(await changeHead(db)) };
}

export async function taxiiSnapshot(db: KbDatabase, request: { collectionId: string; view: CollectionView; maxTlp: TlpLevel }): Promise<{ head: string; entries: { object: JsonObject; dateAdded: string }[] }> {
  // One read transaction: the head names exactly the state the entries come from.
  return db.transaction('r', db.objects, db.changes, db.investigations, async () => {
    const head = String(await changeHead(db));
    const ids = await viewIds(db, request.collectionId, request.view);
    const { kept, records } = await withholdAbove(db, ids, request.maxTlp);
    const added = new Map(records.map((record) => [record.id, record.updatedAt]));
    return { head, entries: kept.map((object) => ({ object, dateAdded: added.get(String(object['id'])) ?? new Date(0).toISOString() })) };
  });
}

export async function taxiiAdd(db: KbDatabase, request: { collectionId: string; clientName: string; objects: JsonObject[] }): Promise<{ succeeded: string[]; failed: { id: string; message: string }[] }> {
  const source = { id: `${inboxPrefix(request.collectionId)}${request.clientName}`, kind: 'connector' as const, name: `TAXII client ${request.clientName}` };
  const items = request.objects.map((object, index) => ({ object, path: `/objects/${index}`, issues: validateObject(object) }));
  const result = await ingest(db, items, source);
  // Only the first rejections come with reasons; the others are in quarantine, counted here by path.
  const failed = new Map<string, string>();
  for (const rejection of result.rejections) failed.set(rejection.path, rejection.reasons.map((reason) => reason.message).join('; '));
  const reasons = result.counts.rejected > result.rejections.length ? await db.quarantine.where('sourceId').equals(result.sourceId).toArray() : [];
  for (const entry of reasons) if (!failed.has(entry.path)) failed.set(entry.path, entry.reasons.map((reason) => reason.message).join('; '));
  const idAt = (path: string): string => {
    const object = request.objects[Number(path.split('/').at(-1))];
    return typeof object?.['id'] === 'string' ? object['id'] : '';
  };
  const succeeded = items.filter((item) => !failed.has(item.path)).map((item) => idAt(item.path));
  return { succeeded, failed: [...failed].map(([path, message]) => ({ id: idAt(path), message })) };
}
