/**
 * The TLP an observable carries, for the gate in front of every enrichment that leaves
 * the machine (issue 8). The official TLP 1.0 and 2.0 marking ids are known by id
 * (core/stix/markings.ts); a marking-definition passed alongside counts too when it is a
 * TLP one under another id (OpenCTI's own ids, `definition_type: "TLP"`, a TLP 2.0
 * extension, or a `TLP:…` name). Other markings say nothing about sharing with a vendor,
 * so they do not block; an unmarked observable counts as TLP:CLEAR.
 */
import { compareTlp, TLP_2_EXTENSION_ID, tlpLevelOf, tlpOf, type JsonObject, type TlpLevel } from '../../core/stix/index.ts';

const NAMED = /^TLP:\s*(CLEAR|WHITE|GREEN|AMBER\+STRICT|AMBER|RED)$/i;

function levelOfName(text: string): TlpLevel | undefined {
  const match = NAMED.exec(text.trim());
  const name = match?.[1]?.toLowerCase();
  if (name === undefined) return undefined;
  return name === 'white' ? 'clear' : (name as TlpLevel);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The level a marking-definition object stands for, if it is a TLP one. */
export function levelOfDefinition(definition: Readonly<JsonObject>): TlpLevel | undefined {
  const known = typeof definition['id'] === 'string' ? tlpLevelOf(definition['id']) : undefined;
  if (known !== undefined) return known;
  const extension = isRecord(definition['extensions']) ? definition['extensions'][TLP_2_EXTENSION_ID] : undefined;
  if (isRecord(extension) && typeof extension['tlp_2_0'] === 'string') return levelOfName(`TLP:${extension['tlp_2_0']}`);
  const type = typeof definition['definition_type'] === 'string' ? definition['definition_type'].toLowerCase() : undefined;
  const body = definition['definition'];
  if (type === 'tlp') {
    if (isRecord(body) && typeof body['tlp'] === 'string') return levelOfName(`TLP:${body['tlp']}`);
    if (typeof body === 'string') return levelOfName(body) ?? levelOfName(`TLP:${body}`);
  }
  return typeof definition['name'] === 'string' ? levelOfName(definition['name']) : undefined;
}

function markingRefs(object: Readonly<JsonObject>): string[] {
  const refs: string[] = [];
  const direct = object['object_marking_refs'];
  if (Array.isArray(direct)) for (const ref of direct) if (typeof ref === 'string') refs.push(ref);
  const granular = object['granular_markings'];
  if (Array.isArray(granular)) for (const marking of granular) if (isRecord(marking) && typeof marking['marking_ref'] === 'string') refs.push(marking['marking_ref']);
  return refs;
}

/** The strictest TLP on the observable; TLP:CLEAR when it has none. */
export function observableTlp(observable: Readonly<JsonObject>, markingDefinitions: readonly JsonObject[] = []): TlpLevel {
  let strictest: TlpLevel = tlpOf(observable) ?? 'clear';
  const byId = new Map(markingDefinitions.map((definition) => [definition['id'], definition]));
  for (const ref of markingRefs(observable)) {
    const definition = byId.get(ref);
    const level = definition === undefined ? undefined : levelOfDefinition(definition);
    if (level !== undefined && compareTlp(level, strictest) > 0) strictest = level;
  }
  return strictest;
}

export function tlpName(level: TlpLevel): string {
  return `TLP:${level.toUpperCase()}`;
}
