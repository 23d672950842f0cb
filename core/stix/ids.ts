/**
 * Deterministic identifiers, in one place.
 *
 * SCOs (STIX 2.1 §2.9, "Identifier", and the "ID Contributing Properties" of each type in
 * §6): UUIDv5 in the STIX namespace over the RFC 8785 (JCS) canonical JSON of the object's
 * ID-contributing properties that are present. Spec fallbacks: of `hashes`, only one hash
 * contributes — MD5, else SHA-1, else SHA-256, else SHA-512, else (our choice, so the id
 * does not depend on key order) the alphabetically first algorithm; a type without
 * contributing properties (process), or an object carrying none of them, gets a UUIDv4.
 *
 * SDOs Magpie creates from extracted data use the same namespace over a small normalised
 * object, the scheme OpenCTI uses for the same types, so that the same CVE, technique or
 * report from two sources — or from Magpie and from an OpenCTI export — is one object:
 *   vulnerability   {"name": lower(trim(name))}                    e.g. a CVE id
 *   attack-pattern  {"x_mitre_id": upper(trim(technique id))}       e.g. T1059.001
 *   identity        {"identity_class": lower(class), "name": lower(trim(name))}
 *   report          {"name": lower(trim(name)), "published": timestamp}
 *   report (file)   {"x_magpie_file_sha256": lower(SHA-256 of the source file)}
 * Any other SDO, SRO or meta object gets a UUIDv4.
 */
import canonicalize from 'canonicalize';
import { v4 as uuidv4, v5 as uuidv5 } from 'uuid';
import type { ScoType } from './model/categories.ts';
import type { JsonObject } from './model/properties.ts';

/** §2.9: the namespace of deterministic STIX ids. Written here and nowhere else. */
export const STIX_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';

/** §6: each SCO type's ID-contributing properties, in the spec's order. */
export const ID_CONTRIBUTING_PROPERTIES: Readonly<Record<ScoType, readonly string[]>> = {
  artifact: ['hashes', 'payload_bin'],
  'autonomous-system': ['number'],
  directory: ['path'],
  'domain-name': ['value'],
  'email-addr': ['value'],
  'email-message': ['from_ref', 'subject', 'body'],
  file: ['hashes', 'name', 'extensions', 'parent_directory_ref'],
  'ipv4-addr': ['value'],
  'ipv6-addr': ['value'],
  'mac-addr': ['value'],
  mutex: ['name'],
  'network-traffic': ['start', 'end', 'src_ref', 'dst_ref', 'src_port', 'dst_port', 'protocols', 'extensions'],
  process: [],
  software: ['name', 'cpe', 'swid', 'vendor', 'version'],
  url: ['value'],
  'user-account': ['account_type', 'user_id', 'account_login'],
  'windows-registry-key': ['key', 'values'],
  'x509-certificate': ['hashes', 'serial_number'],
};

const HASH_PREFERENCE = ['MD5', 'SHA-1', 'SHA-256', 'SHA-512'];

function chooseOneHash(hashes: unknown): JsonObject | undefined {
  if (typeof hashes !== 'object' || hashes === null || Array.isArray(hashes)) return undefined;
  const available = hashes as JsonObject;
  const keys = Object.keys(available);
  const chosen = HASH_PREFERENCE.find((name) => keys.includes(name)) ?? [...keys].sort()[0];
  return chosen === undefined ? undefined : { [chosen]: available[chosen] };
}

function hasContributingType(type: string): type is ScoType {
  return Object.hasOwn(ID_CONTRIBUTING_PROPERTIES, type);
}

/**
 * The object whose canonical JSON names this SCO, or `undefined` when it has none of its
 * type's contributing properties (then the spec asks for a UUIDv4).
 */
export function idContribution(type: string, properties: Readonly<JsonObject>): JsonObject | undefined {
  if (!hasContributingType(type)) return undefined;
  const contribution: JsonObject = {};
  for (const key of ID_CONTRIBUTING_PROPERTIES[type]) {
    const value = Object.hasOwn(properties, key) ? properties[key] : undefined;
    if (value === undefined) continue;
    const contributed = key === 'hashes' ? chooseOneHash(value) : value;
    if (contributed !== undefined) contribution[key] = contributed;
  }
  return Object.keys(contribution).length > 0 ? contribution : undefined;
}

function uuidFor(contribution: JsonObject): string {
  const canonical = canonicalize(contribution);
  if (canonical === undefined) throw new TypeError('ID-contributing properties must be JSON values.');
  return uuidv5(canonical, STIX_NAMESPACE);
}

/** The id of an SCO: deterministic where the spec defines it, else a fresh UUIDv4. */
export function generateScoId(type: string, properties: Readonly<JsonObject>): string {
  const contribution = idContribution(type, properties);
  return `${type}--${contribution === undefined ? uuidv4() : uuidFor(contribution)}`;
}

/** A fresh random id, for objects the spec and Magpie give no deterministic id. */
export function randomId(type: string): string {
  return `${type}--${uuidv4()}`;
}

const normalName = (name: string): string => name.trim().toLowerCase();

/** vulnerability from a CVE (or any vulnerability name). */
export function vulnerabilityId(name: string): string {
  return `vulnerability--${uuidFor({ name: normalName(name) })}`;
}

/** attack-pattern from an ATT&CK technique id such as T1059.001. */
export function attackPatternId(techniqueId: string): string {
  return `attack-pattern--${uuidFor({ x_mitre_id: techniqueId.trim().toUpperCase() })}`;
}

/**
 * A name-based id for an object Magpie derives from other data (an indicator from its
 * pattern, a relationship from its ends), so deriving it again gives the same object.
 */
export function derivedId(type: string, contribution: Readonly<JsonObject>): string {
  return `${type}--${uuidFor({ type, ...contribution })}`;
}

/**
 * An ATT&CK object Magpie creates before the ATT&CK data is imported (a group G0016, a
 * mitigation M1036…), keyed by its ATT&CK id so every report naming it shares one object.
 */
export function attackObjectId(type: string, attackId: string): string {
  return `${type}--${uuidFor({ type, x_mitre_id: attackId.trim().toUpperCase() })}`;
}

export function identityId(name: string, identityClass: string): string {
  return `identity--${uuidFor({ name: normalName(name), identity_class: identityClass.trim().toLowerCase() })}`;
}

export function reportId(name: string, published: string): string {
  return `report--${uuidFor({ name: normalName(name), published })}`;
}

/** report for an imported file, keyed by the file's content, so re-importing it is a no-op. */
export function reportIdForFile(sha256: string): string {
  return `report--${uuidFor({ x_magpie_file_sha256: sha256.trim().toLowerCase() })}`;
}
