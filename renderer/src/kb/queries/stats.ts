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

export async function stats(db: KbDatabase): Promise<KbStats> {
  const byType: Record<string, number> = {};
  const months = new Map<string, number>();
  // One walk of one index gives both counts (every object has a [type+modified] entry).
  await db.objects.orderBy('[type+modified]').eachKey((key) => {
    const [type, modified] = key as [string, string];
    byType[type] = (byType[type] ?? 0) + 1;
    const month = modified.slice(0, 7);
    months.set(month, (months.get(month) ?? 0) + 1);
  });
  return {
    total: Object.values(byType).reduce((sum, count) => sum + count, 0),
    byType,
    byMonth: [...months.entries()].sort((a, b) => a[0].localeCompare(b[0])),
    recentSources: await db.sources.orderBy('lastImportedAt').reverse().limit(10).toArray(),
    quarantined: await db.quarantine.count(),
  };
}
