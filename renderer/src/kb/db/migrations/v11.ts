/**
 * Version 11: every hash of a file, artifact or certificate is a search term (issue 21:
 * a file stored with its name — as MISP file objects and enrichments store them — was not
 * found by a lookup, the review's "known" or search by its hashes). No index changes; the
 * records of those three types get their terms again, a page at a time in the upgrade
 * transaction, so an upgrade that fails leaves version 10 as it was.
 */
import Dexie, { type Transaction } from 'dexie';
import { searchTerms } from '../../../../../core/knowledge/objectFacts.ts';
import type { StoredObject } from '../../records.ts';

const HASHED_TYPES = ['artifact', 'file', 'x509-certificate'] as const;
const PAGE = 2000;

export const v11 = {
  version: 11,
  stores: {},
  upgrade: async (transaction: Transaction): Promise<void> => {
    const objects = transaction.table<StoredObject, Uint8Array>('objects');
    for (const type of HASHED_TYPES) {
      const range = () => objects.where('[type+modified]').between([type, Dexie.minKey], [type, Dexie.maxKey]);
      const count = await range().count();
      for (let offset = 0; offset < count; offset += PAGE) {
        const [keys, records] = await Promise.all([range().offset(offset).limit(PAGE).primaryKeys(), range().offset(offset).limit(PAGE).toArray()]);
        await objects.bulkPut(
          records.map((record) => ({ ...record, terms: searchTerms(record.stix) })),
          keys,
        );
      }
    }
  },
} as const;
