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
  await db.objects.orderBy('type').eachKey((type) => {
    const key = type as string;
    byType[key] = (byType[key] ?? 0) + 1;
  });
  const months = new Map<string, number>();
  await db.objects.orderBy('[type+modified]').eachKey((key) => {
    const month = (key as [string, string])[1].slice(0, 7);
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
