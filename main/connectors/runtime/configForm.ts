/**
 * What the Connectors page needs to draw a connector's settings form: the JSON Schema of
 * its zod config (titles, descriptions, `secret` and `widget` carried over from each
 * field's meta), and the current values with every secret shown only as `{ set }`.
 */
import { z } from 'zod';
import type { ConnectorDefinition } from '../types.ts';
import { secretFields } from './config.ts';

export function configJsonSchema(connector: ConnectorDefinition): Record<string, unknown> {
  const schema = z.toJSONSchema(connector.config, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema'));
}

/** Stored values over the schema's defaults; secret fields as `{ set: boolean }`. */
export function configView(connector: ConnectorDefinition, stored: Readonly<Record<string, unknown>>, secretsSet: ReadonlySet<string>): Record<string, unknown> {
  const properties = (configJsonSchema(connector).properties ?? {}) as Record<string, { default?: unknown }>;
  const secrets = new Set(secretFields(connector));
  const view: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(properties)) {
    if (secrets.has(name)) view[name] = { set: secretsSet.has(name) };
    else if (Object.hasOwn(stored, name)) view[name] = stored[name];
    else if (property.default !== undefined) view[name] = property.default;
  }
  return view;
}
