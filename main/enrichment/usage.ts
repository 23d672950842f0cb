/**
 * How much of a provider's quota each enrichment connector has used: requests in the last
 * minute and today (UTC, as VirusTotal counts), and automatic enrichments today. Kept in
 * one small file written atomically after each request, so a restart does not hand out a
 * fresh daily allowance.
 */
import { z } from 'zod';
import { readJsonFile, writeJsonAtomic } from '../services/atomicFile.ts';
import type { EnrichmentQuota } from '../connectors/types.ts';

const MINUTE_MS = 60_000;

const Usage = z.object({
  day: z.string(),
  requests: z.number().int().nonnegative(),
  autoEnrichments: z.number().int().nonnegative(),
  /** Times (ms since the epoch) of the requests in the last minute. */
  recent: z.array(z.number()),
});
export type Usage = z.infer<typeof Usage>;
const UsageFile = z.record(z.string(), Usage);

export type QuotaCheck = { ok: true } | { ok: false; window: 'minute' | 'day'; resetsAt: Date };

export interface UsageLedger {
  read: (id: string) => Promise<Usage>;
  /** Whether one more request fits in the quota now. */
  check: (id: string, quota: EnrichmentQuota) => Promise<QuotaCheck>;
  recordRequest: (id: string) => Promise<void>;
  /**
   * Checks and, when one more request fits, records it in one step, so two lookups at
   * once (the analyst's and the automatic enricher's) cannot both take the last slot.
   * `quota` null: no limit, only counted.
   */
  reserve: (id: string, quota: EnrichmentQuota | null) => Promise<QuotaCheck>;
  recordAuto: (id: string) => Promise<void>;
}

export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export function nextUtcMidnight(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() + 1));
}

export function createUsageLedger(path: string, now: () => Date, warn: (message: string) => void): UsageLedger {
  let loaded: Promise<Record<string, Usage>> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const load = (): Promise<Record<string, Usage>> =>
    (loaded ??= readJsonFile(path).then(
      (json) => {
        const parsed = UsageFile.safeParse(json ?? {});
        if (!parsed.success) warn('The enrichment quota file could not be read; counting from zero.');
        return parsed.success ? parsed.data : {};
      },
      () => {
        warn('The enrichment quota file is damaged; counting from zero.');
        return {};
      },
    ));

  /** Today's record, with last minute's requests only. */
  function current(all: Record<string, Usage>, id: string): Usage {
    const at = now();
    const stored = all[id];
    const day = utcDay(at);
    const recent = (stored?.recent ?? []).filter((time) => time > at.getTime() - MINUTE_MS && time <= at.getTime());
    if (stored?.day !== day) return { day, requests: 0, autoEnrichments: 0, recent };
    return { ...stored, recent };
  }

  function change(id: string, update: (usage: Usage) => Usage): Promise<void> {
    const next = queue.then(async () => {
      const all = await load();
      all[id] = update(current(all, id));
      await writeJsonAtomic(path, all);
    });
    queue = next.catch(() => undefined);
    return next;
  }

  function fits(usage: Usage, quota: EnrichmentQuota | null): QuotaCheck {
    if (quota === null) return { ok: true };
    if (usage.requests >= quota.perDay) return { ok: false, window: 'day', resetsAt: nextUtcMidnight(now()) };
    if (usage.recent.length >= quota.perMinute) {
      const oldest = Math.min(...usage.recent.slice(-quota.perMinute));
      return { ok: false, window: 'minute', resetsAt: new Date(oldest + MINUTE_MS) };
    }
    return { ok: true };
  }

  const counted = (usage: Usage): Usage => ({ ...usage, requests: usage.requests + 1, recent: [...usage.recent, now().getTime()] });

  return {
    read: async (id) => current(await load(), id),
    check: async (id, quota) => fits(current(await load(), id), quota),
    recordRequest: (id) => change(id, counted),
    reserve: (id, quota) => {
      const next = queue.then(async () => {
        const all = await load();
        const usage = current(all, id);
        const check = fits(usage, quota);
        if (check.ok) {
          all[id] = counted(usage);
          await writeJsonAtomic(path, all);
        }
        return check;
      });
      queue = next.catch(() => undefined);
      return next;
    },
    recordAuto: (id) => change(id, (usage) => ({ ...usage, autoEnrichments: usage.autoEnrichments + 1 })),
  };
}
