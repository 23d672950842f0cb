/**
 * Every spec-defined STIX type, looked up by its `type` name. The lookup is a Map so that
 * an input type such as `constructor` or `__proto__` finds nothing.
 */
import type { TypeDefinition } from './define.ts';
import { metaDefinitions } from './meta.ts';
import { scoDefinitions } from './scos.ts';
import { sdoDefinitions } from './sdos.ts';
import { sroDefinitions } from './sros.ts';

const definitions: readonly TypeDefinition[] = [...sdoDefinitions, ...sroDefinitions, ...scoDefinitions, ...metaDefinitions];

const byType = new Map<string, TypeDefinition>(definitions.map((definition) => [definition.type, definition]));

export function definitionOf(type: string): TypeDefinition | undefined {
  return byType.get(type);
}

export function allDefinitions(): readonly TypeDefinition[] {
  return definitions;
}
