/**
 * Each enrichment connector's settings besides its config: switched on or off, the highest
 * TLP it may receive, its quota, and automatic enrichment (off by default, issue 8). One
 * file per connector at `userData/enrichment/connectors/<id>.json`; secrets are never in it.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeJsonAtomic } from '../services/atomicFile.ts';
import type { EnrichmentConnector, EnrichmentQuota } from '../connectors/types.ts';

export const TlpLevelSchema = z.enum(['clear', 'green', 'amber', 'amber+strict', 'red']);
const Quota = z.object({ perMinute: z.number().int().positive(), perDay: z.number().int().positive() });

export const StoredSettings = z.object({
  enabled: z.boolean().optional(),
  maxTlp: TlpLevelSchema.optional(),
  /** null: no limit (a premium key). */
  quota: Quota.nullable().optional(),
  autoEnrich: z.boolean().optional(),
  autoDailyQuota: z.number().int().nonnegative().optional(),
  config: z.record(z.string(), z.unknown()).default({}),
});
export type StoredSettings = z.infer<typeof StoredSettings>;

/** What `configure` accepts; fields left out keep their value. */
export const SettingsInput = StoredSettings.omit({ config: true }).extend({ config: z.record(z.string(), z.unknown()).optional() }).strict();
export type SettingsInput = z.infer<typeof SettingsInput>;

export interface EffectiveSettings {
  enabled: boolean;
  maxTlp: z.infer<typeof TlpLevelSchema>;
  quota: EnrichmentQuota | null;
  autoEnrich: boolean;
  autoDailyQuota: number;
  config: Record<string, unknown>;
}

/** Automatic lookups a day when the analyst turns auto-enrichment on: a tenth of the free daily quota. */
export const DEFAULT_AUTO_DAILY = 50;

export function effective(connector: EnrichmentConnector, stored: StoredSettings): EffectiveSettings {
  return {
    enabled: stored.enabled ?? connector.defaults.enabled ?? false,
    maxTlp: stored.maxTlp ?? connector.defaults.maxTlp,
    quota: stored.quota === undefined ? (connector.defaults.quota ?? null) : stored.quota,
    autoEnrich: stored.autoEnrich ?? false,
    autoDailyQuota: stored.autoDailyQuota ?? DEFAULT_AUTO_DAILY,
    config: stored.config,
  };
}

export interface SettingsStore {
  read: (id: string) => Promise<StoredSettings>;
  update: (id: string, change: (settings: StoredSettings) => StoredSettings) => Promise<StoredSettings>;
}

export function createSettingsStore(folder: string, warn: (message: string) => void): SettingsStore {
  const cache = new Map<string, StoredSettings>();
  let queue: Promise<unknown> = Promise.resolve();
  const pathOf = (id: string): string => join(folder, `${id}.json`);

  async function read(id: string): Promise<StoredSettings> {
    const cached = cache.get(id);
    if (cached) return cached;
    let settings: StoredSettings = { config: {} };
    try {
      const json = await readJsonFile(pathOf(id));
      const parsed = StoredSettings.safeParse(json ?? {});
      if (parsed.success) settings = parsed.data;
      else warn(`The settings of enrichment connector ${id} could not be read; using its defaults.`);
    } catch {
      warn(`The settings file of enrichment connector ${id} is damaged; using its defaults.`);
    }
    cache.set(id, settings);
    return settings;
  }

  function update(id: string, change: (settings: StoredSettings) => StoredSettings): Promise<StoredSettings> {
    const next = queue.then(async () => {
      const updated = change(await read(id));
      await writeJsonAtomic(pathOf(id), updated);
      cache.set(id, updated);
      return updated;
    });
    queue = next.catch(() => undefined);
    return next;
  }

  return { read, update };
}
