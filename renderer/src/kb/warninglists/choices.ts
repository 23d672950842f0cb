/**
 * The analyst's warninglist choices (issue 21, point 4): shipped lists turned off, and
 * lists added from disk — a newer copy of a shipped list (same name, higher version) or
 * a list of their own. Kept in the knowledge base's `state` table, so a backup carries
 * them and they survive a restart; the active set is core/warninglists activeWarninglists.
 *
 * A second, tiny row holds a revision id written with every change: readers compare it
 * with the index they compiled instead of reading (and compiling) a list of a million
 * entries on every lookup. A restore brings the archive's revision with its lists.
 */
import { z } from 'zod';
import { SHIPPED_WARNINGLISTS, type Warninglist } from '../../../../core/warninglists/index.ts';
import { WARNINGLIST_TYPES } from '../../../../core/warninglists/types.ts';
import type { KbDatabase } from '../db/KbDatabase.ts';

export const CHOICES_KEY = 'warninglists';
export const REVISION_KEY = 'warninglists-revision';

const Entry = z.string().min(1).max(2048);

export const AddedWarninglist = z.object({
  name: z.string().min(1).max(300),
  version: z.number().optional(),
  description: z.string().max(10_000).optional(),
  type: z.enum(WARNINGLIST_TYPES),
  category: z.enum(['false-positive', 'known']),
  matchingAttributes: z.array(z.string()).max(200).readonly().optional(),
  values: z.array(Entry).max(2_000_000).readonly(),
  /** When the analyst added it (ISO 8601). */
  addedAt: z.string(),
  /** The file it came from, as the analyst named it. */
  fileName: z.string().max(1000),
});
export type AddedWarninglist = z.infer<typeof AddedWarninglist>;

export const WarninglistChoiceState = z.object({
  disabled: z.array(z.string().min(1).max(300)).max(1000),
  added: z.array(AddedWarninglist).max(500),
});
export type WarninglistChoiceState = z.infer<typeof WarninglistChoiceState>;

const NONE: WarninglistChoiceState = { disabled: [], added: [] };

export async function getWarninglistChoices(db: KbDatabase): Promise<WarninglistChoiceState> {
  const parsed = WarninglistChoiceState.safeParse((await db.state.get(CHOICES_KEY))?.value);
  return parsed.success ? parsed.data : NONE;
}

/** The revision of the stored choices; `shipped` while the analyst has changed nothing. */
export async function warninglistRevision(db: KbDatabase): Promise<string> {
  const value = (await db.state.get(REVISION_KEY))?.value;
  return typeof value === 'string' ? value : 'shipped';
}

export async function putWarninglistChoices(db: KbDatabase, choices: WarninglistChoiceState): Promise<void> {
  await db.transaction('rw', db.state, async () => {
    await db.state.put({ key: CHOICES_KEY, value: choices });
    await db.state.put({ key: REVISION_KEY, value: crypto.randomUUID() });
  });
}

/** An added list as the core matches it (without when and from where it was added). */
export function asWarninglist({ addedAt: _addedAt, fileName: _fileName, ...list }: AddedWarninglist): Warninglist {
  return list;
}

export const shippedNamed = (name: string): Warninglist | undefined => SHIPPED_WARNINGLISTS.find((list) => list.name === name);

/** One list as the Settings card shows it. */
export interface WarninglistSummary {
  name: string;
  version?: number;
  description?: string;
  type: Warninglist['type'];
  category: Warninglist['category'];
  entries: number;
  /** Shipped with Magpie, a newer copy of a shipped list, or the analyst's own. */
  origin: 'shipped' | 'copy' | 'own';
  enabled: boolean;
  /** For a copy: the version Magpie ships, which comes back when the copy is removed. */
  shippedVersion?: number;
  addedAt?: string;
  fileName?: string;
}

const summaryOf = (list: Warninglist): Omit<WarninglistSummary, 'origin' | 'enabled'> => ({
  name: list.name,
  ...(list.version === undefined ? {} : { version: list.version }),
  ...(list.description === undefined ? {} : { description: list.description }),
  type: list.type,
  category: list.category,
  entries: list.values.length,
});

export function summarise(choices: WarninglistChoiceState): WarninglistSummary[] {
  const off = new Set(choices.disabled);
  const added = new Map(choices.added.map((list) => [list.name, list]));
  const shipped = SHIPPED_WARNINGLISTS.map((list): WarninglistSummary => {
    const copy = added.get(list.name);
    if (copy === undefined) return { ...summaryOf(list), origin: 'shipped', enabled: !off.has(list.name) };
    return { ...summaryOf(asWarninglist(copy)), origin: 'copy', enabled: !off.has(list.name), ...(list.version === undefined ? {} : { shippedVersion: list.version }), addedAt: copy.addedAt, fileName: copy.fileName };
  });
  const own = choices.added
    .filter((list) => shippedNamed(list.name) === undefined)
    .map((list): WarninglistSummary => ({ ...summaryOf(asWarninglist(list)), origin: 'own', enabled: !off.has(list.name), addedAt: list.addedAt, fileName: list.fileName }));
  return [...shipped, ...own];
}
