/**
 * The expiry pass (issue 21, point 2): indicators past their `valid_until` or decayed
 * under the revoke score are revoked as a new version (same id, `modified` now, `revoked:
 * true`; STIX 2.1 §3.6), never deleted. The replaced version stays in history and the new
 * one is written by "Indicator lifecycle", so the history says who revoked it and when.
 * The renderer runs it at start-up and daily (renderer/src/kb/lifecycle/expiryLoop.ts).
 */
import { revokeReason, type RevokeReason } from '../../../../core/lifecycle/decay.ts';
import type { JsonObject } from '../../../../core/stix/model/properties.ts';
import type { KbDatabase } from '../db/KbDatabase.ts';
import { ingest } from '../ingest.ts';
import { byType } from '../queries/byType.ts';
import { nextContent } from '../versions/editObject.ts';
import { currentDecaySettings } from './decaySettings.ts';
import { lifecycleSource } from './lifecycleSource.ts';

const CHUNK = 2_000;

export interface ExpiryResult {
  checked: number;
  revoked: Record<RevokeReason, number>;
}

export async function expireIndicators(db: KbDatabase, options: { now?: () => Date } = {}): Promise<ExpiryResult> {
  const at = (options.now ?? (() => new Date()))();
  const settings = await currentDecaySettings(db);
  const revoked: Record<RevokeReason, number> = { expired: 0, decayed: 0 };
  const next: JsonObject[] = [];
  let checked = 0;
  // The indicators' keys by the [type+modified] index, then their records a chunk at a time: never the whole store.
  const keys = await byType(db, 'indicator').primaryKeys();
  for (let start = 0; start < keys.length; start += CHUNK) {
    for (const record of await db.objects.bulkGet(keys.slice(start, start + CHUNK))) {
      if (!record) continue;
      checked += 1;
      const reason = revokeReason(record.stix, at, settings);
      if (reason === undefined) continue;
      revoked[reason] += 1;
      next.push(nextContent(record, { ...record.stix, revoked: true }, at.toISOString()));
    }
  }
  if (next.length > 0) {
    await ingest(db, next.map((object, index) => ({ object, path: `/${index}`, issues: [] })), lifecycleSource, { now: () => at.toISOString() });
  }
  return { checked, revoked };
}
