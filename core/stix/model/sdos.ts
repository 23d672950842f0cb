/**
 * The 19 STIX Domain Objects of STIX 2.1 §4, one table each on top of the common
 * properties, with one constraint hook per type where the spec relates properties.
 */
import { objectPathProblem, objectPathsOf } from '../pattern/objectPaths.ts';
import { parsePattern } from '../pattern/parse.ts';
import { pointer } from '../issues.ts';
import { killChainPhase, sdoCommon } from './common.ts';
import { atLeastOne, defineType, notBoth, requires, timeOrder } from './define.ts';
import {
  boolean, dictionary, enumeration, float, integer, list, openVocab, ref, required, string, timestamp, type Hook,
} from './properties.ts';
import { enums, vocab } from './vocabularies.ts';

const names = list(string());
const kcp = list(killChainPhase);
const anyRefs = list(ref(['any']));
const seen = { first_seen: timestamp(), last_seen: timestamp() };
const seenInOrder: Hook = (o, path, issues) => timeOrder(o, path, issues, 'first_seen', 'last_seen');

export const attackPattern = defineType('attack-pattern', 'sdo', {
  ...sdoCommon, name: required(string()), description: string(), aliases: names, kill_chain_phases: kcp,
});

export const campaign = defineType('campaign', 'sdo', {
  ...sdoCommon, name: required(string()), description: string(), aliases: names, ...seen, objective: string(),
}, seenInOrder);

export const courseOfAction = defineType('course-of-action', 'sdo', {
  ...sdoCommon, name: required(string()), description: string(),
});

export const grouping = defineType('grouping', 'sdo', {
  ...sdoCommon, name: string(), description: string(),
  context: required(openVocab(vocab.groupingContext, 'grouping-context')), object_refs: required(anyRefs),
});

export const identity = defineType('identity', 'sdo', {
  ...sdoCommon, name: required(string()), description: string(), roles: names,
  identity_class: openVocab(vocab.identityClass, 'identity-class'),
  sectors: list(openVocab(vocab.industrySector, 'industry-sector')), contact_information: string(),
});

export const incident = defineType('incident', 'sdo', {
  ...sdoCommon, name: required(string()), description: string(), kill_chain_phases: kcp,
});

export const indicator = defineType('indicator', 'sdo', {
  ...sdoCommon, name: string(), description: string(),
  indicator_types: list(openVocab(vocab.indicatorType, 'indicator-type')),
  pattern: required(string()), pattern_type: required(openVocab(vocab.patternType, 'pattern-type')),
  pattern_version: string(), valid_from: required(timestamp()), valid_until: timestamp(), kill_chain_phases: kcp,
}, (o, path, issues) => {
  timeOrder(o, path, issues, 'valid_from', 'valid_until', true);
  const pattern = o['pattern'];
  if (o['pattern_type'] === 'stix' && typeof pattern === 'string') {
    const parsed = parsePattern(pattern);
    if (!parsed.ok) issues.error(pointer(path, 'pattern'), 'pattern', `Not a valid STIX pattern: ${parsed.error.message}`);
    else {
      const problem = objectPathsOf(parsed.pattern).map(objectPathProblem).find((found) => found !== undefined);
      if (problem !== undefined) issues.error(pointer(path, 'pattern'), 'pattern', `Not a valid STIX pattern: ${problem}.`);
    }
  }
});

export const infrastructure = defineType('infrastructure', 'sdo', {
  ...sdoCommon, name: required(string()), description: string(),
  infrastructure_types: list(openVocab(vocab.infrastructureType, 'infrastructure-type')),
  aliases: names, kill_chain_phases: kcp, ...seen,
}, seenInOrder);

const motivation = openVocab(vocab.attackMotivation, 'attack-motivation');
const resourceLevel = openVocab(vocab.attackResourceLevel, 'attack-resource-level');

export const intrusionSet = defineType('intrusion-set', 'sdo', {
  ...sdoCommon, name: required(string()), description: string(), aliases: names, ...seen, goals: names,
  resource_level: resourceLevel, primary_motivation: motivation, secondary_motivations: list(motivation),
}, seenInOrder);

export const location = defineType('location', 'sdo', {
  ...sdoCommon, name: string(), description: string(), latitude: float(-90, 90), longitude: float(-180, 180),
  precision: float(0), region: openVocab(vocab.region, 'region'), country: string(), administrative_area: string(),
  city: string(), street_address: string(), postal_code: string(),
}, (o, path, issues) => {
  // §4.8: one of region, country or latitude+longitude; latitude and longitude go together.
  if (o['region'] === undefined && o['country'] === undefined && (o['latitude'] === undefined || o['longitude'] === undefined)) {
    issues.error(path, 'at-least-one', 'A location needs region, country, or latitude and longitude.');
  }
  requires(o, path, issues, 'latitude', 'longitude');
  requires(o, path, issues, 'longitude', 'latitude');
  requires(o, path, issues, 'precision', 'latitude');
});

export const malware = defineType('malware', 'sdo', {
  ...sdoCommon, name: string(), description: string(), malware_types: list(openVocab(vocab.malwareType, 'malware-type')),
  is_family: required(boolean()), aliases: names, kill_chain_phases: kcp, ...seen,
  operating_system_refs: list(ref(['software'])),
  architecture_execution_envs: list(openVocab(vocab.processorArchitecture, 'processor-architecture')),
  implementation_languages: list(openVocab(vocab.implementationLanguage, 'implementation-language')),
  capabilities: list(openVocab(vocab.malwareCapabilities, 'malware-capabilities')),
  sample_refs: list(ref(['file', 'artifact'])),
}, (o, path, issues) => {
  if (o['is_family'] === true && o['name'] === undefined) issues.error(pointer(path, 'name'), 'required', 'A malware family must have a name.');
  timeOrder(o, path, issues, 'first_seen', 'last_seen');
});

export const malwareAnalysis = defineType('malware-analysis', 'sdo', {
  ...sdoCommon, product: required(string()), version: string(), host_vm_ref: ref(['software']),
  operating_system_ref: ref(['software']), installed_software_refs: list(ref(['software'])),
  configuration_version: string(), modules: names, analysis_engine_version: string(),
  analysis_definition_version: string(), submitted: timestamp(), analysis_started: timestamp(), analysis_ended: timestamp(),
  result_name: string(), result: openVocab(vocab.malwareResult, 'malware-result'),
  analysis_sco_refs: list(ref(['sco'])), sample_ref: ref(['file', 'artifact', 'network-traffic']),
}, (o, path, issues) => {
  atLeastOne(o, path, issues, ['result', 'analysis_sco_refs']);
  timeOrder(o, path, issues, 'analysis_started', 'analysis_ended');
});

export const note = defineType('note', 'sdo', {
  ...sdoCommon, abstract: string(), content: required(string()), authors: names, object_refs: required(anyRefs),
});

export const observedData = defineType('observed-data', 'sdo', {
  ...sdoCommon, first_observed: required(timestamp()), last_observed: required(timestamp()),
  number_observed: required(integer(1, 999_999_999)), objects: dictionary(), object_refs: list(ref(['sco', 'sro'])),
}, (o, path, issues) => {
  timeOrder(o, path, issues, 'first_observed', 'last_observed');
  atLeastOne(o, path, issues, ['object_refs', 'objects']);
  notBoth(o, path, issues, 'object_refs', 'objects');
  if (o['objects'] !== undefined) issues.warn(pointer(path, 'objects'), 'deprecated', 'objects is deprecated in STIX 2.1; use object_refs.');
});

export const opinion = defineType('opinion', 'sdo', {
  ...sdoCommon, explanation: string(), authors: names, opinion: required(enumeration(enums.opinion)), object_refs: required(anyRefs),
});

export const report = defineType('report', 'sdo', {
  ...sdoCommon, name: required(string()), description: string(), report_types: list(openVocab(vocab.reportType, 'report-type')),
  published: required(timestamp()), object_refs: required(anyRefs),
});

export const threatActor = defineType('threat-actor', 'sdo', {
  ...sdoCommon, name: required(string()), description: string(),
  threat_actor_types: list(openVocab(vocab.threatActorType, 'threat-actor-type')), aliases: names, ...seen,
  roles: list(openVocab(vocab.threatActorRole, 'threat-actor-role')), goals: names,
  sophistication: openVocab(vocab.threatActorSophistication, 'threat-actor-sophistication'),
  resource_level: resourceLevel, primary_motivation: motivation, secondary_motivations: list(motivation),
  personal_motivations: list(motivation),
}, seenInOrder);

export const tool = defineType('tool', 'sdo', {
  ...sdoCommon, name: required(string()), description: string(), tool_types: list(openVocab(vocab.toolType, 'tool-type')),
  aliases: names, kill_chain_phases: kcp, tool_version: string(),
});

export const vulnerability = defineType('vulnerability', 'sdo', {
  ...sdoCommon, name: required(string()), description: string(),
});

export const sdoDefinitions = [
  attackPattern, campaign, courseOfAction, grouping, identity, incident, indicator, infrastructure, intrusionSet,
  location, malware, malwareAnalysis, note, observedData, opinion, report, threatActor, tool, vulnerability,
] as const;
