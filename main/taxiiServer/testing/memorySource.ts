/** A collection source held in memory, for tests of the TAXII server without a knowledge base. */
import { compareTlp, tlpOf, type TlpLevel } from '../../../core/stix/markings.ts';
import type { JsonObject } from '../../../core/stix/model/properties.ts';
import { validateObject } from '../../../core/stix/validate.ts';
import type { CollectionView } from '../../../core/localApi/protocol.ts';
import type { AddOutcome, CollectionEntry, CollectionSource } from '../source.ts';

export interface MemoryEntry extends CollectionEntry {
  /** The collection a client posted it to, if one did. */
  postedTo?: string;
}

export interface MemorySource extends CollectionSource {
  entries: MemoryEntry[];
  /** Who added what, for tests of provenance. */
  added: { clientName: string; ids: string[] }[];
}

function inView({ object, postedTo }: MemoryEntry, collectionId: string, view: CollectionView): boolean {
  switch (view.kind) {
    case 'inbox':
      return postedTo === collectionId;
    case 'all':
      return true;
    case 'label':
      return Array.isArray(object['labels']) && object['labels'].includes(view.label);
    default:
      // Reports and investigations need the knowledge base's closure; in memory they hold everything.
      return true;
  }
}

export function createMemorySource(entries: MemoryEntry[] = [], now: () => Date = () => new Date()): MemorySource {
  let revision = 0;
  const source: MemorySource = {
    entries,
    added: [],
    head: () => Promise.resolve(`${revision}:${source.entries.length}`),
    snapshot: (collectionId: string, view: CollectionView, maxTlp: TlpLevel) =>
      Promise.resolve({
        head: `${revision}:${source.entries.length}`,
        entries: source.entries.filter((entry) => inView(entry, collectionId, view) && compareTlp(tlpOf(entry.object) ?? 'clear', maxTlp) <= 0),
      }),
    add: (collectionId: string, objects: JsonObject[], clientName: string): Promise<AddOutcome> => {
      const outcome: AddOutcome = { succeeded: [], failed: [] };
      for (const object of objects) {
        const errors = validateObject(object).filter((issue) => issue.severity === 'error');
        const id = typeof object['id'] === 'string' ? object['id'] : '';
        if (errors.length > 0) {
          outcome.failed.push({ id, message: errors.map((issue) => issue.message).join('; ') });
          continue;
        }
        const known = source.entries.some((entry) => entry.postedTo === collectionId && entry.object['id'] === id && entry.object['modified'] === object['modified']);
        if (!known) source.entries.push({ object, dateAdded: now().toISOString(), postedTo: collectionId });
        outcome.succeeded.push(id);
      }
      revision += 1;
      source.added.push({ clientName, ids: outcome.succeeded });
      return Promise.resolve(outcome);
    },
  };
  return source;
}
