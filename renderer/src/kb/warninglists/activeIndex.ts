/**
 * The warninglists in force — shipped, less those turned off, with added copies and own
 * lists — compiled once per change of the analyst's choices (their revision), not per
 * value or per call. Look up, the entity page, exports and the extraction review all ask
 * here, so they agree on what a warninglist holds.
 */
import { activeWarninglists, defaultWarninglistIndex, warninglistIndex, type Warninglist, type WarninglistHit, type WarninglistIndex } from '../../../../core/warninglists/index.ts';
import type { KbDatabase } from '../db/KbDatabase.ts';
import { asWarninglist, getWarninglistChoices, warninglistRevision } from './choices.ts';

interface Compiled {
  readonly revision: string;
  readonly lists: readonly Warninglist[];
  readonly index: WarninglistIndex;
}

const compiled = new WeakMap<KbDatabase, Compiled>();

async function current(db: KbDatabase): Promise<Compiled> {
  const revision = await warninglistRevision(db);
  const cached = compiled.get(db);
  if (cached?.revision === revision) return cached;
  const choices = await getWarninglistChoices(db);
  const lists = activeWarninglists({ disabled: choices.disabled, added: choices.added.map(asWarninglist) });
  const fresh = { revision, lists, index: revision === 'shipped' ? defaultWarninglistIndex() : warninglistIndex(lists) };
  compiled.set(db, fresh);
  return fresh;
}

export async function activeWarninglistIndex(db: KbDatabase): Promise<WarninglistIndex> {
  return (await current(db)).index;
}

/** The lists themselves, for the document worker's extraction engine. */
export async function activeWarninglistSet(db: KbDatabase): Promise<{ lists: Warninglist[] }> {
  return { lists: [...(await current(db)).lists] };
}

export const MAX_HITS_PER_CALL = 10_000;

/** The active lists that hold each value, in order. */
export async function warninglistHitsOf(db: KbDatabase, values: readonly { type: string; value: string }[]): Promise<WarninglistHit[][]> {
  const index = await activeWarninglistIndex(db);
  return values.slice(0, MAX_HITS_PER_CALL).map(({ type, value }) => index.hits(value, type));
}
