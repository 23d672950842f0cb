/**
 * What Settings → Warninglists does (issue 21, point 4): turn a list on or off, add a
 * MISP `list.json` from disk, remove an added one. The file is read here, in the KB
 * worker (sandboxed, off the UI thread), with the same parser as the shipped lists; main
 * never sees it. A refused file changes nothing and says why, with a code the card words.
 */
import { parseMispWarninglist, SHIPPED_WARNINGLISTS } from '../../../../core/warninglists/index.ts';
import type { Warninglist } from '../../../../core/warninglists/types.ts';
import type { KbDatabase } from '../db/KbDatabase.ts';
import { getWarninglistChoices, putWarninglistChoices, shippedNamed, summarise, type WarninglistSummary } from './choices.ts';

/** MISP's largest lists (top-1M domain rankings) are ~30 MB. */
export const MAX_WARNINGLIST_BYTES = 64 * 1024 * 1024;

export type AddRefusal =
  | { reason: 'too-large'; bytes: number }
  | { reason: 'not-json'; detail: string }
  | { reason: 'not-a-list'; detail: string }
  | { reason: 'empty'; name: string }
  | { reason: 'not-newer'; name: string; version: number | null; shippedVersion: number };

export type AddOutcome =
  | { ok: true; name: string; origin: 'copy' | 'own'; version: number | null; entries: number; lists: WarninglistSummary[] }
  | ({ ok: false } & AddRefusal);

export async function listWarninglists(db: KbDatabase): Promise<{ lists: WarninglistSummary[] }> {
  return { lists: summarise(await getWarninglistChoices(db)) };
}

function knownName(name: string, added: readonly { name: string }[]): boolean {
  return shippedNamed(name) !== undefined || added.some((list) => list.name === name);
}

export async function setWarninglistEnabled(db: KbDatabase, request: { name: string; enabled: boolean }): Promise<{ lists: WarninglistSummary[] }> {
  const choices = await getWarninglistChoices(db);
  if (!knownName(request.name, choices.added)) return { lists: summarise(choices) };
  const disabled = choices.disabled.filter((name) => name !== request.name);
  const next = { ...choices, disabled: request.enabled ? disabled : [...disabled, request.name] };
  await putWarninglistChoices(db, next);
  return { lists: summarise(next) };
}

/** Removes an added copy (the shipped list comes back) or an own list. */
export async function removeWarninglist(db: KbDatabase, request: { name: string }): Promise<{ lists: WarninglistSummary[] }> {
  const choices = await getWarninglistChoices(db);
  if (!choices.added.some((list) => list.name === request.name)) return { lists: summarise(choices) };
  // An own list leaves nothing to turn off; a shipped list keeps the analyst's on/off.
  const disabled = shippedNamed(request.name) === undefined ? choices.disabled.filter((name) => name !== request.name) : choices.disabled;
  const next = { disabled, added: choices.added.filter((list) => list.name !== request.name) };
  await putWarninglistChoices(db, next);
  return { lists: summarise(next) };
}

/** Reads a `list.json`; the refusal when it cannot be taken. */
export function readWarninglist(text: string, shipped: readonly Warninglist[] = SHIPPED_WARNINGLISTS): Warninglist | AddRefusal {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { reason: 'not-json', detail: error instanceof Error ? error.message : String(error) };
  }
  let list: Warninglist;
  try {
    list = parseMispWarninglist(json);
  } catch (error) {
    return { reason: 'not-a-list', detail: error instanceof Error ? error.message : String(error) };
  }
  if (list.values.length === 0) return { reason: 'empty', name: list.name };
  const own = shipped.find((candidate) => candidate.name === list.name);
  // A copy replaces a shipped list only when it is newer: an older MISP release would quietly undo the shipped one's entries.
  if (own?.version !== undefined && (list.version === undefined || list.version <= own.version)) {
    return { reason: 'not-newer', name: list.name, version: list.version ?? null, shippedVersion: own.version };
  }
  return list;
}

export async function addWarninglist(db: KbDatabase, request: { file: Blob; name: string }, now: Date = new Date()): Promise<AddOutcome> {
  if (request.file.size > MAX_WARNINGLIST_BYTES) return { ok: false, reason: 'too-large', bytes: request.file.size };
  const read = readWarninglist(await request.file.text());
  if ('reason' in read) return { ok: false, ...read };
  const choices = await getWarninglistChoices(db);
  const added = { ...read, addedAt: now.toISOString(), fileName: request.name.slice(0, 1000) };
  // Adding a list is asking for it: it starts on, and replaces an earlier copy of the same name.
  const next = { disabled: choices.disabled.filter((name) => name !== read.name), added: [...choices.added.filter((list) => list.name !== read.name), added] };
  await putWarninglistChoices(db, next);
  return { ok: true, name: read.name, origin: shippedNamed(read.name) === undefined ? 'own' : 'copy', version: read.version ?? null, entries: read.values.length, lists: summarise(next) };
}
