/**
 * The STIX 2.1 validator used at every import boundary: it never throws, whatever the
 * input, and returns every issue it finds with a JSON pointer and a severity.
 *
 * Rules come from the property tables and constraint hooks in model/, plus the rules
 * common to every object checked here: the `type`/`id` form and agreement (§2.9),
 * `created` ≤ `modified` (§3.2), granular-marking selectors naming what the object has
 * (§7.2.3.1), custom property names (§11.1) and `*_ref(s)` being identifiers (§2.9, §3.1).
 */
import { IssueList, pointer, type Issue } from './issues.ts';
import { isPropertyName, isTypeName, parseId } from './model/identifier.ts';
import { checkRef, checkTable, isObject, type JsonObject } from './model/properties.ts';
import { definitionOf } from './model/registry.ts';
import { checkSelectors } from './model/selectors.ts';
import { compareTimestamps, isTimestamp } from './model/timestamp.ts';

export interface ValidateOptions {
  /** JSON pointer of the object inside its container, e.g. `/objects/12`. */
  readonly path?: string;
}

/** Validates one STIX object (SDO, SRO, SCO, meta or custom). Never throws. */
export function validateObject(input: unknown, options: ValidateOptions = {}): Issue[] {
  const path = options.path ?? '';
  const issues = new IssueList();
  try {
    checkObject(input, path, issues);
  } catch (error: unknown) {
    // A validator bug must not turn into a crash at an import boundary.
    issues.error(path, 'unexpected', `The validator failed on this object: ${error instanceof Error ? error.message : String(error)}`);
  }
  return issues.items;
}

function checkObject(input: unknown, path: string, issues: IssueList): void {
  if (!isObject(input)) return issues.error(path, 'not-an-object', 'A STIX object is a JSON object.');
  const type = input['type'];
  if (typeof type !== 'string' || !isTypeName(type)) {
    issues.error(pointer(path, 'type'), type === undefined ? 'required' : 'type-name', 'type must be 3–250 characters of a–z, 0–9 and single hyphens.');
  }
  const id = parseId(input['id']);
  if (input['id'] === undefined) issues.error(pointer(path, 'id'), 'required', 'id is required.');
  else if (id === undefined) issues.error(pointer(path, 'id'), 'id-form', 'id must be type--UUID with an RFC 4122 UUID.');
  else if (typeof type === 'string' && id.type !== type) issues.error(pointer(path, 'id'), 'id-type-mismatch', `id must start with "${type}--".`);
  if (typeof type !== 'string') return;
  if (type === 'bundle') return issues.error(pointer(path, 'type'), 'type-name', 'A bundle cannot stand where a STIX object is expected.');

  const definition = definitionOf(type);
  if (definition !== undefined) {
    checkTable(definition.properties, input, path, issues);
    definition.constraints?.(input, path, issues);
  } else {
    checkCustomObject(input, path, issues);
  }
  checkCreatedModified(input, path, issues);
  checkSelectors(input, path, issues);
  checkOtherProperties(input, path, issues, definition?.properties ?? {});
}

/** §11.2: a custom object still follows the common-property rules where it uses them. */
function checkCustomObject(input: JsonObject, path: string, issues: IssueList): void {
  const spec = input['spec_version'];
  if (spec !== undefined && spec !== '2.1') issues.error(pointer(path, 'spec_version'), 'spec-version', 'spec_version must be "2.1".');
  for (const key of ['created', 'modified']) {
    const value = input[key];
    if (value !== undefined && !isTimestamp(value)) issues.error(pointer(path, key), 'timestamp', 'Expected an RFC 3339 UTC timestamp.');
  }
}

function checkCreatedModified(input: JsonObject, path: string, issues: IssueList): void {
  const { created, modified } = input;
  if (isTimestamp(created) && isTimestamp(modified) && compareTimestamps(created, modified) > 0) {
    issues.error(pointer(path, 'modified'), 'created-after-modified', 'modified must be the same as or later than created.');
  }
}

/** Properties outside the type's table: custom ones, which pass through if well-formed. */
function checkOtherProperties(input: JsonObject, path: string, issues: IssueList, table: Readonly<Record<string, unknown>>): void {
  for (const [key, value] of Object.entries(input)) {
    if (key === 'type' || key === 'id' || Object.hasOwn(table, key)) continue;
    const at = pointer(path, key);
    if (!isPropertyName(key)) issues.error(at, 'property-name', 'Custom property names are 3–250 characters of a–z, 0–9 and underscore.');
    if (key.endsWith('_ref')) checkRef(value, at, issues, ['any']);
    else if (key.endsWith('_refs')) {
      if (!Array.isArray(value)) issues.error(at, 'value-type', 'A _refs property is a list of identifiers.');
      else value.forEach((entry: unknown, index) => checkRef(entry, pointer(at, index), issues, ['any']));
    }
  }
}

