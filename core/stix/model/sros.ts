/**
 * The STIX Relationship Objects of STIX 2.1 §5: relationship and sighting. Relationship
 * endpoints must be SDOs or SCOs (custom objects count as either); the relationship types
 * each SDO section of §4 lists are checked as a SHOULD, so a mismatch is a warning.
 */
import { pointer } from '../issues.ts';
import { isCustomType, specCategory, type SpecType } from './categories.ts';
import { sdoCommon } from './common.ts';
import { defineType, timeOrder } from './define.ts';
import { formatted, integer, list, ref, required, string, timestamp, boolean, type JsonObject } from './properties.ts';
import { typeOfId } from './identifier.ts';
import type { IssueList } from '../issues.ts';

type Endpoints = Readonly<Partial<Record<SpecType, readonly SpecType[]>>>;

const addresses: readonly SpecType[] = ['ipv4-addr', 'ipv6-addr', 'domain-name', 'url'];
const targetsCommon: readonly SpecType[] = ['identity', 'location', 'vulnerability'];
const usesCommon: readonly SpecType[] = ['attack-pattern', 'infrastructure', 'malware', 'tool'];

/** relationship_type → source type → allowed target types, from the "Relationships" tables of §4. */
const SPEC_RELATIONSHIPS: Readonly<Record<string, Endpoints>> = {
  'analysis-of': { 'malware-analysis': ['malware'] },
  'attributed-to': { campaign: ['intrusion-set', 'threat-actor'], 'intrusion-set': ['threat-actor'], 'threat-actor': ['identity'] },
  'authored-by': { malware: ['threat-actor', 'intrusion-set'] },
  'based-on': { indicator: ['observed-data'] },
  'beacons-to': { malware: ['infrastructure'] },
  characterizes: { 'malware-analysis': ['malware'] },
  'communicates-with': { infrastructure: ['infrastructure', ...addresses], malware: addresses },
  compromises: { campaign: ['infrastructure'], 'intrusion-set': ['infrastructure'], 'threat-actor': ['infrastructure'] },
  controls: { infrastructure: ['infrastructure', 'malware'], malware: ['malware'] },
  delivers: { 'attack-pattern': ['malware'], infrastructure: ['malware'], tool: ['malware'] },
  downloads: { malware: ['malware', 'tool', 'file'] },
  drops: { malware: ['malware', 'tool', 'file'], tool: ['malware'] },
  'dynamic-analysis-of': { 'malware-analysis': ['malware'] },
  'exfiltrates-to': { malware: ['infrastructure'] },
  exploits: { malware: ['vulnerability'] },
  has: { infrastructure: ['vulnerability'], tool: ['vulnerability'] },
  hosts: { infrastructure: ['tool', 'malware'], 'intrusion-set': ['infrastructure'], 'threat-actor': ['infrastructure'] },
  impersonates: { 'threat-actor': ['identity'] },
  indicates: { indicator: ['attack-pattern', 'campaign', 'infrastructure', 'intrusion-set', 'malware', 'threat-actor', 'tool'] },
  investigates: { 'course-of-action': ['indicator'] },
  'located-at': { identity: ['location'], infrastructure: ['location'], 'threat-actor': ['location'] },
  mitigates: { 'course-of-action': ['attack-pattern', 'indicator', 'malware', 'tool', 'vulnerability'] },
  'originates-from': { campaign: ['location'], 'intrusion-set': ['location'], malware: ['location'] },
  owns: { 'intrusion-set': ['infrastructure'], 'threat-actor': ['infrastructure'] },
  remediates: { 'course-of-action': ['malware', 'vulnerability'] },
  'static-analysis-of': { 'malware-analysis': ['malware'] },
  targets: {
    'attack-pattern': targetsCommon, campaign: targetsCommon, 'intrusion-set': targetsCommon,
    malware: ['identity', 'infrastructure', 'location', 'vulnerability'], 'threat-actor': targetsCommon,
    tool: ['identity', 'infrastructure', 'location', 'vulnerability'],
  },
  uses: {
    'attack-pattern': ['malware', 'tool'], campaign: usesCommon, infrastructure: ['infrastructure'], 'intrusion-set': usesCommon,
    malware: usesCommon, 'threat-actor': usesCommon, tool: ['infrastructure'],
  },
  'variant-of': { malware: ['malware'] },
};

/** §5.1.2: derived-from and duplicate-of relate objects of the same type. */
const SAME_TYPE = new Set(['derived-from', 'duplicate-of']);

function checkRelationshipType(o: Readonly<JsonObject>, path: string, issues: IssueList): void {
  const kind = o['relationship_type'];
  const source = typeOfId(o['source_ref']);
  const target = typeOfId(o['target_ref']);
  if (typeof kind !== 'string' || source === undefined || target === undefined) return;
  if (SAME_TYPE.has(kind) && source !== target) {
    issues.warn(pointer(path, 'relationship_type'), 'relationship-type', `${kind} should relate two objects of the same type.`);
    return;
  }
  const endpoints = Object.hasOwn(SPEC_RELATIONSHIPS, kind) ? SPEC_RELATIONSHIPS[kind] : undefined;
  if (endpoints === undefined || isCustomType(source) || isCustomType(target)) return;
  const allowed: readonly string[] | undefined = Object.hasOwn(endpoints, source) ? endpoints[source as SpecType] : undefined;
  if ((allowed === undefined || !allowed.includes(target)) && !commonPractice(kind, source, target)) {
    issues.warn(pointer(path, 'relationship_type'), 'relationship-type', `The spec does not define "${kind}" from ${source} to ${target}.`);
  }
}

/**
 * Relationships outside §4's tables that the CTI tools Magpie exchanges data with write
 * routinely, so warning about them would only bury real problems: an indicator `based-on`
 * the observable it detects (OpenCTI's model, and what Magpie's extraction writes).
 */
function commonPractice(kind: string, source: string, target: string): boolean {
  return kind === 'based-on' && source === 'indicator' && specCategory(target) === 'sco';
}

/**
 * The relationship types STIX 2.1 defines from `sourceType` to `targetType` (§4's tables,
 * the common practice above, §5.1.2's same-type ones), alphabetically, then `related-to`,
 * which §5.1.2 allows between any two objects — what an analyst may pick when linking them.
 */
export function relationshipTypesFor(sourceType: string, targetType: string): string[] {
  const types = new Set<string>();
  for (const [kind, endpoints] of Object.entries(SPEC_RELATIONSHIPS)) {
    const allowed: readonly string[] | undefined = Object.hasOwn(endpoints, sourceType) ? endpoints[sourceType as SpecType] : undefined;
    if (allowed?.includes(targetType) || commonPractice(kind, sourceType, targetType)) types.add(kind);
  }
  if (sourceType === targetType) for (const kind of SAME_TYPE) types.add(kind);
  return [...[...types].sort(), 'related-to'];
}

export const relationship = defineType('relationship', 'sro', {
  ...sdoCommon,
  relationship_type: required(formatted(/^[a-z0-9-]+$/, 'lowercase letters, digits and hyphens')),
  description: string(),
  source_ref: required(ref(['sdo', 'sco'])),
  target_ref: required(ref(['sdo', 'sco'])),
  start_time: timestamp(),
  stop_time: timestamp(),
}, (o, path, issues) => {
  timeOrder(o, path, issues, 'start_time', 'stop_time', true);
  checkRelationshipType(o, path, issues);
});

export const sighting = defineType('sighting', 'sro', {
  ...sdoCommon,
  description: string(),
  first_seen: timestamp(),
  last_seen: timestamp(),
  count: integer(0, 999_999_999),
  sighting_of_ref: required(ref(['sdo'])),
  observed_data_refs: list(ref(['observed-data'])),
  where_sighted_refs: list(ref(['identity', 'location'])),
  summary: boolean(),
}, (o, path, issues) => timeOrder(o, path, issues, 'first_seen', 'last_seen'));

export const sroDefinitions = [relationship, sighting] as const;
