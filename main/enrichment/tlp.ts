/**
 * The TLP an observable carries, for the gate in front of every enrichment that leaves
 * the machine (issue 8). The official TLP 1.0 and 2.0 marking ids are known by id
 * (core/stix/markings.ts); a marking-definition passed alongside counts too when it is a
 * TLP one under another id (OpenCTI's own ids, `definition_type: "TLP"`, a TLP 2.0
 * extension, or a `TLP:…` name). Other markings say nothing about sharing with a vendor,
 * so they do not block; an unmarked observable counts as TLP:CLEAR.
 */
import { customTlpLevels, tlpOf, type JsonObject, type TlpLevel } from '../../core/stix/index.ts';

/** The strictest TLP on the observable; TLP:CLEAR when it has none. */
export function observableTlp(observable: Readonly<JsonObject>, markingDefinitions: readonly JsonObject[] = []): TlpLevel {
  return tlpOf(observable, customTlpLevels(markingDefinitions)) ?? 'clear';
}

export function tlpName(level: TlpLevel): string {
  return `TLP:${level.toUpperCase()}`;
}
