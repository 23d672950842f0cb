import { describe, expect, it } from 'vitest';
import { customTlpLevels, TLP_1, TLP_2, TLP_ORDER, tlpAtMost, tlpLevelOf, tlpLevelOfDefinition, tlpOf } from './markings.ts';
import { openCtiAmberStrict, openCtiRedByName } from './testing/openctiMarkings.ts';
import { validateObject } from './validate.ts';

const marked = (...refs: string[]) => ({ type: 'indicator', object_marking_refs: refs });

describe('TLP marking definitions', () => {
  it('are the published ids (STIX 2.1 §7.2.1.4 and the OASIS TLP 2.0 extension)', () => {
    expect(Object.fromEntries(Object.entries(TLP_2).map(([k, v]) => [k, v.id]))).toEqual({
      clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
      green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
      amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
      'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
      red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
    });
    expect(Object.fromEntries(Object.entries(TLP_1).map(([k, v]) => [k, v.id]))).toEqual({
      white: 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9',
      green: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da',
      amber: 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82',
      red: 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed',
    });
  });

  it('are valid STIX objects', () => {
    for (const marking of [...Object.values(TLP_2), ...Object.values(TLP_1)]) expect(validateObject(marking)).toEqual([]);
  });

  it('map TLP 1.0 onto the TLP 2.0 order (WHITE is CLEAR)', () => {
    expect(tlpLevelOf(TLP_1.white.id)).toBe('clear');
    expect(tlpLevelOf(TLP_1.amber.id)).toBe('amber');
    expect(tlpLevelOf('marking-definition--00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });
});

describe('"at most TLP:X" decisions', () => {
  it('follow CLEAR < GREEN < AMBER < AMBER+STRICT < RED', () => {
    for (const [i, level] of TLP_ORDER.entries()) {
      for (const [j, limit] of TLP_ORDER.entries()) {
        expect(tlpAtMost(marked(TLP_2[level].id), limit), `${level} at most ${limit}`).toBe(i <= j);
      }
    }
  });

  it('take the strictest of several markings, granular ones included', () => {
    expect(tlpOf(marked(TLP_2.green.id, TLP_1.red.id))).toBe('red');
    const granular = { ...marked(TLP_2.clear.id), granular_markings: [{ marking_ref: TLP_2['amber+strict'].id, selectors: ['description'] }] };
    expect(tlpOf(granular)).toBe('amber+strict');
    expect(tlpAtMost(granular, 'amber')).toBe(false);
  });

  it('apply the caller policy to unmarked objects', () => {
    expect(tlpOf({ type: 'tool' })).toBeUndefined();
    expect(tlpAtMost({ type: 'tool' }, 'clear')).toBe(true);
    expect(tlpAtMost({ type: 'tool' }, 'green', 'red')).toBe(false);
  });
});

describe('TLP markings under other ids', () => {
  it('reads the level from the definition: OpenCTI\'s TLP type, or a TLP name', () => {
    expect(tlpLevelOfDefinition(openCtiAmberStrict)).toBe('amber+strict');
    expect(tlpLevelOfDefinition(openCtiRedByName)).toBe('red');
    expect(tlpLevelOfDefinition({ type: 'marking-definition', id: 'marking-definition--x', definition_type: 'statement', definition: { statement: 'Copyright' } })).toBeUndefined();
  });

  it('counts them in an object\'s TLP only when their definitions are given', () => {
    const object = { type: 'ipv4-addr', id: 'ipv4-addr--1', value: '198.51.100.1', object_marking_refs: [String(openCtiAmberStrict['id'])] };
    expect(tlpOf(object)).toBeUndefined();
    const custom = customTlpLevels([openCtiAmberStrict, openCtiRedByName, object]);
    expect(tlpOf(object, custom)).toBe('amber+strict');
    expect(tlpAtMost(object, 'amber', 'clear', custom)).toBe(false);
  });
});
