/**
 * One MISP event to a STIX `report` (STIX 2.1 §4.14) and everything in it: the creating
 * organisation (Orgc) becomes the `identity` every object is `created_by_ref`, event tags
 * become the report's labels and the TLP marking of all its objects, and the report refers
 * to everything made from the event.
 */
import { identityId, type JsonObject } from '../stix/index.ts';
import { convertAttribute } from './attributes.ts';
import type { Collector } from './collector.ts';
import { emit, emitClusters, sdoBase, type EventContext, type Times } from './context.ts';
import { clustersOf } from './galaxies.ts';
import { idFromMisp } from './ids.ts';
import { convertObject } from './objects.ts';
import { MispAttribute, MispObject, parseEach, type MispEvent } from './schema.ts';
import { summariseTags } from './tags.ts';
import { earliest, fromDate, fromEpoch } from './time.ts';
import type { Warnings } from './warnings.ts';

export interface Shared {
  readonly collector: Collector;
  readonly warnings: Warnings;
  /** When the event says nothing about time. */
  readonly now: string;
}

const THREAT_LEVELS: Readonly<Record<string, string>> = { '1': 'high', '2': 'medium', '3': 'low', '4': 'undefined' };
const ANALYSIS: Readonly<Record<string, string>> = { '0': 'initial', '1': 'ongoing', '2': 'completed' };

/** MISP's threat level and analysis state have no STIX property; the report's description keeps them. */
function describe(event: MispEvent): string | undefined {
  const level = event.threat_level_id === undefined ? undefined : THREAT_LEVELS[event.threat_level_id];
  const analysis = event.analysis === undefined ? undefined : ANALYSIS[event.analysis];
  const parts = [...(level === undefined ? [] : [`Threat level: ${level}.`]), ...(analysis === undefined ? [] : [`Analysis: ${analysis}.`])];
  return parts.length === 0 ? undefined : parts.join(' ');
}

function timesOfEvent(event: MispEvent, now: string): Times & { published: string } {
  const date = fromDate(event.date);
  const modified = fromEpoch(event.timestamp) ?? date ?? now;
  const created = earliest(date, modified) ?? modified;
  return { created, modified, published: fromEpoch(event.publish_timestamp) ?? date ?? modified };
}

function author(event: MispEvent, times: Times): JsonObject | undefined {
  const name = (event.Orgc ?? event.Org)?.name?.trim();
  if (name === undefined || name === '') return undefined;
  return { type: 'identity', spec_version: '2.1', id: identityId(name, 'organization'), created: times.created, modified: times.modified, name, identity_class: 'organization' };
}

function countNested(items: readonly unknown[] | null | undefined, key: string): number {
  return (items ?? []).reduce<number>((sum, item) => {
    const nested = typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[key] : undefined;
    return sum + (Array.isArray(nested) ? nested.length : 0);
  }, 0);
}

/** What the event holds that is deliberately not imported, counted for the analyst. */
function reportSkipped(event: MispEvent, warnings: Warnings): void {
  const proposals = (event.ShadowAttribute?.length ?? 0) + countNested(event.Attribute, 'ShadowAttribute');
  if (proposals > 0) warnings.add('Not imported: {n} proposal(s) (shadow attributes): they are suggestions nobody has accepted yet.', proposals);
  const sightings = countNested(event.Attribute, 'Sighting');
  if (sightings > 0) warnings.add('Not imported: {n} sighting(s).', sightings);
}

export function convertEvent(event: MispEvent, shared: Shared): void {
  const { collector, warnings } = shared;
  const tags = summariseTags(event.Tag);
  const times = timesOfEvent(event, shared.now);
  const identity = author(event, times);
  if (identity !== undefined) collector.addGroup([identity]);
  const context: EventContext = {
    eventKey: event.uuid ?? event.info,
    reportId: idFromMisp('report', event.uuid, event.info, times.published),
    authorId: identity?.['id'] as string | undefined,
    tlp: tags.tlp,
    times,
    collector,
    warnings,
    refs: new Set(identity === undefined ? [] : [identity['id'] as string]),
    links: [],
  };

  emitClusters(context, clustersOf(event.Galaxy, tags.galaxyTags), context.tlp, times);
  const attributes = parseEach(MispAttribute, event.Attribute);
  if (attributes.invalid > 0) warnings.add('Skipped {n} attribute(s) without a type or value.', attributes.invalid);
  const live = attributes.valid.filter((attribute) => attribute.deleted !== true);
  if (live.length < attributes.valid.length) warnings.add('Skipped {n} deleted attribute(s).', attributes.valid.length - live.length);
  for (const attribute of live) convertAttribute(context, attribute);
  const objects = parseEach(MispObject, event.Object);
  if (objects.invalid > 0) warnings.add('Skipped {n} MISP object(s) without a name.', objects.invalid);
  for (const object of objects.valid) {
    if (object.deleted === true) warnings.add('Skipped {n} deleted MISP object(s).');
    else convertObject(context, object);
  }
  reportSkipped(event, warnings);

  const description = describe(event);
  const report: JsonObject = {
    ...sdoBase(context, 'report', context.reportId, times, tags.labels),
    name: event.info.trim() === '' ? `MISP event ${event.uuid ?? ''}`.trim() : event.info,
    ...(description === undefined ? {} : { description }),
    report_types: ['threat-report'],
    published: times.published,
    ...externalReferences(event, context.links),
    object_refs: [...context.refs],
  };
  if (context.refs.size === 0) warnings.add(`Skipped the event "${event.info}": it holds nothing to import.`);
  else emit(context, [report], context.tlp, `the event "${event.info}"`);
}

function externalReferences(event: MispEvent, links: readonly JsonObject[]): JsonObject {
  const references = [...(event.uuid === undefined ? [] : [{ source_name: 'MISP', external_id: event.uuid }]), ...links];
  return references.length === 0 ? {} : { external_references: references };
}
