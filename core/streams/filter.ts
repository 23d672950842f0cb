/**
 * Which changes a stream consumer passes on (issue 8): by type, label, confidence and TLP,
 * or indicators only. The TLP limit is the one rule that protects sharing, so it also
 * applies to deletes: even the last version of a TLP:RED object stays home.
 */
import { z } from 'zod';
import { compareTlp, tlpOf, TLP_ORDER, type TlpLevel } from '../stix/markings.ts';
import type { ChangeEvent } from './types.ts';

export const StreamFilter = z
  .object({
    /** STIX types to pass; empty passes all. */
    types: z.array(z.string().min(1).max(64)).max(100).default([]),
    /** Pass objects carrying any of these labels; empty passes all. */
    labels: z.array(z.string().min(1).max(256)).max(100).default([]),
    /** Objects below it, or with no confidence at all, are left out; null passes all. */
    minConfidence: z.number().int().min(0).max(100).nullable().default(null),
    maxTlp: z.enum(TLP_ORDER as [TlpLevel, ...TlpLevel[]]).default('amber'),
    indicatorsOnly: z.boolean().default(false),
  })
  .strict();
export type StreamFilter = z.infer<typeof StreamFilter>;

export function passesFilter(event: ChangeEvent, filter: StreamFilter): boolean {
  const object = event.object;
  // The feed's reading (custom TLP ids resolved) wins; the object's own official ids otherwise.
  if (compareTlp(event.tlp ?? tlpOf(object) ?? 'clear', filter.maxTlp) > 0) return false;
  if (filter.indicatorsOnly && event.type !== 'indicator') return false;
  if (filter.types.length > 0 && !filter.types.includes(event.type)) return false;
  if (filter.labels.length > 0) {
    const labels = object['labels'];
    if (!Array.isArray(labels) || !labels.some((label) => typeof label === 'string' && filter.labels.includes(label))) return false;
  }
  if (filter.minConfidence !== null) {
    const confidence = object['confidence'];
    if (typeof confidence !== 'number' || confidence < filter.minConfidence) return false;
  }
  return true;
}
