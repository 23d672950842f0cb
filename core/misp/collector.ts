/**
 * Collects the STIX objects of a conversion: each group of objects made from one MISP item
 * is validated as a whole and kept or dropped as a whole (so no indicator survives without
 * the observable it is based on), and an object produced twice — the same domain in two
 * attributes, the same cluster in two events — is kept once.
 */
import { compareTimestamps, isScoType, tlpOf, compareTlp, validateObject, type JsonObject } from '../stix/index.ts';

function refsUnion(a: unknown, b: unknown): unknown {
  if (!Array.isArray(a) || !Array.isArray(b)) return a ?? b;
  return [...new Set([...(a as unknown[]), ...(b as unknown[])])];
}

/** The same SCO seen twice: its references are combined and the stricter marking wins. */
function mergeSco(kept: JsonObject, incoming: JsonObject): JsonObject {
  const merged: JsonObject = { ...incoming, ...kept };
  for (const key of Object.keys(incoming)) if (key.endsWith('_refs')) merged[key] = refsUnion(kept[key], incoming[key]);
  const keptTlp = tlpOf(kept);
  const incomingTlp = tlpOf(incoming);
  if (incomingTlp !== undefined && (keptTlp === undefined || compareTlp(incomingTlp, keptTlp) > 0)) merged['object_marking_refs'] = incoming['object_marking_refs'];
  return merged;
}

function isNewer(incoming: JsonObject, kept: JsonObject): boolean {
  const a = incoming['modified'];
  const b = kept['modified'];
  return typeof a === 'string' && typeof b === 'string' && compareTimestamps(a, b) > 0;
}

export class Collector {
  readonly #objects = new Map<string, JsonObject>();

  /** Adds the group, or returns what is wrong with it (and adds nothing). */
  addGroup(objects: readonly JsonObject[]): string | undefined {
    for (const object of objects) {
      const error = validateObject(object).find((issue) => issue.severity === 'error');
      if (error !== undefined) return `${error.path === '' ? '' : `${error.path}: `}${error.message}`;
    }
    for (const object of objects) this.#put(object);
    return undefined;
  }

  #put(object: JsonObject): void {
    const id = object['id'];
    if (typeof id !== 'string') return;
    const kept = this.#objects.get(id);
    if (kept === undefined) this.#objects.set(id, object);
    else if (typeof object['type'] === 'string' && isScoType(object['type'])) this.#objects.set(id, mergeSco(kept, object));
    else if (isNewer(object, kept)) this.#objects.set(id, object);
  }

  has(id: string): boolean {
    return this.#objects.has(id);
  }

  all(): JsonObject[] {
    return [...this.#objects.values()];
  }
}
