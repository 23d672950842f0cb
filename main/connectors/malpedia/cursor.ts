/**
 * What a Malpedia run remembers: the library version it imported, the settings it imported
 * it with, and a short digest of each object's content. Malpedia raises its version on every
 * change anywhere in the library, so a run at the same version with the same settings has
 * nothing new and downloads only the version; a run at a new version emits only the objects
 * whose content changed, so an unchanged actor does not gain a new STIX version every day.
 * Digests are packed as ATT&CK's cursor packs them (12 characters each).
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { z } from 'zod';
import type { JsonObject } from '../../../core/stix/index.ts';
import { packDigests, unpackDigests } from '../mitre-attack/cursor.ts';

const Cursor = z.object({ version: z.number().int(), settings: z.string(), digests: z.string().default('') });

export type MalpediaCursor = z.infer<typeof Cursor>;

export function readCursor(value: unknown): MalpediaCursor | undefined {
  const parsed = Cursor.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export function isUpToDate(previous: MalpediaCursor, version: number, settings: string): boolean {
  return previous.version === version && previous.settings === settings;
}

/** 72 bits of SHA-256 over the object without its timestamps: what it says, not when. */
export function contentDigest(object: Readonly<JsonObject>): string {
  const { created: _created, modified: _modified, valid_from: _validFrom, ...content } = object;
  return createHash('sha256').update(canonicalize(content) ?? '').digest('base64url').slice(0, 12);
}

/** The objects whose content the previous run did not emit, and the digests to keep. */
export function changedSince(previous: MalpediaCursor | undefined, objects: readonly JsonObject[]): { changed: JsonObject[]; digests: string } {
  const known = unpackDigests(previous?.digests ?? '');
  const digests = objects.map(contentDigest);
  return { changed: objects.filter((_, index) => !known.has(digests[index] ?? '')), digests: packDigests(digests) };
}
