/**
 * The label manager (issue 17, point 3): every label with the number of objects that carry
 * it and its colour; rename, merge, delete. A rename, merge or delete is a bulk edit
 * (bulk.ts): each object that changes becomes a new version in one undoable transaction.
 * Colours are the analyst's display choice, not STIX: they are kept in the `state` table.
 */
import type { KbDatabase } from '../db/KbDatabase.ts';
import { KbError } from '../errors.ts';
import { applyToObjects, type BulkProgress, type BulkResult } from './bulk.ts';

const COLOURS_KEY = 'labels:colours';
/** Mantine palette names, so a colour reads in both themes. */
export const labelColours = ['gray', 'red', 'pink', 'grape', 'violet', 'indigo', 'blue', 'cyan', 'teal', 'green', 'lime', 'yellow', 'orange'] as const;
export type LabelColour = (typeof labelColours)[number];

export interface LabelRow {
  label: string;
  count: number;
  colour?: LabelColour;
}

async function colours(db: KbDatabase): Promise<Record<string, LabelColour>> {
  const value = (await db.state.get(COLOURS_KEY))?.value;
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, LabelColour] => (labelColours as readonly unknown[]).includes(entry[1])));
}

export async function listLabels(db: KbDatabase): Promise<{ labels: LabelRow[] }> {
  const counts = new Map<string, number>();
  // One walk of the labels index: its keys only, never the objects.
  await db.objects.orderBy('labels').eachKey((key) => {
    if (typeof key === 'string') counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  const colourOf = await colours(db);
  const labels = [...counts].map(([label, count]): LabelRow => ({ label, count, ...(colourOf[label] ? { colour: colourOf[label] } : {}) }));
  return { labels: labels.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)) };
}

function cleaned(label: string): string {
  const trimmed = label.trim();
  if (trimmed === '') throw new KbError('invalid-argument', 'Type the new label first. Nothing was changed.');
  return trimmed;
}

/** Replaces the labels `from` by `to` (nothing: removes them) on every object that has one. */
async function relabel(db: KbDatabase, from: readonly string[], to: string | undefined, label: string, onProgress?: (progress: BulkProgress) => void): Promise<BulkResult> {
  const gone = new Set(from);
  const ids = await db.objects.where('labels').anyOf([...gone]).distinct().primaryKeys();
  if (ids.length === 0) throw new KbError('not-found', `No object carries ${from.map((name) => `"${name}"`).join(', ')} any more. Reload the labels.`);
  const result = await applyToObjects(db, ids, label, (stix) => {
    const labels = Array.isArray(stix['labels']) ? stix['labels'].filter((item): item is string => typeof item === 'string') : [];
    const next = labels.filter((item) => !gone.has(item));
    if (to !== undefined && !next.includes(to)) next.splice(labels.findIndex((item) => gone.has(item)), 0, to);
    const object = { ...stix };
    if (next.length === 0) delete object['labels'];
    else object['labels'] = next;
    return object;
  }, onProgress ? { onProgress } : {});
  const colourOf = await colours(db);
  const kept = from.map((name) => colourOf[name]).find((colour) => colour !== undefined);
  for (const name of from) Reflect.deleteProperty(colourOf, name);
  if (to !== undefined && kept && !colourOf[to]) colourOf[to] = kept;
  await db.state.put({ key: COLOURS_KEY, value: colourOf });
  return result;
}

export function renameLabel(db: KbDatabase, request: { from: string; to: string }, onProgress?: (progress: BulkProgress) => void): Promise<BulkResult> {
  const to = cleaned(request.to);
  return relabel(db, [request.from], to, `Rename label ${request.from} → ${to}`, onProgress);
}

export function mergeLabels(db: KbDatabase, request: { from: string[]; into: string }, onProgress?: (progress: BulkProgress) => void): Promise<BulkResult> {
  const into = cleaned(request.into);
  return relabel(db, request.from.filter((label) => label !== into), into, `Merge labels into ${into}`, onProgress);
}

export function deleteLabel(db: KbDatabase, request: { label: string }, onProgress?: (progress: BulkProgress) => void): Promise<BulkResult> {
  return relabel(db, [request.label], undefined, `Delete label ${request.label}`, onProgress);
}

export async function setLabelColour(db: KbDatabase, request: { label: string; colour: LabelColour | null }): Promise<{ saved: true }> {
  if (request.colour !== null && !labelColours.includes(request.colour)) throw new KbError('invalid-argument', `Choose one of the colours offered (${labelColours.join(', ')}).`);
  const colourOf = await colours(db);
  if (request.colour === null) Reflect.deleteProperty(colourOf, request.label);
  else colourOf[request.label] = request.colour;
  await db.state.put({ key: COLOURS_KEY, value: colourOf });
  return { saved: true };
}
