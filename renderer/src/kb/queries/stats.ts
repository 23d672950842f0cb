/** Counts for the dashboard: per type, over time, and the latest imports. Index reads only. */
import type { KbDatabase } from '../db/KbDatabase.ts';
import type { SourceRecord } from '../records.ts';

export interface KbStats {
  total: number;
  byType: Record<string, number>;
  /** Objects by the month of their last modification (YYYY-MM → count), oldest first. */
  byMonth: [string, number][];
  recentSources: SourceRecord[];
  quarantined: number;
}

/**
 * Counts by type and by month without visiting every object: one index count per (type,
 * month) group, then one read to find where the next group starts. Walking every key of
 * the index took ~5 s at 200,000 objects (one cursor step per object) and grew with the
 * store (bench:kb-scale); IndexedDB counts a key range without handing each key to us, so
 * this costs two requests per group, and a store holds far fewer groups than objects.
 */
async function countGroups(db: KbDatabase): Promise<{ byType: Record<string, number>; months: Map<string, number> }> {
  const byType: Record<string, number> = {};
  const months = new Map<string, number>();
  const index = db.objects.where('[type+modified]');
  let key = (await db.objects.orderBy('[type+modified]').limit(1).keys())[0] as [string, string] | undefined;
  while (key) {
    const [type, modified] = key;
    const month = modified.slice(0, 7);
    // Every `modified` is an ISO timestamp; anything shorter is counted as the exact key it is.
    const [lower, upper] = month.length === 7 ? [[type, month], [type, `${month}\uffff`]] : [key, key];
    const count = await index.between(lower, upper, true, true).count();
    byType[type] = (byType[type] ?? 0) + count;
    months.set(month, (months.get(month) ?? 0) + count);
    key = (await index.above(upper).limit(1).keys())[0] as [string, string] | undefined;
  }
  return { byType, months };
}

export async function stats(db: KbDatabase): Promise<KbStats> {
  const { byType, months } = await countGroups(db);
  return {
    total: Object.values(byType).reduce((sum, count) => sum + count, 0),
    byType,
    byMonth: [...months.entries()].sort((a, b) => a[0].localeCompare(b[0])),
    recentSources: await db.sources.orderBy('lastImportedAt').reverse().limit(10).toArray(),
    quarantined: await db.quarantine.count(),
  };
}
