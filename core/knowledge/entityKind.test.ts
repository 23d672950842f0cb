import { describe, expect, it } from 'vitest';
import { entityKind } from './entityKind.ts';

describe('entityKind', () => {
  it.each([
    [{ type: 'identity', name: 'Energy', identity_class: 'class' }, 'sector'],
    [{ type: 'identity', name: 'ACME', identity_class: 'organization' }, 'organization'],
    [{ type: 'identity', name: 'Jane', identity_class: 'Individual' }, 'individual'],
    [{ type: 'identity', name: 'Finance', identity_class: 'organization', x_opencti_type: 'Sector' }, 'sector'],
    [{ type: 'identity', name: 'Someone', identity_class: 'unknown' }, null],
    [{ type: 'identity', name: 'Odd', x_opencti_type: 'Country' }, null],
    [{ type: 'location', name: 'Japan', country: 'JP' }, 'country'],
    [{ type: 'location', name: 'Tokyo', country: 'JP', city: 'Tokyo' }, 'city'],
    [{ type: 'location', name: 'Kanto', country: 'JP', administrative_area: 'Kanto' }, 'administrative-area'],
    [{ type: 'location', name: 'Eastern Asia', region: 'eastern-asia' }, 'region'],
    [{ type: 'location', name: 'A point', latitude: 35.6, longitude: 139.7 }, 'position'],
    [{ type: 'location', name: 'Asia', region: 'asia', x_opencti_location_type: 'Region' }, 'region'],
    [{ type: 'location', name: 'Japan', x_opencti_location_type: 'Country' }, 'country'],
    [{ type: 'malware', name: 'PlugX', identity_class: 'class' }, null],
  ])('%o is %s', (object, kind) => {
    expect(entityKind(object)).toBe(kind);
  });
});
