/**
 * Traffic Light Protocol markings: the TLP 1.0 marking-definitions predefined by STIX 2.1
 * §7.2.1.4 and the TLP 2.0 ones published by OASIS with the TLP 2.0 extension-definition
 * (oasis-open/cti-stix-common-objects, extension-definition-specifications/tlp-2.0).
 *
 * Both versions share one total order, so "at most TLP:X" works across them:
 * CLEAR = WHITE < GREEN < AMBER < AMBER+STRICT < RED. Objects without a TLP marking have
 * no level; what that means (e.g. "treat as CLEAR" or "refuse") is the caller's policy.
 */
import { isObject, type JsonObject } from './model/properties.ts';
import type { MarkingDefinition } from './model/types.ts';

export type TlpLevel = 'clear' | 'green' | 'amber' | 'amber+strict' | 'red';

export const TLP_ORDER: readonly TlpLevel[] = ['clear', 'green', 'amber', 'amber+strict', 'red'];

export const TLP_2_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

function tlp2(level: TlpLevel, uuid: string): MarkingDefinition {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: `marking-definition--${uuid}`,
    created: '2022-10-01T00:00:00.000Z',
    name: `TLP:${level.toUpperCase()}`,
    extensions: { [TLP_2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: level } },
  };
}

function tlp1(color: 'white' | 'green' | 'amber' | 'red', uuid: string): MarkingDefinition {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: `marking-definition--${uuid}`,
    created: '2017-01-20T00:00:00.000Z',
    definition_type: 'tlp',
    name: `TLP:${color.toUpperCase()}`,
    definition: { tlp: color },
  };
}

export const TLP_2 = {
  clear: tlp2('clear', '94868c89-83c2-464b-929b-a1a8aa3c8487'),
  green: tlp2('green', 'bab4a63c-aed9-4cf5-a766-dfca5abac2bb'),
  amber: tlp2('amber', '55d920b0-5e8b-4f79-9ee9-91f868d9b421'),
  'amber+strict': tlp2('amber+strict', '939a9414-2ddd-4d32-a0cd-375ea402b003'),
  red: tlp2('red', 'e828b379-4e03-4974-9ac4-e53a884c97c1'),
} as const satisfies Record<TlpLevel, MarkingDefinition>;

export const TLP_1 = {
  white: tlp1('white', '613f2e26-407d-48c7-9eca-b8e91df99dc9'),
  green: tlp1('green', '34098fce-860f-48ae-8e50-ebd3cc5e41da'),
  amber: tlp1('amber', 'f88d31f6-486f-44da-b317-01333bde0b82'),
  red: tlp1('red', '5e57c739-391a-4eb3-b6be-7d15ca92d5ed'),
} as const;

const levelById = new Map<string, TlpLevel>([
  ...TLP_ORDER.map((level) => [TLP_2[level].id, level] as const),
  [TLP_1.white.id, 'clear'],
  [TLP_1.green.id, 'green'],
  [TLP_1.amber.id, 'amber'],
  [TLP_1.red.id, 'red'],
]);

/** The TLP level a marking-definition id stands for, if it is one of the official ones. */
export function tlpLevelOf(markingId: string): TlpLevel | undefined {
  return levelById.get(markingId);
}

export function compareTlp(a: TlpLevel, b: TlpLevel): number {
  return TLP_ORDER.indexOf(a) - TLP_ORDER.indexOf(b);
}

function markingRefsOf(object: Readonly<JsonObject>): string[] {
  const refs: string[] = [];
  const objectRefs = object['object_marking_refs'];
  if (Array.isArray(objectRefs)) for (const ref of objectRefs) if (typeof ref === 'string') refs.push(ref);
  const granular = object['granular_markings'];
  if (Array.isArray(granular)) {
    for (const marking of granular) if (isObject(marking) && typeof marking['marking_ref'] === 'string') refs.push(marking['marking_ref']);
  }
  return refs;
}

/**
 * The strictest TLP level on an object, counting granular markings too: sharing any part
 * of the object must honour the strictest marking of any part. `custom` gives the levels
 * of TLP marking definitions under other ids (OpenCTI's own, a feed's), read from the
 * definitions with `customTlpLevels`.
 */
export function tlpOf(object: Readonly<JsonObject>, custom?: ReadonlyMap<string, TlpLevel>): TlpLevel | undefined {
  let strictest: TlpLevel | undefined;
  for (const ref of markingRefsOf(object)) {
    const level = tlpLevelOf(ref) ?? custom?.get(ref);
    if (level !== undefined && (strictest === undefined || compareTlp(level, strictest) > 0)) strictest = level;
  }
  return strictest;
}

const NAMED = /^TLP:\s*(CLEAR|WHITE|GREEN|AMBER\+STRICT|AMBER|RED)$/i;

function levelOfName(text: string): TlpLevel | undefined {
  const name = NAMED.exec(text.trim())?.[1]?.toLowerCase();
  if (name === undefined) return undefined;
  return name === 'white' ? 'clear' : (name as TlpLevel);
}

/**
 * The TLP level a marking-definition object stands for, official id or not: a TLP 2.0
 * extension, `definition_type: "tlp"` (any case), or a `TLP:…` name as OpenCTI writes its own.
 */
export function tlpLevelOfDefinition(definition: Readonly<JsonObject>): TlpLevel | undefined {
  const known = typeof definition['id'] === 'string' ? tlpLevelOf(definition['id']) : undefined;
  if (known !== undefined) return known;
  const extensions = definition['extensions'];
  const extension = isObject(extensions) ? extensions[TLP_2_EXTENSION_ID] : undefined;
  if (isObject(extension) && typeof extension['tlp_2_0'] === 'string') return levelOfName(`TLP:${extension['tlp_2_0']}`);
  const type = typeof definition['definition_type'] === 'string' ? definition['definition_type'].toLowerCase() : undefined;
  const body = definition['definition'];
  if (type === 'tlp') {
    if (isObject(body) && typeof body['tlp'] === 'string') return levelOfName(`TLP:${body['tlp']}`);
    if (typeof body === 'string') return levelOfName(body) ?? levelOfName(`TLP:${body}`);
  }
  return typeof definition['name'] === 'string' ? levelOfName(definition['name']) : undefined;
}

/** The TLP levels of the marking definitions among `objects` that are not official ids. */
export function customTlpLevels(objects: Iterable<Readonly<JsonObject>>): Map<string, TlpLevel> {
  const levels = new Map<string, TlpLevel>();
  for (const object of objects) {
    if (object['type'] !== 'marking-definition' || typeof object['id'] !== 'string' || tlpLevelOf(object['id']) !== undefined) continue;
    const level = tlpLevelOfDefinition(object);
    if (level !== undefined) levels.set(object['id'], level);
  }
  return levels;
}

/** The marking ids an object carries that are not official TLP ids (to look their definitions up). */
export function unofficialMarkingRefs(object: Readonly<JsonObject>): string[] {
  return markingRefsOf(object).filter((ref) => tlpLevelOf(ref) === undefined);
}

/**
 * Whether an object may go where at most `limit` is allowed. `unmarked` says how to
 * treat an object with no TLP marking; Magpie's exports pass their own policy.
 */
export function tlpAtMost(object: Readonly<JsonObject>, limit: TlpLevel, unmarked: TlpLevel = 'clear', custom?: ReadonlyMap<string, TlpLevel>): boolean {
  return compareTlp(tlpOf(object, custom) ?? unmarked, limit) <= 0;
}
