/**
 * Safe repairs for defects seen in real producers' data, applied on import only when the
 * caller asks (readBundle's `repair` option). A repair must not change what the object
 * says; each one is reported as a warning naming what was dropped.
 *
 * - An empty string in a custom `*_ref` property (or inside a custom `*_refs` list) is a
 *   reference to nothing. STIX 2.1 requires every `_ref` to be an identifier (§2.9,
 *   §11.1), so such a value is removed. MITRE ATT&CK 18.1 ships seven
 *   x-mitre-data-components with `"x_mitre_data_source_ref": ""`.
 */
import { pointer, type Issue } from '../issues.ts';
import type { JsonObject } from '../model/properties.ts';
import { definitionOf } from '../model/registry.ts';

export function repairObject(object: JsonObject, path: string): { object: JsonObject; issues: Issue[] } {
  const type = typeof object['type'] === 'string' ? object['type'] : '';
  const known = definitionOf(type)?.properties ?? {};
  const issues: Issue[] = [];
  let repaired: JsonObject | undefined;
  for (const [key, value] of Object.entries(object)) {
    if (Object.hasOwn(known, key)) continue;
    if (key.endsWith('_ref') && value === '') {
      repaired ??= { ...object };
      Reflect.deleteProperty(repaired, key);
      issues.push({ path: pointer(path, key), severity: 'warning', rule: 'repaired', message: `Dropped ${key}: an empty string is not a reference.` });
    } else if (key.endsWith('_refs') && Array.isArray(value) && value.includes('')) {
      repaired ??= { ...object };
      repaired[key] = value.filter((entry) => entry !== '');
      issues.push({ path: pointer(path, key), severity: 'warning', rule: 'repaired', message: `Dropped empty strings from ${key}.` });
    }
  }
  return { object: repaired ?? object, issues };
}
