/**
 * The kind of identity or location an object is, as OpenCTI shows it: a sector, an
 * organization, a country, a city. STIX has one `identity` and one `location` type; the
 * kind is in `identity_class` or in which of a location's fields is filled, and OpenCTI
 * writes it outright as `x_opencti_type` / `x_opencti_location_type`, which wins.
 */
import type { Identity, Location } from '../stix/model/types.ts';

export type EntityKind = 'sector' | 'organization' | 'individual' | 'group' | 'system' | 'country' | 'region' | 'city' | 'administrative-area' | 'position';

const IDENTITY_CLASSES: Readonly<Record<string, EntityKind>> = { class: 'sector', organization: 'organization', individual: 'individual', group: 'group', system: 'system' };
const OPENCTI_TYPES: Readonly<Record<string, EntityKind>> = {
  Sector: 'sector',
  Organization: 'organization',
  Individual: 'individual',
  System: 'system',
  Country: 'country',
  Region: 'region',
  City: 'city',
  'Administrative-Area': 'administrative-area',
  Position: 'position',
};

type Extended<T> = Partial<T> & { x_opencti_type?: unknown; x_opencti_location_type?: unknown };

function openCtiKind(value: unknown, allowed: readonly EntityKind[]): EntityKind | null {
  const kind = typeof value === 'string' ? OPENCTI_TYPES[value] : undefined;
  return kind && allowed.includes(kind) ? kind : null;
}

const IDENTITY_KINDS: readonly EntityKind[] = ['sector', 'organization', 'individual', 'group', 'system'];
const LOCATION_KINDS: readonly EntityKind[] = ['country', 'region', 'city', 'administrative-area', 'position'];

/** The kind of an identity or a location; null for other types and for an identity of class `unknown`. */
export function entityKind(object: { type?: unknown }): EntityKind | null {
  if (object.type === 'identity') {
    const identity = object as Extended<Identity>;
    return openCtiKind(identity.x_opencti_type, IDENTITY_KINDS) ?? (typeof identity.identity_class === 'string' ? (IDENTITY_CLASSES[identity.identity_class.toLowerCase()] ?? null) : null);
  }
  if (object.type === 'location') {
    const location = object as Extended<Location>;
    const named = openCtiKind(location.x_opencti_location_type, LOCATION_KINDS);
    if (named) return named;
    // The narrowest place a location names: a city names its country too.
    if (location.city) return 'city';
    if (location.administrative_area) return 'administrative-area';
    if (location.country) return 'country';
    if (location.region) return 'region';
    if (typeof location.latitude === 'number' && typeof location.longitude === 'number') return 'position';
  }
  return null;
}
