/**
 * MISP galaxy clusters (threat actors, malware, ATT&CK, sectors, countries…) to STIX SDOs.
 * Which galaxy becomes which type follows OpenCTI's MISP connector, which Magpie's users
 * already know: the MISP `threat-actor` galaxy becomes an intrusion-set (MISP names
 * groups there, not people), and the MISP `tool` galaxy becomes malware (it lists families
 * such as Emotet and X-Agent, not the legitimate software STIX means by `tool`); ATT&CK
 * values such as "Command and Scripting Interpreter - T1059" give the name and the MITRE
 * id. Galaxies with no STIX counterpart (guidelines, …) are reported, not converted.
 */
import { attackPatternId, identityId, vulnerabilityId, type JsonObject } from '../stix/index.ts';
import { derivedId, idFromMisp } from './ids.ts';
import { MispCluster, MispGalaxy, parseEach } from './schema.ts';
import type { GalaxyTag } from './tags.ts';

export interface Cluster {
  readonly galaxyType: string;
  readonly value: string;
  readonly uuid?: string | undefined;
  readonly description?: string | undefined;
  readonly meta?: Readonly<Record<string, unknown>> | null | undefined;
}

type Kind = 'attack-pattern' | 'course-of-action' | 'intrusion-set' | 'malware' | 'tool' | 'sector' | 'country' | 'region' | 'vulnerability';

/** MISP galaxies of malware families, with the malware-type (STIX 2.1 §10.12) where one fits. */
const MALWARE_GALAXIES: Readonly<Record<string, string | undefined>> = {
  'mitre-malware': undefined, malpedia: undefined, tool: undefined, banker: 'trojan', stealer: 'spyware',
  backdoor: 'backdoor', ransomware: 'ransomware', rat: 'remote-access-trojan', botnet: 'bot',
  'exploit-kit': 'exploit-kit', android: undefined, cryptominers: 'resource-exploitation',
};

/** The STIX type a MISP galaxy's clusters become; the MISP export (core/exports/misp) picks its galaxies by it. */
export function kindOf(galaxyType: string): Kind | undefined {
  const type = galaxyType.trim().toLowerCase();
  if (type.endsWith('attack-pattern')) return 'attack-pattern';
  if (type.endsWith('course-of-action')) return 'course-of-action';
  if (type.endsWith('intrusion-set') || type === 'threat-actor' || type === 'microsoft-activity-group') return 'intrusion-set';
  if (type === 'mitre-tool' || /^mitre-.*-tool$/.test(type)) return 'tool';
  if (Object.hasOwn(MALWARE_GALAXIES, type) || /^mitre-.*-malware$/.test(type)) return 'malware';
  if (type === 'sector' || type === 'country' || type === 'region') return type;
  if (type === 'branded-vulnerability') return 'vulnerability';
  return undefined;
}

/** Every cluster on an item: those in its Galaxy blocks, and those only its tags name. */
export function clustersOf(galaxies: readonly unknown[] | null | undefined, galaxyTags: readonly GalaxyTag[]): Cluster[] {
  const clusters: Cluster[] = [];
  const covered = new Set<string>();
  for (const galaxy of parseEach(MispGalaxy, galaxies).valid) {
    for (const cluster of parseEach(MispCluster, galaxy.GalaxyCluster).valid) {
      const galaxyType = cluster.type ?? galaxy.type;
      clusters.push({ galaxyType, value: cluster.value, uuid: cluster.uuid, description: cluster.description, meta: cluster.meta });
      covered.add(cluster.tag_name ?? `misp-galaxy:${galaxyType}="${cluster.value}"`);
    }
  }
  for (const tag of galaxyTags) {
    if (covered.has(tag.tagName)) continue;
    covered.add(tag.tagName);
    clusters.push({ galaxyType: tag.galaxyType, value: tag.value });
  }
  return clusters;
}

const MITRE_ID = /^(.*\S)\s+-\s+([TGSM]\d{4}(?:\.\d{3})?)$/;

const MITRE_PATHS: Readonly<Record<string, string>> = { T: 'techniques', G: 'groups', S: 'software', M: 'mitigations' };

function mitreReference(externalId: string, kind: Kind): JsonObject {
  const path = MITRE_PATHS[externalId.charAt(0)];
  // Pre-2020 mitigations reuse their technique's T id; they have no page of their own.
  const url = path === undefined || (kind === 'course-of-action' && externalId.startsWith('T')) ? undefined : `https://attack.mitre.org/${path}/${externalId.replace('.', '/')}/`;
  return { source_name: 'mitre-attack', external_id: externalId, ...(url === undefined ? {} : { url }) };
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '') : [];
}

function hostOf(url: string): string | undefined {
  return /^[a-z][a-z0-9+.-]*:\/\/([^/:?#@]+)/i.exec(url)?.[1]?.toLowerCase();
}

function references(cluster: Cluster, kind: Kind, externalId: string | undefined): JsonObject[] {
  const refs = strings(cluster.meta?.['refs']).flatMap((url) => {
    const host = hostOf(url);
    // The ATT&CK page is already the mitre-attack reference.
    return host === undefined || (externalId !== undefined && host === 'attack.mitre.org') ? [] : [{ source_name: host, url }];
  });
  return externalId === undefined ? refs : [mitreReference(externalId, kind), ...refs];
}

/** The region vocabulary (§10.21) from a MISP region value such as "154 - Northern Europe". */
function regionOf(value: string): { name: string; region: string } {
  const name = value.replace(/^\d+\s*-\s*/, '').trim();
  return { name, region: name.toLowerCase().replaceAll('&', 'and').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') };
}

/**
 * The SDO for a cluster, given the common properties (`base(type, id)`) the caller adds;
 * `undefined` when its galaxy has no STIX counterpart.
 */
export function clusterToStix(cluster: Cluster, base: (type: string, id: string) => JsonObject): JsonObject | undefined {
  const kind = kindOf(cluster.galaxyType);
  if (kind === undefined) return undefined;
  const mitre = MITRE_ID.exec(cluster.value);
  const name = mitre?.[1] ?? cluster.value.trim();
  const externalId = mitre?.[2];
  const fallback = (type: string): string => idFromMisp(type, cluster.uuid, cluster.galaxyType, cluster.value);
  const refs = references(cluster, kind, externalId);
  const aliases = [...new Set(strings(cluster.meta?.['synonyms']).map((alias) => alias.trim()))].filter((alias) => alias !== name);
  const common = (type: string, id: string): JsonObject => ({
    ...base(type, id),
    ...(cluster.description === undefined || cluster.description === '' ? {} : { description: cluster.description }),
    ...(refs.length === 0 ? {} : { external_references: refs }),
  });
  const withAliases = aliases.length === 0 ? {} : { aliases };
  switch (kind) {
    case 'attack-pattern':
      return { ...common(kind, externalId === undefined ? fallback(kind) : attackPatternId(externalId)), name };
    case 'course-of-action':
      return { ...common(kind, fallback(kind)), name };
    case 'intrusion-set':
    case 'tool':
      return { ...common(kind, fallback(kind)), name, ...withAliases };
    case 'malware': {
      const malwareType = MALWARE_GALAXIES[cluster.galaxyType.trim().toLowerCase()];
      return { ...common(kind, fallback(kind)), name, is_family: true, ...withAliases, ...(malwareType === undefined ? {} : { malware_types: [malwareType] }) };
    }
    case 'sector':
      return { ...common('identity', identityId(name, 'class')), name, identity_class: 'class' };
    case 'country': {
      const iso = cluster.meta?.['ISO'];
      const country = typeof iso === 'string' && iso.trim() !== '' ? iso.trim().toUpperCase() : name;
      const countryName = cluster.description === undefined || cluster.description === '' ? name : cluster.description;
      return { ...base('location', derivedId('location', 'country', country.toLowerCase())), name: countryName, country };
    }
    case 'region': {
      const { name: regionName, region } = regionOf(cluster.value);
      return { ...base('location', derivedId('location', 'region', region)), name: regionName, region };
    }
    case 'vulnerability':
      return { ...common(kind, vulnerabilityId(name)), name };
  }
}
