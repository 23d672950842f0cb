/**
 * What the specification says a collection answers, worked out from the entries the target was
 * seeded with (objects with their date_added), so a test compares the server with the rules, not
 * with a list written by hand.
 */
import type { ConformanceTarget } from '../testing/conformanceTarget.ts';
import { microseconds } from './taxiiClient.ts';

type Entry = ConformanceTarget['seeded'][number];

/** §3.4.1 version: the STIX modified timestamp, or created for an object that is not versioned. */
export function versionOf(object: { modified?: unknown; created?: unknown }): string {
  const version = typeof object.modified === 'string' ? object.modified : object.created;
  if (typeof version !== 'string') throw new Error('A STIX object without modified or created');
  return version;
}

/** One object version as a comparable key: id and version in microseconds (any precision). */
export function versionKey(object: { id?: unknown; modified?: unknown; created?: unknown }): string {
  return `${String(object.id)}@${String(microseconds(versionOf(object)))}`;
}

/** §3.3: "sorted in ascending order by the date it was added". */
export function byDateAdded(entries: readonly Entry[]): Entry[] {
  return [...entries].sort((a, b) => microseconds(a.dateAdded) - microseconds(b.dateAdded));
}

/** §3.4.1 version: without match[version] "the server MUST return only the latest version for each object". */
export function latestVersions(entries: readonly Entry[]): Entry[] {
  const latest = new Map<string, Entry>();
  for (const entry of entries) {
    const kept = latest.get(entry.object.id as string);
    if (kept === undefined || microseconds(versionOf(entry.object)) > microseconds(versionOf(kept.object))) latest.set(entry.object.id as string, entry);
  }
  return byDateAdded([...latest.values()]);
}

/** §3.4 added_after: "only include those objects added after the specified timestamp" (strictly). */
export function addedAfter(entries: readonly Entry[], timestamp: string): Entry[] {
  return entries.filter((entry) => microseconds(entry.dateAdded) > microseconds(timestamp));
}

export const keysOf = (entries: readonly Entry[]): string[] => entries.map((entry) => versionKey(entry.object));

/** The seeded object that has more than one version (the target seeds exactly one). */
export function versionedId(target: ConformanceTarget): string {
  const counts = new Map<string, number>();
  for (const { object } of target.seeded) counts.set(object.id as string, (counts.get(object.id as string) ?? 0) + 1);
  const id = [...counts].find(([, count]) => count > 1)?.[0];
  if (id === undefined) throw new Error('The conformance target seeds no object with two versions');
  return id;
}

/** The seeded objects of one type, as their ids. */
export const idsOfType = (target: ConformanceTarget, type: string): string[] => [...new Set(target.seeded.filter((entry) => entry.object.type === type).map((entry) => entry.object.id as string))];

/** An RFC 3339 timestamp one microsecond earlier, to show added_after is exclusive to the microsecond. */
export function oneMicrosecondBefore(timestamp: string): string {
  const micros = microseconds(timestamp) - 1;
  const seconds = new Date(Math.floor(micros / 1_000_000) * 1000).toISOString().slice(0, 19);
  return `${seconds}.${String(micros % 1_000_000).padStart(6, '0')}Z`;
}
