/**
 * Identifiers of the objects made from MISP. As misp-stix does, an SDO made from one MISP
 * item reuses that item's uuid (`report--<event uuid>`, `indicator--<attribute uuid>`), so
 * importing a newer export of the same event yields newer versions of the same objects.
 * Where MISP gives no usable uuid, a UUIDv5 in Magpie's MISP namespace over the item's
 * defining values stands in. SCOs, CVEs, ATT&CK techniques and identities use the core's
 * shared schemes (../stix/ids.ts) instead, so they merge with the same things from other
 * sources.
 */
import { v5 as uuidv5 } from 'uuid';

/** Namespace of the UUIDv5 fallbacks of this converter. Written here and nowhere else. */
export const MISP_NAMESPACE = '8b1c3b7e-5f0a-4d3e-9a6c-2f4e7d1b9c50';

/** STIX 2.1 §2.9 identifiers take RFC 4122 UUIDs only (variant 10xx, version 1 to 5). */
const RFC_4122 = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A STIX id for `type`: the MISP uuid when it is an RFC 4122 one, else one derived from `parts`. */
export function idFromMisp(type: string, mispUuid: string | undefined, ...parts: string[]): string {
  const uuid = mispUuid?.trim().toLowerCase();
  if (uuid !== undefined && RFC_4122.test(uuid)) return `${type}--${uuid}`;
  return derivedId(type, ...(uuid === undefined || uuid === '' ? parts : [uuid, ...parts]));
}

/** A deterministic id from defining values. */
export function derivedId(type: string, ...parts: string[]): string {
  return `${type}--${uuidv5(JSON.stringify([type, ...parts]), MISP_NAMESPACE)}`;
}

export function relationshipId(source: string, relationshipType: string, target: string): string {
  return derivedId('relationship', source, relationshipType, target);
}
