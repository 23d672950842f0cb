/**
 * The MISP feed connector's settings, after OpenCTI's `misp-feed` connector (MISP_FEED_URL,
 * MISP_FEED_IMPORT_FROM_DATE) with MISP's own default feeds as presets.
 */
import { z } from 'zod';
import { FEED_PRESETS, PRESET_CHOICES, type PresetChoice } from './presets.ts';
import { tlpField, importFromField } from '../settingFields.ts';

/** A day, or empty (the form's blank field). */

export const configSchema = z
  .object({
    preset: z.enum(PRESET_CHOICES).default('circl-osint').meta({
      title: 'Feed',
      description: 'A public MISP feed, or "custom" to give the feed URL yourself.',
    }),
    url: z.url({ protocol: /^https?$/ }).optional().meta({
      title: 'Feed URL',
      description: 'The folder that holds manifest.json and one <uuid>.json per event. When set, it is used instead of the preset.',
      widget: 'url',
    }),
    importFrom: importFromField('Only events created or changed on or after this day. Empty: the last 30 days.'),
    tlp: tlpField('Default TLP', 'The TLP marking of events that carry no TLP tag of their own.'),
  })
  .refine((config) => config.preset !== 'custom' || config.url !== undefined, { message: 'give the feed URL for a custom feed', path: ['url'] });

export type MispFeedConfig = z.infer<typeof configSchema>;

/** The feed's base URL, without a trailing slash, so `${base}/manifest.json` is always right. */
export function feedUrlOf(config: { preset: PresetChoice; url?: string | undefined }): string {
  const url = config.url ?? (config.preset === 'custom' ? undefined : FEED_PRESETS[config.preset].url);
  if (url === undefined) throw new TypeError('A custom MISP feed needs a URL.');
  return url.replace(/\/+$/, '');
}

/** First-run lower bound, in epoch seconds: the configured day (UTC), else 30 days before now. */
export function importFromEpoch(importFrom: string | undefined, now: Date): number {
  const from = importFrom === undefined || importFrom === '' ? now.getTime() - 30 * 86_400_000 : Date.parse(`${importFrom}T00:00:00Z`);
  return Math.floor(from / 1000);
}
