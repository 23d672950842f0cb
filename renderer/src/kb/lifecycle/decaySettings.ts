/**
 * The analyst's changes to the decay model's defaults (core/lifecycle/decay.ts), kept in
 * the knowledge base's `state` table beside the extraction lists: the worker's expiry pass
 * and ingest read them, and a backup carries them with the indicators they aged.
 */
import { decaySettings, DecayOverrides, type DecaySettings } from '../../../../core/lifecycle/decay.ts';
import type { KbDatabase } from '../db/KbDatabase.ts';
import { KbError } from '../errors.ts';

const KEY = 'decay-settings';

export async function getDecayOverrides(db: KbDatabase): Promise<DecayOverrides> {
  const parsed = DecayOverrides.safeParse((await db.state.get(KEY))?.value);
  return parsed.success ? parsed.data : {};
}

export async function currentDecaySettings(db: KbDatabase): Promise<DecaySettings> {
  return decaySettings(await getDecayOverrides(db));
}

export async function setDecayOverrides(db: KbDatabase, overrides: unknown): Promise<{ overrides: DecayOverrides; settings: DecaySettings }> {
  const parsed = DecayOverrides.safeParse(overrides);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new KbError('invalid-argument', `The decay settings were not saved: ${first ? `${first.path.join('.')}: ${first.message}` : 'they are not valid'}. Lifetimes are whole days from 1 to 3650, the revoke score 0 to 100.`);
  }
  await db.state.put({ key: KEY, value: parsed.data });
  return { overrides: parsed.data, settings: decaySettings(parsed.data) };
}
