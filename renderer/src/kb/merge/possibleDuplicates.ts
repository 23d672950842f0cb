/**
 * "Possible duplicates" (issue 17, point 4): objects of one type that share a name, an
 * alias or an external id, compared case- and width-insensitively (NFKC and lower case, so
 * "ＰｌｕｇＸ" and "plugx" match). Objects linked through any shared key form one group,
 * offered to the analyst to merge.
 */
import { displayName } from '../../../../core/knowledge/objectFacts.ts';
import { duplicateKeys, mergeableType } from '../../../../core/curation/combineDuplicates.ts';
import Dexie from 'dexie';
import type { KbDatabase } from '../db/KbDatabase.ts';
import { KbError } from '../errors.ts';

export interface DuplicateMember {
  id: string;
  type: string;
  name: string;
  aliases: string[];
  modified: string;
  sources: number;
}

export interface DuplicateGroup {
  members: DuplicateMember[];
  /** What they share, as the analyst reads it: "name plugx", "mitre-attack S0013". */
  shared: string[];
}

/** Groups shown at most; the rest are counted. */
const GROUPS_SHOWN = 500;

export async function possibleDuplicates(db: KbDatabase, request: { type: string }): Promise<{ groups: DuplicateGroup[]; total: number }> {
  if (!mergeableType(request.type)) throw new KbError('invalid-argument', `${request.type} objects are not merged (their content defines them); choose another type.`);
  const records = await db.objects.where('[type+name]').between([request.type, Dexie.minKey], [request.type, Dexie.maxKey]).toArray();
  // Union–find over the objects, joined by every key they share.
  const parent = records.map((_, index) => index);
  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root] ?? root;
    parent[index] = root;
    return root;
  };
  const firstWithKey = new Map<string, number>();
  const keyCount = new Map<string, number>();
  const keysOf = records.map((record) => duplicateKeys(record.stix));
  keysOf.forEach((keys, index) => {
    for (const key of keys) {
      keyCount.set(key, (keyCount.get(key) ?? 0) + 1);
      const first = firstWithKey.get(key);
      if (first === undefined) firstWithKey.set(key, index);
      else parent[find(index)] = find(first);
    }
  });
  const groups = new Map<number, number[]>();
  records.forEach((_, index) => {
    const root = find(index);
    const members = groups.get(root);
    if (members) members.push(index);
    else groups.set(root, [index]);
  });
  const found = [...groups.values()].filter((members) => members.length > 1);
  const shown = found.slice(0, GROUPS_SHOWN).map((indexes): DuplicateGroup => {
    const shared = new Set(indexes.flatMap((index) => (keysOf[index] ?? []).filter((key) => (keyCount.get(key) ?? 0) > 1)));
    return {
      members: indexes.flatMap((index) => {
        const record = records[index];
        if (!record) return [];
        const aliases = record.stix['aliases'];
        return [{ id: record.id, type: record.type, name: displayName(record.stix), aliases: Array.isArray(aliases) ? aliases.map(String) : [], modified: record.modified, sources: record.sources.length }];
      }),
      shared: [...shared].map((key) => key.replace(/^name:/, '').replace(/^ext:([^:]*):/, '$1 ')),
    };
  });
  return { groups: shown, total: found.length };
}
