/**
 * The AlienVault OTX connector's settings, after OpenCTI's `alienvault` connector
 * (ALIENVAULT_BASE_URL, ALIENVAULT_API_KEY, ALIENVAULT_PULSE_START_TIMESTAMP, ALIENVAULT_TLP).
 */
import { z } from 'zod';
import { tlpField, importFromField } from '../settingFields.ts';

export const OTX_BASE_URL = 'https://otx.alienvault.com';

/** A day, or empty (the form's blank field). */

export const configSchema = z.object({
  apiKey: z.string().min(1, 'the OTX API key is needed').meta({
    title: 'API key',
    description: 'Your OTX key (Settings → OTX Key on otx.alienvault.com); pulses come from the feeds you subscribe to.',
    secret: true,
  }),
  baseUrl: z.url({ protocol: /^https?$/ }).default(OTX_BASE_URL).meta({
    title: 'OTX URL',
    description: 'Change it only to go through a mirror or gateway.',
    widget: 'url',
  }),
  importFrom: importFromField('On the first run, pulses changed on or after this day. Empty: the last 30 days.'),
  tlp: tlpField('Default TLP', 'The TLP marking of pulses that do not state one.'),
});

export type OtxConfig = z.infer<typeof configSchema>;

/** The first run's `modified_since`: the configured day (UTC), else 30 days before now. */
export function firstRunSince(importFrom: string | undefined, now: Date): string {
  const from = importFrom === undefined || importFrom === '' ? new Date(now.getTime() - 30 * 86_400_000) : new Date(`${importFrom}T00:00:00Z`);
  return from.toISOString();
}
