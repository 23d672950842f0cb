import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validUntilFor } from '../../../../core/lifecycle/decay.ts';
import { convert } from '../../../../core/exports/index.ts';
import type { JsonObject } from '../../../../core/stix/model/properties.ts';
import { validateObject } from '../../../../core/stix/validate.ts';
import { KbDatabase, openKnowledgeBase } from '../db/KbDatabase.ts';
import { ingest, type IngestSource } from '../ingest.ts';
import { listVersions } from '../versions/editObject.ts';
import { setDecayOverrides } from './decaySettings.ts';
import { expireIndicators } from './expireIndicators.ts';

const DAY = 86_400_000;
const start = new Date('2025-03-01T00:00:00.000Z');
const dayOf = (days: number) => new Date(start.getTime() + days * DAY);
const feed: IngestSource = { id: 'connector:feed', kind: 'connector', name: 'A feed' };
const file: IngestSource = { id: 'file:report', kind: 'file', name: 'report.json' };

const IP_INDICATOR = 'indicator--6e0a5ab5-4f43-4b8f-bb1e-0a1c2f4d5e61';
const HASH_INDICATOR = 'indicator--7f1b6bc6-5a54-4c90-8c2f-1b2d3a4e5f72';
const SIGHTING = 'sighting--8a2c7cd7-6b65-4da1-9d30-2c3e4b5f6a83';

function indicator(id: string, pattern: string, extra: JsonObject = {}): JsonObject {
  const at = start.toISOString();
  return { type: 'indicator', spec_version: '2.1', id, created: at, modified: at, pattern, pattern_type: 'stix', valid_from: at, ...extra };
}
const ipIndicator = indicator(IP_INDICATOR, "[ipv4-addr:value = '45.77.12.19']");
const hashIndicator = indicator(HASH_INDICATOR, "[file:hashes.'SHA-256' = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']");

let db: KbDatabase;
beforeEach(async () => {
  db = await openKnowledgeBase(new KbDatabase(`kb-lifecycle-${crypto.randomUUID()}`));
});
afterEach(async () => {
  await db.delete();
});

async function put(objects: JsonObject[], source: IngestSource, at: Date): Promise<void> {
  const result = await ingest(db, objects.map((object, index) => ({ object, path: `/${index}`, issues: validateObject(object) })), source, { now: () => at.toISOString() });
  expect(result.counts.rejected).toBe(0);
}
async function stored(id: string): Promise<JsonObject> {
  const record = await db.objects.get(id);
  if (!record) throw new Error(`${id} is not stored`);
  return record.stix;
}

describe('indicators that age in the knowledge base', () => {
  it('fills a feed\'s indicator from the model where the feed gives nothing, keeping what it gives', async () => {
    await put([ipIndicator, { ...hashIndicator, valid_until: '2030-01-01T00:00:00.000Z', confidence: 90 }], feed, start);
    expect(await stored(IP_INDICATOR)).toMatchObject({ valid_until: validUntilFor('ipv4-addr', start), confidence: 50, x_opencti_score: 38 });
    expect(await stored(HASH_INDICATOR)).toMatchObject({ valid_until: '2030-01-01T00:00:00.000Z', confidence: 90, x_opencti_score: 68 });
  });

  it('revokes an expired indicator as a new version that its history lists, and leaves a live one alone', async () => {
    await put([ipIndicator, hashIndicator], feed, start);
    expect(await expireIndicators(db, { now: () => dayOf(10) })).toEqual({ checked: 2, revoked: { expired: 0, decayed: 0 } });
    const result = await expireIndicators(db, { now: () => dayOf(31) });
    expect(result.revoked.expired + result.revoked.decayed).toBe(1);
    const ip = await stored(IP_INDICATOR);
    expect(ip).toMatchObject({ revoked: true, modified: dayOf(31).toISOString(), created: start.toISOString() });
    expect(await stored(HASH_INDICATOR)).not.toHaveProperty('revoked');
    const { versions } = await listVersions(db, IP_INDICATOR);
    expect(versions.map((version) => [version.current, version.stix['revoked'] ?? false, version.source.name])).toEqual([
      [true, true, 'Indicator lifecycle'],
      [false, false, 'A feed'],
    ]);
    // Revoked stays revoked: a second pass writes nothing more.
    expect((await expireIndicators(db, { now: () => dayOf(40) })).revoked).toEqual({ expired: 0, decayed: 0 });
    expect((await listVersions(db, IP_INDICATOR)).versions).toHaveLength(2);
  });

  it('revokes one decayed under the revoke score before its valid_until, by the analyst\'s settings', async () => {
    await setDecayOverrides(db, { revokeScore: 30 });
    await put([indicator(IP_INDICATOR, "[ipv4-addr:value = '45.77.12.19']", { x_opencti_score: 80 })], feed, start);
    // 80 × (1 − (t/30)²) < 30 from t ≈ 23.7 days.
    expect((await expireIndicators(db, { now: () => dayOf(23) })).revoked.decayed).toBe(0);
    expect((await expireIndicators(db, { now: () => dayOf(24) })).revoked.decayed).toBe(1);
  });

  it('restarts the lifetime when a new sighting names the indicator, so the pass keeps it', async () => {
    await put([ipIndicator], feed, start);
    const sighting = { type: 'sighting', spec_version: '2.1', id: SIGHTING, created: dayOf(25).toISOString(), modified: dayOf(25).toISOString(), sighting_of_ref: IP_INDICATOR, count: 1 };
    await put([sighting], file, dayOf(25));
    expect((await stored(IP_INDICATOR))['valid_until']).toBe(validUntilFor('ipv4-addr', dayOf(25)));
    expect((await expireIndicators(db, { now: () => dayOf(31) })).revoked).toEqual({ expired: 0, decayed: 0 });
    const { versions } = await listVersions(db, IP_INDICATOR);
    expect(versions[0]?.source.name).toBe('Indicator lifecycle');
    expect(versions).toHaveLength(2);
  });

  it('restarts the lifetime when the feed brings the indicator again, at most once a day', async () => {
    await put([ipIndicator], feed, start);
    await put([ipIndicator], feed, new Date(start.getTime() + 3_600_000));
    expect((await listVersions(db, IP_INDICATOR)).versions).toHaveLength(1);
    await put([ipIndicator], feed, dayOf(20));
    expect((await stored(IP_INDICATOR))['valid_until']).toBe(validUntilFor('ipv4-addr', dayOf(20)));
  });

  it('leaves an indicator revoked by expiry out of TXT/CSV/MISP exports unless asked to include it', async () => {
    await put([ipIndicator, hashIndicator], feed, start);
    await expireIndicators(db, { now: () => dayOf(31) });
    const objects = await Promise.all([IP_INDICATOR, HASH_INDICATOR].map(stored));
    for (const to of ['txt', 'csv', 'misp'] as const) {
      const byDefault = convert(objects, { to, leaveOut: { now: dayOf(31) } });
      expect(byDefault.text).not.toContain('45.77.12.19');
      expect(byDefault.text).toContain('a'.repeat(64));
      expect(byDefault.leftOut.revoked).toBe(1);
      expect(convert(objects, { to, leaveOut: { now: dayOf(31), include: { revoked: true } } }).text).toContain('45.77.12.19');
    }
  });
});
