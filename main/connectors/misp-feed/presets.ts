/**
 * The public MISP feeds analysts switch on most, with the URLs MISP itself ships in its
 * default feed list (MISP/MISP app/files/feed-metadata/defaults.json).
 */
export const FEED_PRESETS = {
  'circl-osint': { name: 'CIRCL OSINT Feed', url: 'https://www.circl.lu/doc/misp/feed-osint' },
  digitalside: { name: 'DigitalSide Threat-Intel OSINT Feed', url: 'https://osint.digitalside.it/Threat-Intel/digitalside-misp-feed/' },
  infoblox: { name: 'Infoblox Threat Intelligence', url: 'https://raw.githubusercontent.com/infobloxopen/threat-intelligence/main/indicators/misp' },
  botvrij: { name: 'The Botvrij.eu Data', url: 'https://www.botvrij.eu/data/feed-osint' },
  'abusech-malwarebazaar': { name: 'abuse.ch MalwareBazaar', url: 'https://bazaar.abuse.ch/downloads/misp/' },
  'abusech-threatfox': { name: 'abuse.ch ThreatFox', url: 'https://threatfox.abuse.ch/downloads/misp/' },
  'abusech-urlhaus': { name: 'abuse.ch URLhaus', url: 'https://urlhaus.abuse.ch/downloads/misp/' },
} as const satisfies Record<string, { name: string; url: string }>;

export type FeedPreset = keyof typeof FEED_PRESETS;

/** `custom` means: the analyst's own URL. */
export const PRESET_CHOICES = [...(Object.keys(FEED_PRESETS) as FeedPreset[]), 'custom'] as const;

export type PresetChoice = (typeof PRESET_CHOICES)[number];
