/**
 * TLP marking definitions under ids of OpenCTI's own (not the official OASIS ones), as an
 * OpenCTI export carries them: the case every TLP limit must resolve by reading the
 * definition, not by knowing the id. Written for the tests, in OpenCTI's shape.
 */
import type { JsonObject } from '../model/properties.ts';

export const openCtiAmberStrict: JsonObject = {
  type: 'marking-definition',
  spec_version: '2.1',
  id: 'marking-definition--826578e1-40ad-459f-bc73-ede076f81f37',
  created: '2022-01-01T00:00:00.000Z',
  definition_type: 'TLP',
  definition: { tlp: 'AMBER+STRICT' },
  name: 'TLP:AMBER+STRICT',
};

export const openCtiRedByName: JsonObject = {
  type: 'marking-definition',
  spec_version: '2.1',
  id: 'marking-definition--5e4f1a0b-7c6d-4a2e-9b8f-3c1d2e4f5a6b',
  created: '2022-01-01T00:00:00.000Z',
  definition_type: 'statement',
  definition: { statement: 'Internal only' },
  name: 'TLP:RED',
};
