/**
 * STIX identifiers (STIX 2.1 §2.9, "identifier"): `object-type--UUID`, where the UUID is
 * an RFC 4122 UUID (variant 10xx, version 1 to 5) and `object-type` is exactly the
 * object's `type`. Type names follow §2.9/§11.1: 3 to 250 characters of a–z, 0–9 and
 * single hyphens.
 */

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;
const TYPE_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*-?$/;

/** §3.1/§11.1: property names (custom ones too) are 3–250 characters of a–z, 0–9 and underscore. */
const PROPERTY_NAME = /^[a-z0-9_]{3,250}$/;

export function isPropertyName(value: string): boolean {
  return PROPERTY_NAME.test(value);
}

export function isTypeName(value: string): boolean {
  return value.length >= 3 && value.length <= 250 && TYPE_NAME.test(value);
}

export interface ParsedId {
  readonly type: string;
  readonly uuid: string;
}

/** Splits a STIX identifier, or returns `undefined` when it is not one. */
export function parseId(value: unknown): ParsedId | undefined {
  if (typeof value !== 'string') return undefined;
  const at = value.indexOf('--');
  if (at < 0) return undefined;
  const type = value.slice(0, at);
  const uuid = value.slice(at + 2);
  if (!isTypeName(type) || !UUID.test(uuid)) return undefined;
  return { type, uuid };
}

/** The type part of an identifier, or `undefined` when it is not one. */
export function typeOfId(value: unknown): string | undefined {
  return parseId(value)?.type;
}
