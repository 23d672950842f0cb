/**
 * One MISP attribute (draft-dulaunoy-misp-core-format §2.3) to STIX: observables for its
 * value, an indicator when it is flagged `to_ids`, and the other types MISP uses for
 * context — `link` (a reference of the report), `vulnerability`, detection rules
 * (`yara`, `snort`, `sigma`: indicators in their own pattern language) and free text
 * (`text`, `comment`: notes on the report).
 */
import { vulnerabilityId, type JsonObject } from '../stix/index.ts';
import { emit, relateClusters, sdoBase, shorten, timesOf, type EventContext, type Times } from './context.ts';
import { clustersOf } from './galaxies.ts';
import { idFromMisp } from './ids.ts';
import { indicatorFor } from './indicator.ts';
import { isInvalid, observationFor } from './observables.ts';
import type { MispAttribute } from './schema.ts';
import { summariseTags, type Tlp } from './tags.ts';

const RULE_TYPES: Readonly<Record<string, string>> = { yara: 'yara', snort: 'snort', sigma: 'sigma' };
const TEXT_TYPES = new Set(['text', 'comment']);
const CVE = /^CVE-\d{4}-\d{4,}$/i;

interface Item {
  readonly attribute: MispAttribute;
  readonly id: (type: string) => string;
  readonly labels: readonly string[];
  readonly tlp: Tlp | undefined;
  readonly times: Times;
  readonly what: string;
}

function note(context: EventContext, item: Item, content: string): string | undefined {
  const { attribute } = item;
  const abstract = attribute.comment?.trim();
  const object: JsonObject = {
    ...sdoBase(context, 'note', item.id('note'), item.times, item.labels),
    ...(abstract === undefined || abstract === '' ? {} : { abstract }),
    content,
    object_refs: [context.reportId],
  };
  return emit(context, [object], item.tlp, item.what) ? (object['id'] as string) : undefined;
}

function vulnerability(context: EventContext, item: Item): string | undefined {
  const name = item.attribute.value.trim();
  const cve = CVE.test(name) ? name.toUpperCase() : undefined;
  const comment = item.attribute.comment?.trim();
  const object: JsonObject = {
    ...sdoBase(context, 'vulnerability', vulnerabilityId(cve ?? name), item.times, item.labels),
    name: cve ?? name,
    ...(comment === undefined || comment === '' ? {} : { description: comment }),
    ...(cve === undefined ? {} : { external_references: [{ source_name: 'cve', external_id: cve }] }),
  };
  return emit(context, [object], item.tlp, item.what) ? (object['id'] as string) : undefined;
}

function ruleName(type: string, rule: string, comment: string | undefined): string {
  const named = type === 'yara' ? /\brule\s+([A-Za-z0-9_]+)/.exec(rule)?.[1] : type === 'sigma' ? /^title:\s*(.+)$/m.exec(rule)?.[1] : /\bmsg\s*:\s*"([^"]+)"/.exec(rule)?.[1];
  return named?.trim() ?? (comment !== undefined && comment.trim() !== '' ? comment.trim() : `${type} rule`);
}

function rule(context: EventContext, item: Item, patternType: string): string | undefined {
  const { attribute } = item;
  const objects = indicatorFor(context, {
    id: item.id('indicator'), name: ruleName(attribute.type, attribute.value, attribute.comment), pattern: attribute.value,
    patternType, description: attribute.comment, labels: item.labels, basedOn: [],
  }, item.times);
  return emit(context, objects, item.tlp, item.what) ? (objects[0]?.['id'] as string) : undefined;
}

function observed(context: EventContext, item: Item): string | undefined {
  const { attribute } = item;
  const result = observationFor(attribute.type, attribute.value);
  if (result === undefined) {
    context.warnings.add(`Not imported: {n} attribute(s) of type "${attribute.type}" (no STIX 2.1 mapping).`);
    return undefined;
  }
  if (isInvalid(result)) {
    context.warnings.add(`Skipped ${item.what}: ${result.invalid}.`);
    return undefined;
  }
  const pattern = attribute.to_ids === true ? result.pattern : undefined;
  // A value with nothing to observe and nothing to detect (a user agent not for IDS) is still kept, as text.
  if (result.observables.length === 0 && pattern === undefined) return note(context, item, `${attribute.type}: ${attribute.value}`);
  const indicator = pattern !== undefined
    ? indicatorFor(context, {
      id: item.id('indicator'), name: attribute.value, pattern, patternType: 'stix', description: attribute.comment,
      labels: item.labels, firstSeen: attribute.first_seen, lastSeen: attribute.last_seen, basedOn: result.primary,
    }, item.times)
    : [];
  if (!emit(context, [...result.observables, ...indicator], item.tlp, item.what)) return undefined;
  return (indicator[0]?.['id'] as string | undefined) ?? result.primary[0];
}

/** Converts one attribute that stands alone in the event (not in a MISP object). */
export function convertAttribute(context: EventContext, attribute: MispAttribute): void {
  const tags = summariseTags(attribute.Tag);
  const item: Item = {
    attribute,
    id: (type) => idFromMisp(type, attribute.uuid, context.eventKey, attribute.type, attribute.value),
    labels: tags.labels,
    tlp: tags.tlp ?? context.tlp,
    times: timesOf(context, attribute.timestamp),
    what: `the ${attribute.type} attribute "${shorten(attribute.value)}"`,
  };
  if (attribute.type === 'link') {
    const description = attribute.comment?.trim();
    context.links.push({ source_name: attribute.category ?? 'link', url: attribute.value.trim(), ...(description ? { description } : {}) });
    return;
  }
  const patternType = Object.hasOwn(RULE_TYPES, attribute.type) ? RULE_TYPES[attribute.type] : undefined;
  const anchor = attribute.type === 'vulnerability' ? vulnerability(context, item)
    : TEXT_TYPES.has(attribute.type) ? note(context, item, attribute.value)
      : patternType !== undefined ? rule(context, item, patternType)
        : observed(context, item);
  if (anchor !== undefined) relateClusters(context, anchor, clustersOf(attribute.Galaxy, tags.galaxyTags), item.tlp, item.times);
}
