/**
 * A MISP event (draft-dulaunoy-misp-core-format §2) that MISP's "Add event from JSON", PyMISP
 * and Magpie's own MISP importer (core/misp) take, with stable uuids (uuids.ts): one
 * attribute or object per SCO (attributes.ts, objects.ts), `to_ids` set only where an
 * indicator detects the value, detection rules as `yara`/`sigma`/`snort`, markings and labels
 * as tags and distribution (marking.ts), ATT&CK and threat context as galaxy cluster tags
 * (galaxyTags.ts), the report as the event's info, date and an event report, sightings as
 * MISP sightings. What maps to nothing is counted with why (`notExported`).
 */
import type { JsonObject } from '../../stix/model/properties.ts';
import { registryOf, ruleOf, singleOf, userAgentOf, whyNot, type Single } from './attributes.ts';
import { GALAXY_TYPES, relatedGalaxyTags } from './galaxyTags.ts';
import { distributionOf, markingsOf, mergeTags, strictestOf, DISTRIBUTION, UNMARKED, type Markings } from './marking.ts';
import { emailObject, fileObject, registryObjects, trafficObject, x509Object, type Lookup, type ObjectShape } from './objects.ts';
import { isObservable, NotExported, readObserved, type Observed } from './observed.ts';
import { reportParts, sightingsOf } from './report.ts';
import type { MispAttributeOut, MispExport, MispExportOptions, MispObjectOut, MispSightingOut, MispTag } from './types.ts';
import { derivedUuid, eventUuid, uuidOf } from './uuids.ts';

/** Exported as context, not as attributes: nothing to report when they are "left out". */
const CONTEXT_TYPES = new Set(['relationship', 'marking-definition', 'extension-definition', 'language-content', 'identity', 'report', 'sighting', 'indicator', 'vulnerability', ...GALAXY_TYPES]);

interface Build {
  readonly markings: Markings;
  readonly lookup: Lookup;
  readonly timestamp: string;
  readonly sightings: ReadonlyMap<string, MispSightingOut[]>;
}

function tagsOf(build: Build, sources: readonly JsonObject[]): MispTag[] {
  return sources.reduce<MispTag[]>((tags, source) => mergeTags(tags, build.markings.tags(source)), []);
}

function sightingsFor(build: Build, detectors: readonly JsonObject[]): { Sighting?: MispSightingOut[] } {
  const found = detectors.flatMap((detector) => build.sightings.get(String(detector['id'])) ?? []);
  return found.length === 0 ? {} : { Sighting: found };
}

function attributeOut(build: Build, uuid: string, single: Single, detectors: readonly JsonObject[], tags: MispTag[], relation?: string): MispAttributeOut {
  return {
    uuid, ...single, to_ids: detectors.length > 0, distribution: distributionOf(tags), timestamp: build.timestamp,
    ...(detectors.length === 0 ? {} : { comment: `Indicator ID${detectors.length === 1 ? '' : 's'}: ${detectors.map((detector) => String(detector['id'])).join(', ')}` }),
    ...(relation === undefined ? {} : { object_relation: relation }), Tag: tags, ...sightingsFor(build, detectors),
  };
}

function objectShapes(item: Observed, lookup: Lookup): ObjectShape[] | undefined {
  const { sco } = item;
  switch (sco['type']) {
    case 'file':
      return [fileObject(sco)];
    case 'windows-registry-key':
      return registryObjects(sco);
    case 'email-message':
      return [emailObject(sco, lookup)];
    case 'x509-certificate':
      return [x509Object(sco)];
    case 'network-traffic':
      return [trafficObject(sco, lookup)];
    default:
      return undefined;
  }
}

function objectOut(build: Build, item: Observed, shape: ObjectShape, tags: MispTag[]): MispObjectOut {
  const id = shape.id ?? String(item.sco['id']);
  return {
    uuid: shape.id === undefined ? uuidOf(id) : derivedUuid(id),
    name: shape.name, 'meta-category': shape.metaCategory, description: shape.description,
    ...(shape.template === undefined ? {} : { template_uuid: shape.template.uuid, template_version: shape.template.version }),
    distribution: distributionOf(tags), timestamp: build.timestamp,
    Attribute: shape.parts.map((part) => attributeOut(build, derivedUuid(id, part.relation, part.value), part, item.detectors, tags, part.relation)),
  } as MispObjectOut;
}

/** A value a pattern names with no SCO behind it: a single attribute where MISP has one. */
function patternSingle(item: Observed): Single | undefined {
  if (item.sco['type'] === 'windows-registry-key') return registryOf(item.sco);
  if (item.sco['type'] === 'network-traffic') return userAgentOf(item.sco);
  return undefined;
}

export function toMispEvent(objects: readonly JsonObject[], options: MispExportOptions = {}): MispExport {
  const now = options.now ?? new Date();
  const byId = new Map(objects.flatMap((object) => (typeof object['id'] === 'string' ? [[object['id'], object] as const] : [])));
  const build: Build = {
    markings: markingsOf(objects), lookup: (id) => (typeof id === 'string' ? byId.get(id) : undefined),
    timestamp: String(Math.floor(now.getTime() / 1000)), sightings: sightingsOf(objects),
  };
  const notExported = new NotExported();
  const { observed, rules } = readObserved(objects, notExported);
  const attributes: MispAttributeOut[] = [];
  const mispObjects: MispObjectOut[] = [];
  for (const item of observed.values()) {
    const tags = tagsOf(build, [item.sco, ...item.detectors]);
    const single = singleOf(item.sco) ?? (item.fromPattern ? patternSingle(item) : undefined);
    if (single !== undefined) {
      attributes.push(attributeOut(build, uuidOf(String(item.sco['id'])), single, item.detectors, tags));
      continue;
    }
    const shapes = (item.fromPattern && item.sco['type'] === 'network-traffic' ? undefined : objectShapes(item, build.lookup))?.filter((shape) => shape.parts.length > 0);
    if (shapes === undefined || shapes.length === 0) {
      notExported.add(String(item.sco['type']), shapes === undefined ? whyNot(item.sco) : 'empty-object');
      continue;
    }
    mispObjects.push(...shapes.map((shape) => objectOut(build, item, shape, tags)));
  }
  for (const rule of rules) {
    const single = ruleOf(rule);
    if (single !== undefined) attributes.push(attributeOut(build, uuidOf(String(rule['id'])), single, [rule], tagsOf(build, [rule])));
  }
  const eventTags = relatedGalaxyTags(objects, (object) => object['type'] === 'report' || object['type'] === 'indicator' || isObservable(object));
  for (const object of objects) {
    const type = String(object['type']);
    if (type === 'vulnerability' && typeof object['name'] === 'string' && object['name'].trim() !== '') {
      const tags = tagsOf(build, [object]);
      attributes.push(attributeOut(build, uuidOf(String(object['id'])), { type: 'vulnerability', category: 'External analysis', value: object['name'].trim() }, [], tags));
    }
    if (!CONTEXT_TYPES.has(type) && !isObservable(object)) notExported.add(type, 'not-in-events');
  }
  const report = reportParts(objects, build.markings, build.timestamp);
  const tlp = strictestOf(objects.map((object) => build.markings.tlp(object)));
  const paps = objects.flatMap((object) => build.markings.tags(object)).filter((tag) => tag.name.startsWith('PAP:'));
  const pap = ['PAP:RED', 'PAP:AMBER', 'PAP:GREEN', 'PAP:CLEAR'].find((name) => paps.some((tag) => tag.name === name));
  const event = {
    Event: {
      uuid: options.uuid ?? eventUuid([...byId.keys()], report.reportIds),
      info: options.info ?? report.info ?? 'Magpie export',
      date: report.date ?? now.toISOString().slice(0, 10),
      timestamp: build.timestamp,
      published: false,
      threat_level_id: String(options.threatLevel ?? 4),
      analysis: String(options.analysis ?? 2),
      distribution: options.distribution === undefined ? (tlp === undefined ? UNMARKED : DISTRIBUTION[tlp]) : String(options.distribution),
      ...(options.orgName === undefined ? {} : { Orgc: { name: options.orgName } }),
      // The event as a whole is shared at its strictest part's level; each attribute keeps its own tag.
      Tag: [...(tlp === undefined ? [] : [{ name: `tlp:${tlp}` }]), ...(pap === undefined ? [] : [{ name: pap }]), ...report.labels.filter((tag) => !tag.name.startsWith('tlp:') && !tag.name.startsWith('PAP:')), ...eventTags],
      Attribute: attributes,
      Object: mispObjects,
      EventReport: report.eventReports,
    },
  };
  return { event, attributes: attributes.length, objects: mispObjects.length, notExported: notExported.list() };
}
