/**
 * The objects one enrichment produces, collected with the properties they share: every one
 * is `created_by_ref` the connector's identity (issue 8), timestamped with the time of
 * VirusTotal's data rather than of the lookup, so that enriching again from an unchanged
 * answer yields identical objects and the knowledge base's merge keeps what it has.
 */
import { derivedId, formatTimestamp, generateScoId, validateObject, type JsonObject } from '../../../core/stix/index.ts';

export interface EnrichmentOptions {
  /** The connector's `identity` id, the `created_by_ref` of everything produced. */
  identityId: string;
  /** For answers that carry no date of their own. */
  now: () => Date;
}

export interface EnrichmentResult {
  /** Valid STIX 2.1 objects, the enriched observable first. */
  objects: JsonObject[];
  /** What was left out and why, one line per kind of problem. */
  warnings: string[];
}

export const SOURCE_NAME = 'VirusTotal';

export function unixToTimestamp(seconds: number): string {
  return formatTimestamp(new Date(seconds * 1000));
}

export class Enrichment {
  readonly observable: JsonObject;
  readonly observableId: string;
  readonly time: string;
  readonly identityId: string;
  readonly #objects = new Map<string, JsonObject>();
  readonly #warnings = new Map<string, number>();
  readonly #markings: string[];

  constructor(observable: JsonObject, options: EnrichmentOptions, dataTime: number | undefined) {
    this.observable = observable;
    this.observableId = String(observable['id']);
    this.identityId = options.identityId;
    this.time = dataTime === undefined ? formatTimestamp(options.now()) : unixToTimestamp(dataTime);
    const markings = observable['object_marking_refs'];
    this.#markings = Array.isArray(markings) ? markings.filter((ref): ref is string => typeof ref === 'string') : [];
  }

  warn(message: string): void {
    this.#warnings.set(message, (this.#warnings.get(message) ?? 0) + 1);
  }

  /**
   * An SDO or SRO about the observable. It carries the observable's markings: it tells
   * what is known about that observable, so it may be shared no more widely than it.
   */
  about(type: string, id: string, extra: JsonObject): JsonObject {
    return {
      type, spec_version: '2.1', id, created: this.time, modified: this.time, created_by_ref: this.identityId,
      ...(this.#markings.length === 0 ? {} : { object_marking_refs: [...this.#markings] }),
      ...extra,
    };
  }

  /**
   * A public fact VirusTotal knows on its own (a country, an AS, a host name): no markings,
   * since the knowledge base merges markings into objects other sources share too.
   */
  fact(type: string, id: string, extra: JsonObject): JsonObject {
    return { type, spec_version: '2.1', id, created: this.time, modified: this.time, created_by_ref: this.identityId, ...extra };
  }

  /**
   * An SCO with its deterministic id. STIX 2.1 §6.1 gives SCOs no `created_by_ref`; it is
   * kept as a custom property so the knowledge base can tell where the observable came from.
   */
  sco(properties: JsonObject): JsonObject {
    // The enriched observable keeps its own id, whatever its stored value's case.
    const value = properties['value'];
    const own = this.observable['value'];
    if (properties['type'] === this.observable['type'] && typeof value === 'string' && typeof own === 'string' && value.toLowerCase() === own.toLowerCase()) return this.observable;
    return { ...properties, spec_version: '2.1', id: generateScoId(String(properties['type']), properties), created_by_ref: this.identityId };
  }

  relationship(source: string, type: string, target: string, extra: JsonObject = {}): JsonObject {
    const ends = { relationship_type: type, source_ref: source, target_ref: target };
    return this.about('relationship', derivedId('relationship', ends), { ...ends, ...extra });
  }

  /** Keeps a group of objects, or none of them if one is not valid STIX. */
  put(group: readonly JsonObject[], what: string): boolean {
    for (const object of group) {
      const error = validateObject(object).find((issue) => issue.severity === 'error');
      if (error !== undefined) {
        this.warn(`Skipped ${what}: ${error.message}`);
        return false;
      }
    }
    for (const object of group) this.#objects.set(String(object['id']), object);
    return true;
  }

  result(): EnrichmentResult {
    const warnings = [...this.#warnings].map(([message, count]) => (count === 1 ? message : `${message} (${count} times)`));
    const enriched = this.#objects.get(this.observableId);
    const others = [...this.#objects.values()].filter((object) => object !== enriched);
    return { objects: enriched === undefined ? others : [enriched, ...others], warnings };
  }
}
