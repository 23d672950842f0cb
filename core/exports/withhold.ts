/**
 * The maximum-TLP rule every export honours, the same as the STIX export
 * (renderer/src/kb/exportBundle.ts): an object marked above the maximum is withheld and
 * counted by level, unmarked objects count as TLP:CLEAR, TLP marking definitions under
 * other ids (OpenCTI's own) count at their level, and a relationship or sighting
 * pointing at a withheld object is withheld too, since it would name what was withheld.
 */
import { compareTlp, customTlpLevels, tlpOf, type TlpLevel } from '../stix/markings.ts';
import type { JsonObject } from '../stix/model/properties.ts';

export interface Withholding {
  readonly kept: JsonObject[];
  /** Objects left out because of their marking, by TLP level. */
  readonly withheld: Partial<Record<TlpLevel, number>>;
  /** Relationships and sightings left out because an end of theirs was withheld. */
  readonly withheldRelationships: number;
}

const END_REFS = ['source_ref', 'target_ref', 'sighting_of_ref'];

export function withholdAbove(objects: readonly JsonObject[], maxTlp: TlpLevel | undefined): Withholding {
  if (maxTlp === undefined) return { kept: [...objects], withheld: {}, withheldRelationships: 0 };
  const withheld: Partial<Record<TlpLevel, number>> = {};
  const withheldIds = new Set<string>();
  const marked: JsonObject[] = [];
  const custom = customTlpLevels(objects);
  for (const object of objects) {
    const level = tlpOf(object, custom) ?? 'clear';
    if (compareTlp(level, maxTlp) > 0) {
      withheld[level] = (withheld[level] ?? 0) + 1;
      withheldIds.add(String(object['id']));
    } else {
      marked.push(object);
    }
  }
  const kept = marked.filter((object) => !END_REFS.some((key) => {
    const ref = object[key];
    return typeof ref === 'string' && withheldIds.has(ref);
  }));
  return { kept, withheld, withheldRelationships: marked.length - kept.length };
}
