/**
 * From a TAXII envelope to what the knowledge base receives. TAXII carries STIX 2.1 objects
 * as their producer published them, so there is no mapping: each object passes through
 * unchanged, markings and all (no default TLP is added, as OpenCTI's taxii2 connector does
 * not add one either). What this step adds:
 * - core/stix's safe repairs (bundle/repair.ts), the same the bundle import applies: an
 *   empty string in a custom `*_ref` is dropped, as in ATT&CK 18.1's data components,
 *   which MITRE's own TAXII server serves;
 * - the check: an object that still fails core/stix's validator is set aside with the
 *   reason, so the analyst sees what the server sent wrong.
 */
import { repairObject } from '../../../core/stix/index.ts';
import { hasErrors, validateObject, type JsonObject } from '../../../core/stix/index.ts';

export interface RejectedObject {
  /** The object's id, or its position in the page when it has none. */
  id: string;
  reason: string;
}

export interface CheckedPage {
  valid: JsonObject[];
  invalid: RejectedObject[];
  /** How many valid objects needed a repair. */
  repaired: number;
}

export function checkPageObjects(objects: readonly unknown[]): CheckedPage {
  const valid: JsonObject[] = [];
  const invalid: RejectedObject[] = [];
  let repaired = 0;
  objects.forEach((input, index) => {
    const repair = isPlainObject(input) ? repairObject(input, '') : undefined;
    const object = repair?.object ?? input;
    const errors = validateObject(object).filter((issue) => issue.severity === 'error');
    if (!hasErrors(errors)) {
      valid.push(object as JsonObject);
      if (repair !== undefined && repair.issues.length > 0) repaired += 1;
      return;
    }
    const reason = errors
      .slice(0, 3)
      .map((issue) => (issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`))
      .join('; ');
    invalid.push({ id: idOf(object) ?? `object #${String(index + 1)} of its page`, reason: errors.length > 3 ? `${reason}; …` : reason });
  });
  return { valid, invalid, repaired };
}

function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function idOf(object: unknown): string | undefined {
  if (typeof object !== 'object' || object === null) return undefined;
  const id = (object as { id?: unknown }).id;
  return typeof id === 'string' && id !== '' ? id.slice(0, 200) : undefined;
}
