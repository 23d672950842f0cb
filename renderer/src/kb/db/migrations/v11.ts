/**
 * Version 11: every hash of a file, artifact or certificate is a search term (issue 21:
 * a file stored with its name — as MISP file objects and enrichments store them — was not
 * found by a lookup, the review's "known" or search by its hashes). No index changes. The
 * records of those three types are read a page at a time and only those whose terms change
 * (a named file, one with several hashes) are written again: a rewrite costs every index
 * entry of the record, so a store of a million observables must not rewrite what is the
 * same. All in the upgrade transaction: an upgrade that fails leaves version 10 as it was.
 */
import Dexie, { type Transaction } from 'dexie';
import { HASHED_TYPES, searchTerms } from '../../../../../core/knowledge/objectFacts.ts';
import type { StoredObject } from '../../records.ts';

const PAGE = 2000;

const sameTerms = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((term, index) => term === b[index]);

export const v11 = {
  version: 11,
  stores: {},
  upgrade: async (transaction: Transaction): Promise<void> => {
    const objects = transaction.table<StoredObject, string>('objects');
    for (const type of HASHED_TYPES) {
      const ids = await objects.where('[type+modified]').between([type, Dexie.minKey], [type, Dexie.maxKey]).primaryKeys();
      for (let start = 0; start < ids.length; start += PAGE) {
        const page = ids.slice(start, start + PAGE);
        const changed = (await objects.bulkGet(page)).flatMap((record) => {
          if (!record) return [];
          const terms = searchTerms(record.stix);
          return sameTerms(terms, record.terms) ? [] : [{ ...record, terms }];
        });
        if (changed.length > 0) await objects.bulkPut(changed, changed.map((record) => record.id));
      }
    }
  },
} as const;
