/**
 * The MITRE ATT&CK connector's settings, after OpenCTI's `mitre` connector
 * (MITRE_ENTERPRISE_FILE_URL, MITRE_MOBILE_ATTACK_FILE_URL, MITRE_ICS_ATTACK_FILE_URL),
 * with each domain switched on or off on its own.
 */
import { z } from 'zod';
import { TLP_ORDER } from '../../../core/stix/index.ts';

const STIX_DATA = 'https://raw.githubusercontent.com/mitre-attack/attack-stix-data/master';

export const ATTACK_URLS = {
  enterprise: `${STIX_DATA}/enterprise-attack/enterprise-attack.json`,
  mobile: `${STIX_DATA}/mobile-attack/mobile-attack.json`,
  ics: `${STIX_DATA}/ics-attack/ics-attack.json`,
} as const;

export type AttackDomain = keyof typeof ATTACK_URLS;

export const ATTACK_DOMAINS: readonly { domain: AttackDomain; label: string }[] = [
  { domain: 'enterprise', label: 'Enterprise' },
  { domain: 'mobile', label: 'Mobile' },
  { domain: 'ics', label: 'ICS' },
];

const bundleUrl = (domain: AttackDomain, label: string): z.ZodDefault<z.ZodURL> =>
  z.url({ protocol: /^https?$/ }).default(ATTACK_URLS[domain]).meta({
    title: `${label} bundle URL`,
    description: `The STIX bundle of ATT&CK for ${label} (STIX 2.1, or the STIX 2.0 form of mitre/cti, which is upgraded).`,
    widget: 'url',
  });

export const configSchema = z.object({
  enterprise: z.boolean().default(true).meta({ title: 'Enterprise', description: 'Import ATT&CK for Enterprise (Windows, Linux, macOS, cloud, network, containers).' }),
  enterpriseUrl: bundleUrl('enterprise', 'Enterprise'),
  mobile: z.boolean().default(false).meta({ title: 'Mobile', description: 'Import ATT&CK for Mobile (Android, iOS).' }),
  mobileUrl: bundleUrl('mobile', 'Mobile'),
  ics: z.boolean().default(false).meta({ title: 'ICS', description: 'Import ATT&CK for ICS (industrial control systems).' }),
  icsUrl: bundleUrl('ics', 'ICS'),
  tlp: z.enum(TLP_ORDER).default('clear').meta({
    title: 'TLP marking',
    description: 'The TLP 2.0 marking added to every imported object, beside MITRE\'s own copyright marking.',
  }),
});

export type AttackConfig = z.infer<typeof configSchema>;

/** The domains switched on, each with its URL, in a fixed order. */
export function enabledDomains(config: AttackConfig): { domain: AttackDomain; label: string; url: string }[] {
  const urls: Record<AttackDomain, string> = { enterprise: config.enterpriseUrl, mobile: config.mobileUrl, ics: config.icsUrl };
  return ATTACK_DOMAINS.filter(({ domain }) => config[domain]).map(({ domain, label }) => ({ domain, label, url: urls[domain] }));
}
