/**
 * The Malpedia connector's settings, after OpenCTI's `malpedia` connector (MALPEDIA_AUTH_KEY,
 * MALPEDIA_IMPORT_INTRUSION_SETS, MALPEDIA_IMPORT_YARA, MALPEDIA_CREATE_INDICATORS /
 * _OBSERVABLES, MALPEDIA_DEFAULT_MARKING). Without a key the public library is imported:
 * families, actors and the TLP:WHITE YARA rules; a key adds the rules Malpedia shares with
 * registered users (TLP:GREEN, TLP:AMBER) and the families' sample hashes.
 */
import { z } from 'zod';
import { TLP_ORDER } from '../../../core/stix/index.ts';
import { tlpField } from '../settingFields.ts';

export const MALPEDIA_URL = 'https://malpedia.caad.fkie.fraunhofer.de';

export const configSchema = z.object({
  apiKey: z.string().optional().meta({
    title: 'API key',
    description: 'Optional. Your Malpedia API token (profile page on malpedia.caad.fkie.fraunhofer.de): adds the TLP:GREEN and TLP:AMBER YARA rules and sample hashes. Empty: the public library only.',
    secret: true,
  }),
  baseUrl: z.url({ protocol: /^https?$/ }).default(MALPEDIA_URL).meta({
    title: 'Malpedia URL',
    description: 'Change it only to go through a mirror or gateway; the API is read under /api/.',
    widget: 'url',
  }),
  importIntrusionSets: z.boolean().default(true).meta({
    title: 'Actors',
    description: 'Import the actors Malpedia attributes families to, as intrusion sets with their countries.',
  }),
  importYara: z.boolean().default(true).meta({
    title: 'YARA rules',
    description: 'Import each family\'s YARA rules as indicators, marked with the TLP of their Malpedia folder.',
  }),
  importSamples: z.boolean().default(true).meta({
    title: 'Sample hashes',
    description: 'With an API key: import each family\'s sample SHA-256 hashes as files and indicators.',
  }),
  tlp: tlpField('TLP marking', 'The TLP marking of families, actors, countries and relationships (YARA rules carry their own).'),
  samplesTlp: z.enum(TLP_ORDER).default('amber').meta({
    title: 'TLP of sample hashes',
    description: 'Malpedia shares samples with registered users only, so their hashes are marked amber unless you choose otherwise.',
  }),
});

export type MalpediaConfig = z.infer<typeof configSchema>;

/** What decides what a run imports besides Malpedia's version: a change re-imports everything. */
export function settingsFingerprint(config: MalpediaConfig): string {
  const keyed = config.apiKey !== undefined && config.apiKey !== '';
  return [`key=${String(keyed)}`, `url=${config.baseUrl}`, `actors=${String(config.importIntrusionSets)}`, `yara=${String(config.importYara)}`, `samples=${String(config.importSamples)}`, `tlp=${config.tlp}`, `samplesTlp=${config.samplesTlp}`].join(';');
}
