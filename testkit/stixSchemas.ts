/**
 * The OASIS STIX 2.1 JSON schemas (shared fixtures, stix2.1-schemas/) as an independent
 * test oracle: a bundle must validate as a whole and each object against its own type's
 * schema. Used by the STIX core's tests and by the e2e export tests.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { fixturePath } from './fixtures.ts';

const SCHEMA_BASE = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/';

type Json = Record<string, unknown>;

function schemaFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? schemaFiles(path) : name.endsWith('.json') ? [path] : [];
  });
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * bundle.json admits a custom object through `oneOf: [core, cyber-observable-core]`, but
 * every object with the SDO common properties satisfies both, so the published schema
 * rejects all custom objects (ATT&CK's x-mitre-*) and the 2.1 SDOs it does not list
 * (grouping, location, note, …). That branch is read as the `anyOf` it must mean; each
 * object is also checked against its own type's schema.
 */
function fixBundleSchema(schema: Json): Json {
  const text = JSON.stringify(schema);
  const from = '{"oneOf":[{"$ref":"../common/core.json"},{"$ref":"../common/cyber-observable-core.json"}]}';
  if (!text.includes(from)) throw new Error('bundle.json no longer has the oneOf this oracle corrects; review fixBundleSchema.');
  return JSON.parse(text.replace(from, from.replace('oneOf', 'anyOf'))) as Json;
}

const SCHEMA_FOLDER: Readonly<Record<string, string>> = {
  relationship: 'sros',
  sighting: 'sros',
  'marking-definition': 'common',
  'language-content': 'common',
  'extension-definition': 'common',
};

export interface StixSchemaOracle {
  /** Problems with the bundle and its objects; empty when everything validates. */
  bundleProblems: (bundle: unknown) => string[];
  /** The schema id for a type, or undefined for custom types (checked by the bundle schema only). */
  schemaIdFor: (type: string) => string | undefined;
  ajv: Ajv2020;
}

export function loadStixSchemaOracle(): StixSchemaOracle {
  // The schemas' patterns use escapes that are invalid under the u flag.
  const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  for (const file of schemaFiles(fixturePath('stix2.1-schemas'))) {
    // A few of the published schema files carry trailing commas (before a line break), which JSON does not allow.
    const schema = JSON.parse(readFileSync(file, 'utf8').replace(/,(\s*\n\s*[}\]])/g, '$1')) as Json;
    ajv.addSchema(file.endsWith('bundle.json') ? fixBundleSchema(schema) : schema);
  }
  const scoSchemas = new Set(readdirSafe(fixturePath('stix2.1-schemas', 'observables')).map((name) => name.replace(/\.json$/, '')));
  const schemaIdFor = (type: string): string | undefined => {
    const folder = SCHEMA_FOLDER[type] ?? (scoSchemas.has(type) ? 'observables' : 'sdos');
    return readdirSafe(fixturePath('stix2.1-schemas', folder)).includes(`${type}.json`) ? `${SCHEMA_BASE}${folder}/${type}.json` : undefined;
  };
  const bundleSchema = ajv.getSchema(`${SCHEMA_BASE}common/bundle.json`);
  const bundleProblems = (bundle: unknown): string[] => {
    const problems: string[] = [];
    if (!bundleSchema?.(bundle)) problems.push(`bundle: ${JSON.stringify(bundleSchema?.errors?.slice(0, 6))}`);
    const objects = typeof bundle === 'object' && bundle !== null ? (bundle as Json)['objects'] : undefined;
    for (const object of Array.isArray(objects) ? (objects as Json[]) : []) {
      const schemaId = schemaIdFor(String(object['type']));
      if (schemaId === undefined) continue;
      const check = ajv.getSchema(schemaId);
      if (!check) problems.push(`no schema ${schemaId}`);
      else if (!check(object)) problems.push(`${String(object['id'])}: ${JSON.stringify(check.errors?.slice(0, 3))}`);
    }
    return problems;
  };
  return { bundleProblems, schemaIdFor, ajv };
}
