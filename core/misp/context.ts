/**
 * What the converters of one event share: the event's author, marking and times, where
 * objects go, and the common properties every SDO made from the event carries.
 */
import type { JsonObject } from '../stix/index.ts';
import type { Collector } from './collector.ts';
import { clusterToStix, type Cluster } from './galaxies.ts';
import { relationshipId } from './ids.ts';
import type { Tlp } from './tags.ts';
import { fromEpoch } from './time.ts';
import type { Warnings } from './warnings.ts';

export interface Times {
  readonly created: string;
  readonly modified: string;
}

export interface EventContext {
  /** The event's uuid (or title), to derive ids for items without a usable uuid. */
  readonly eventKey: string;
  readonly reportId: string;
  readonly authorId: string | undefined;
  /** The event's TLP: every object made from the event carries it unless its own tags say otherwise. */
  readonly tlp: Tlp | undefined;
  readonly times: Times;
  readonly collector: Collector;
  readonly warnings: Warnings;
  /** Everything made from this event, for the report's object_refs. */
  readonly refs: Set<string>;
  /** `link` attributes, which become the report's external references. */
  readonly links: JsonObject[];
}

/** An item's own time (MISP epoch seconds), else the event's. */
export function timesOf(context: EventContext, timestamp: string | undefined): Times {
  const time = fromEpoch(timestamp);
  return time === undefined ? context.times : { created: time, modified: time };
}

/** Long values (rules, text) are cut in messages; the analyst needs to recognise them, not read them. */
export function shorten(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}…` : flat;
}

/** The common properties of an SDO or SRO made from this event (STIX 2.1 §3.2). */
export function sdoBase(context: EventContext, type: string, id: string, times: Times, labels: readonly string[] = []): JsonObject {
  return {
    type, spec_version: '2.1', id, created: times.created, modified: times.modified,
    ...(context.authorId === undefined ? {} : { created_by_ref: context.authorId }),
    ...(labels.length === 0 ? {} : { labels: [...labels] }),
  };
}

export function relationship(context: EventContext, source: string, type: string, target: string, times: Times): JsonObject {
  return { ...sdoBase(context, 'relationship', relationshipId(source, type, target), times), relationship_type: type, source_ref: source, target_ref: target };
}

/**
 * Marks, validates and keeps a group of objects made from one MISP item; on a STIX error
 * the whole group is dropped with a warning naming the item (`what`).
 */
export function emit(context: EventContext, objects: readonly JsonObject[], tlp: Tlp | undefined, what: string): boolean {
  const marked = tlp === undefined ? objects : objects.map((object): JsonObject => ({ ...object, object_marking_refs: [tlp.marking.id] }));
  const error = context.collector.addGroup(marked);
  if (error !== undefined) {
    context.warnings.add(`Skipped ${what}: ${error}`);
    return false;
  }
  if (tlp !== undefined) context.collector.addGroup([tlp.marking]);
  for (const object of marked) if (typeof object['id'] === 'string') context.refs.add(object['id']);
  return true;
}

/** The SDOs of galaxy clusters; returns the ids of those kept. */
export function emitClusters(context: EventContext, clusters: readonly Cluster[], tlp: Tlp | undefined, times: Times): string[] {
  const ids: string[] = [];
  for (const cluster of clusters) {
    const object = clusterToStix(cluster, (type, id) => sdoBase(context, type, id, times));
    if (object === undefined) {
      context.warnings.add(`Not imported: {n} cluster(s) of the MISP galaxy "${cluster.galaxyType}" (no STIX 2.1 counterpart).`);
      continue;
    }
    if (emit(context, [object], tlp, `the galaxy cluster "${shorten(cluster.value)}"`)) ids.push(object['id'] as string);
  }
  return ids;
}

/** The spec's `indicates` targets (STIX 2.1 §4.7); anything else an item is tagged with is `related-to`. */
const INDICATED = new Set(['attack-pattern', 'campaign', 'infrastructure', 'intrusion-set', 'malware', 'threat-actor', 'tool']);

/**
 * Clusters attached to one attribute or object, related to what was made from it, as
 * misp-stix does: its indicator `indicates` them, or its observable is `related-to` them.
 */
export function relateClusters(context: EventContext, anchor: string, clusters: readonly Cluster[], tlp: Tlp | undefined, times: Times): void {
  for (const target of emitClusters(context, clusters, tlp, times)) {
    const type = anchor.startsWith('indicator--') && INDICATED.has(target.slice(0, target.indexOf('--'))) ? 'indicates' : 'related-to';
    emit(context, [relationship(context, anchor, type, target, times)], tlp, `the relationship to "${target}"`);
  }
}
