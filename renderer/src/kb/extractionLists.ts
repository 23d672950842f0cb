/**
 * The analyst's own allow and deny lists for indicator extraction, and the MISP warning
 * lists they imported. They live in the knowledge base (not in main's settings file)
 * because warning lists run to tens of thousands of entries and only the extraction in
 * the renderer reads them.
 */
import { z } from 'zod';
import type { KbDatabase } from './db/KbDatabase.ts';
import { KbError } from './errors.ts';

const Entry = z.string().trim().min(1).max(2048);

export const ExtractionLists = z.object({
  allow: z.array(Entry).max(100_000),
  deny: z.array(Entry).max(100_000),
  warningLists: z
    .array(z.object({ name: z.string().min(1).max(300), values: z.array(Entry).max(1_000_000) }))
    .max(500),
});
export type ExtractionLists = z.infer<typeof ExtractionLists>;

const KEY = 'extraction-lists';

export const emptyExtractionLists: ExtractionLists = { allow: [], deny: [], warningLists: [] };

export async function getExtractionLists(db: KbDatabase): Promise<ExtractionLists> {
  const stored = await db.state.get(KEY);
  const parsed = ExtractionLists.safeParse(stored?.value);
  return parsed.success ? parsed.data : emptyExtractionLists;
}

export async function setExtractionLists(db: KbDatabase, lists: unknown): Promise<ExtractionLists> {
  const parsed = ExtractionLists.safeParse(lists);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new KbError('invalid-argument', `The lists were not saved: ${first ? `${first.path.join('.')}: ${first.message}` : 'they are not valid'}.`);
  }
  // Blank lines and repeats are the analyst's typing, not entries.
  const tidy = (values: readonly string[]) => [...new Set(values)];
  const value: ExtractionLists = {
    allow: tidy(parsed.data.allow),
    deny: tidy(parsed.data.deny),
    warningLists: parsed.data.warningLists.map((list) => ({ name: list.name, values: tidy(list.values) })),
  };
  await db.state.put({ key: KEY, value });
  return value;
}
