/**
 * What a Malpedia run remembers: the library version it imported and the settings it
 * imported it with. Malpedia raises its version on every change, so a run at the same
 * version with the same settings has nothing new and downloads no more than the version.
 */
import { z } from 'zod';

const Cursor = z.object({ version: z.number().int(), settings: z.string() });

export type MalpediaCursor = z.infer<typeof Cursor>;

export function readCursor(value: unknown): MalpediaCursor | undefined {
  const parsed = Cursor.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export function isUpToDate(previous: MalpediaCursor | undefined, version: number, settings: string): boolean {
  return previous !== undefined && previous.version === version && previous.settings === settings;
}
