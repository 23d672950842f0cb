/**
 * The object paths of a parsed pattern, and the names in them an indicator may use
 * (STIX 2.1 §9.3 with §2.9 and §11.1, as the OASIS validator checks indicators): the
 * object type is a STIX type name (3–250 of a–z, 0–9 and hyphens) and the first property
 * is one the type defines or a well-formed custom property name. The grammar alone admits
 * `[ab:n = 'x']`; an indicator must not.
 */
import { isPropertyName, isTypeName } from '../model/identifier.ts';
import { scoDefinitions } from '../model/scos.ts';
import type { ComparisonExpression, ObjectPath, ObservationExpression } from './ast.ts';

/** Patterns describe observables, so only the SCO tables are consulted (and sdos.ts, which checks indicators, is not imported back). */
function scoDefinitionOf(type: string): (typeof scoDefinitions)[number] | undefined {
  return scoDefinitions.find((definition) => definition.type === type);
}

function comparisonPaths(expression: ComparisonExpression, into: ObjectPath[]): void {
  if (expression.kind === 'comparison' || expression.kind === 'exists') into.push(expression.path);
  else for (const operand of expression.operands) comparisonPaths(operand, into);
}

/** Every object path of the pattern, in the order written. */
export function objectPathsOf(pattern: ObservationExpression): ObjectPath[] {
  const paths: ObjectPath[] = [];
  const visit = (expression: ObservationExpression): void => {
    if (expression.kind === 'observation') comparisonPaths(expression.expression, paths);
    else if (expression.kind === 'qualified') visit(expression.expression);
    else for (const operand of expression.operands) visit(operand);
  };
  visit(pattern);
  return paths;
}

/** What is wrong with the names in `path`, or `undefined` when an indicator may use it. */
export function objectPathProblem(path: ObjectPath): string | undefined {
  const { objectType } = path;
  const definition = scoDefinitionOf(objectType);
  if (definition === undefined && !isTypeName(objectType)) {
    return `"${objectType}" is not an object type: write a STIX type such as ipv4-addr or file, or a custom type of 3–250 lowercase letters, digits and hyphens such as x-acme-device`;
  }
  const first = path.steps[0];
  if (first?.kind !== 'property') return undefined;
  if (definition !== undefined && Object.hasOwn(definition.properties, first.name)) return undefined;
  if (!isPropertyName(first.name)) {
    const known = definition === undefined ? '' : `one of its properties (${Object.keys(definition.properties).filter((key) => key !== 'type').slice(0, 5).join(', ')}, …) or `;
    return `"${first.name}" is not a property name of ${objectType}: write ${known}a custom name of 3–250 lowercase letters, digits and underscores`;
  }
  return undefined;
}
