/**
 * TLP 2.0 and PAP markings, and labels, as MISP tags; TLP as MISP distribution.
 *
 * | TLP            | tag                | distribution                  |
 * | -------------- | ------------------ | ----------------------------- |
 * | none           | (none)             | 0 Your organisation only      |
 * | RED            | `tlp:red`          | 0 Your organisation only      |
 * | AMBER+STRICT   | `tlp:amber+strict` | 0 Your organisation only      |
 * | AMBER          | `tlp:amber`        | 1 This community only         |
 * | GREEN          | `tlp:green`        | 2 Connected communities       |
 * | CLEAR (WHITE)  | `tlp:clear`        | 3 All communities             |
 *
 * The event takes the row of its strictest object (nothing leaves MISP wider than its most
 * restricted part may go); an unmarked export stays in the organisation until someone widens
 * it. An attribute or object takes its own row when it is marked, and inherits ("5") when
 * not. PAP (`PAP:RED|AMBER|GREEN|CLEAR`) says what may be done with the data, not with whom it
 * is shared: it becomes a tag and leaves the distribution alone.
 */
import { compareTlp, customTlpLevels, tlpOf, type TlpLevel } from '../../stix/markings.ts';
import type { JsonObject } from '../../stix/model/properties.ts';
import type { MispTag } from './types.ts';

export const DISTRIBUTION: Readonly<Record<TlpLevel, '0' | '1' | '2' | '3'>> = {
  red: '0', 'amber+strict': '0', amber: '1', green: '2', clear: '3',
};

/** Distribution of an unmarked event: the organisation only. */
export const UNMARKED = '0';
/** An attribute or object without a marking of its own takes the event's distribution. */
export const INHERIT = '5';

const PAP = /^PAP:(RED|AMBER|GREEN|CLEAR|WHITE)$/i;

export interface Markings {
  /** The object's TLP level, when marked. */
  tlp(object: JsonObject): TlpLevel | undefined;
  /** The object's TLP, PAP and label tags. */
  tags(object: JsonObject): MispTag[];
}

/** PAP marking-definitions by id: named "PAP:GREEN" (OpenCTI's form) or typed PAP. */
function papLevels(objects: readonly JsonObject[]): Map<string, string> {
  const levels = new Map<string, string>();
  for (const object of objects) {
    if (object['type'] !== 'marking-definition' || typeof object['id'] !== 'string') continue;
    const name = typeof object['name'] === 'string' ? object['name'].trim() : '';
    const match = PAP.exec(name);
    if (match?.[1] !== undefined) levels.set(object['id'], match[1].toUpperCase() === 'WHITE' ? 'CLEAR' : match[1].toUpperCase());
  }
  return levels;
}

function labelsOf(object: JsonObject): string[] {
  const labels = object['labels'];
  return Array.isArray(labels) ? labels.filter((label): label is string => typeof label === 'string' && label.trim() !== '').map((label) => label.trim()) : [];
}

export function markingsOf(objects: readonly JsonObject[]): Markings {
  const custom = customTlpLevels(objects);
  const pap = papLevels(objects);
  const tlp = (object: JsonObject): TlpLevel | undefined => tlpOf(object, custom);
  return {
    tlp,
    tags(object) {
      const refs = Array.isArray(object['object_marking_refs']) ? object['object_marking_refs'] : [];
      const paps = refs.flatMap((ref) => (typeof ref === 'string' && pap.has(ref) ? [`PAP:${pap.get(ref) ?? ''}`] : []));
      const level = tlp(object);
      return [...new Set([...labelsOf(object), ...(level === undefined ? [] : [`tlp:${level}`]), ...paps])].map((name) => ({ name }));
    },
  };
}

/** One thing described by several objects: every tag, only the strictest TLP. */
export function mergeTags(a: readonly MispTag[], b: readonly MispTag[]): MispTag[] {
  const names = [...new Set([...a, ...b].map((tag) => tag.name))];
  const strictest = strictestOf(names.filter((name) => name.startsWith('tlp:')).map((name) => name.slice(4) as TlpLevel));
  return names.filter((name) => !name.startsWith('tlp:') || name === `tlp:${strictest ?? ''}`).map((name) => ({ name }));
}

export function strictestOf(levels: readonly (TlpLevel | undefined)[]): TlpLevel | undefined {
  return levels.reduce<TlpLevel | undefined>((best, level) => (level !== undefined && (best === undefined || compareTlp(level, best) > 0) ? level : best), undefined);
}

/** The distribution of a thing carrying these tags: its TLP's row, or inherit. */
export function distributionOf(tags: readonly MispTag[]): string {
  const level = tags.find((tag) => tag.name.startsWith('tlp:'))?.name.slice(4);
  return level !== undefined && Object.hasOwn(DISTRIBUTION, level) ? DISTRIBUTION[level as TlpLevel] : INHERIT;
}
