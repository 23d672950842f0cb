/** The TAXII server's collections read from, and written to, the window's knowledge base through main's broker. */
import type { KbBroker } from '../localApi/kbBroker.ts';
import type { CollectionSource } from './source.ts';

export function kbCollectionSource(broker: Pick<KbBroker, 'request'>): CollectionSource {
  return {
    head: async () => (await broker.request('taxiiHead', {})).head,
    snapshot: async (collectionId, view, maxTlp) => {
      const snapshot = await broker.request('taxiiSnapshot', { collectionId, view, maxTlp });
      return { head: snapshot.head, entries: snapshot.entries.map((entry) => ({ object: entry.object, dateAdded: entry.dateAdded })) };
    },
    add: (collectionId, objects, clientName) => broker.request('taxiiAdd', { collectionId, clientName, objects }),
  };
}
