/**
 * The parts of an OTX pulse the converter reads (OTX DirectConnect API v1,
 * `/api/v1/pulses/subscribed`), as lax zod schemas: fields are optional unless a pulse
 * means nothing without them, unknown fields pass, and lists are read entry by entry so one
 * odd indicator does not cost the pulse.
 */
import { z } from 'zod';

const text = z.string().nullish().transform((value) => value ?? undefined);

const names = z
  .array(z.unknown())
  .nullish()
  .transform((list) => list ?? []);

export const OtxIndicator = z.looseObject({
  indicator: z.string(),
  type: z.string(),
  created: text,
  title: text,
  description: text,
  content: text,
  expiration: text,
});
export type OtxIndicator = z.infer<typeof OtxIndicator>;

export const OtxPulse = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  description: text,
  author_name: text,
  created: text,
  modified: text,
  tlp: text,
  /** Older pulses (intelmq's 2015 samples) spell it in capitals. */
  TLP: text,
  adversary: text,
  tags: names,
  references: names,
  /** Strings in the subscribed list, `{ id, name, display_name }` in pulse details. */
  malware_families: names,
  attack_ids: names,
  indicators: names,
});
export type OtxPulse = z.infer<typeof OtxPulse>;

export const OtxPage = z.looseObject({
  results: z.array(z.unknown()),
  next: z.string().nullish(),
});

/** The string of a list entry given either as a string or as `{ id | name | display_name }`. */
export function nameOf(entry: unknown, key: 'id' | 'name'): string | undefined {
  if (typeof entry === 'string') return entry.trim() === '' ? undefined : entry.trim();
  if (typeof entry !== 'object' || entry === null) return undefined;
  const record = entry as Record<string, unknown>;
  const value = record[key] ?? record['display_name'] ?? record['name'];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
