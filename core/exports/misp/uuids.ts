/**
 * Stable MISP uuids. MISP matches events, attributes and objects by uuid, so the same
 * knowledge exported twice must give the same uuids, and an updated export only newer
 * timestamps. As misp-stix does on import, an attribute or object takes the uuid part of the
 * STIX id it comes from (Magpie's SCO ids are deterministic, and a value read from a pattern
 * gets the id its SCO would have); an attribute inside an object takes a UUIDv5 of
 * "<STIX id> - <relation> - <value>" in misp-stix's own namespace, so MISP sees the same uuid
 * whether the analyst imported Magpie's STIX bundle or its MISP event.
 */
import { v5 as uuidv5 } from 'uuid';

/** misp-stix's namespace for the UUIDv5s it derives (misp_stix_converter/abstract.py). */
const MISP_STIX_NAMESPACE = '76beed5f-7251-457e-8c2a-b45f7b589d3d';

/** The uuid part of a STIX id. */
export function uuidOf(stixId: string): string {
  return stixId.slice(stixId.indexOf('--') + 2);
}

export function derivedUuid(...parts: string[]): string {
  return uuidv5(parts.join(' - '), MISP_STIX_NAMESPACE);
}

/** The event's uuid: the one report's, or one named by the exported objects' ids. */
export function eventUuid(ids: readonly string[], reportIds: readonly string[]): string {
  const [only, ...more] = reportIds;
  if (only !== undefined && more.length === 0) return uuidOf(only);
  return derivedUuid('magpie-export', ...[...new Set(ids)].sort());
}
