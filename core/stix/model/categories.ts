/**
 * Which spec-defined type belongs to which kind of STIX object (STIX 2.1 §2.1–§2.4).
 * A type not listed here is a custom object: it may stand where an SDO or an SCO may.
 */

export const SDO_TYPES = [
  'attack-pattern', 'campaign', 'course-of-action', 'grouping', 'identity', 'incident', 'indicator',
  'infrastructure', 'intrusion-set', 'location', 'malware', 'malware-analysis', 'note', 'observed-data',
  'opinion', 'report', 'threat-actor', 'tool', 'vulnerability',
] as const;

export const SRO_TYPES = ['relationship', 'sighting'] as const;

export const SCO_TYPES = [
  'artifact', 'autonomous-system', 'directory', 'domain-name', 'email-addr', 'email-message', 'file',
  'ipv4-addr', 'ipv6-addr', 'mac-addr', 'mutex', 'network-traffic', 'process', 'software', 'url',
  'user-account', 'windows-registry-key', 'x509-certificate',
] as const;

export const META_TYPES = ['marking-definition', 'language-content', 'extension-definition'] as const;

export type SdoType = (typeof SDO_TYPES)[number];
export type SroType = (typeof SRO_TYPES)[number];
export type ScoType = (typeof SCO_TYPES)[number];
export type MetaType = (typeof META_TYPES)[number];
export type SpecType = SdoType | SroType | ScoType | MetaType;
export type Category = 'sdo' | 'sro' | 'sco' | 'meta';

const categoryOf = new Map<string, Category>([
  ...SDO_TYPES.map((t) => [t, 'sdo'] as const),
  ...SRO_TYPES.map((t) => [t, 'sro'] as const),
  ...SCO_TYPES.map((t) => [t, 'sco'] as const),
  ...META_TYPES.map((t) => [t, 'meta'] as const),
]);

/** The category of a spec-defined type; `undefined` for custom types (and `bundle`). */
export function specCategory(type: string): Category | undefined {
  return categoryOf.get(type);
}

export function isCustomType(type: string): boolean {
  return type !== 'bundle' && !categoryOf.has(type);
}

export function isScoType(type: string): boolean {
  return categoryOf.get(type) === 'sco';
}

/**
 * What a reference may point at: exact types, or whole categories. `sdo` and `sco`
 * also admit custom types, which STIX lets producers define as either.
 */
export type RefTarget = SpecType | 'bundle' | 'sdo' | 'sro' | 'sco' | 'any';

export function refAllows(targets: readonly RefTarget[], type: string): boolean {
  const category = categoryOf.get(type);
  for (const target of targets) {
    if (target === 'any' || target === type) return true;
    if ((target === 'sdo' || target === 'sco') && (category === target || isCustomType(type))) return true;
    if (target === 'sro' && category === 'sro') return true;
  }
  return false;
}
