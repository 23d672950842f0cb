/**
 * The CISA KEV connector's settings, after OpenCTI's `cisa-known-exploited-vulnerabilities`
 * (CISA_CATALOG_URL, CISA_CREATE_INFRASTRUCTURES, CISA_TLP).
 */
import { z } from 'zod';
import { tlpField } from '../settingFields.ts';

export const KEV_FEED_URL = 'https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json';

export const configSchema = z.object({
  url: z.url({ protocol: /^https?$/ }).default(KEV_FEED_URL).meta({
    title: 'Catalog URL',
    description: 'The JSON feed of the Known Exploited Vulnerabilities catalog; change it only to use a mirror.',
    widget: 'url',
  }),
  createInfrastructures: z.boolean().default(false).meta({
    title: 'Create infrastructures',
    description: 'Also record each affected product as an infrastructure that has the vulnerability, as OpenCTI can.',
  }),
  tlp: tlpField('TLP marking', 'The TLP 2.0 marking put on everything this connector imports.'),
});

export type KevConfig = z.infer<typeof configSchema>;
