/**
 * A connector's settings as the analyst gave them, checked against its zod schema with the
 * schema's defaults applied, and split into what may be written to disk and what belongs
 * in the SecretStore (fields marked `secret: true`).
 */
import type { z } from 'zod';
import type { ConnectorDefinition, FieldMeta } from '../types.ts';
import { ConnectorError } from './errors.ts';

export type ConfigValues = Record<string, unknown>;

/**
 * The field's `.meta(...)`, whether it was written before or after `.default()` /
 * `.optional()` (zod keeps metadata on the instance it was given to).
 */
export function fieldMeta(field: z.ZodType): Partial<FieldMeta> {
  let current: z.ZodType | undefined = field;
  for (let depth = 0; current !== undefined && depth < 8; depth += 1) {
    const meta = current.meta() as Partial<FieldMeta> | undefined;
    if (meta !== undefined) return meta;
    current = (current._zod.def as { innerType?: z.ZodType }).innerType;
  }
  return {};
}

/** Names of the fields whose values live in the SecretStore. */
export function secretFields(connector: ConnectorDefinition): string[] {
  return Object.entries(connector.config.shape)
    .filter(([, field]) => fieldMeta(field as z.ZodType).secret === true)
    .map(([name]) => name);
}

/** Parses settings; the error lists every field that is wrong, by its title. */
export function parseConfig<C extends ConnectorDefinition>(connector: C, input: unknown): z.infer<C['config']> {
  const parsed = connector.config.safeParse(input ?? {});
  if (parsed.success) return parsed.data as z.infer<C['config']>;
  const problems = parsed.error.issues.map((issue) => {
    const name = issue.path.map(String).join('.');
    const field = issue.path.length > 0 ? (connector.config.shape as Record<string, z.ZodType | undefined>)[String(issue.path[0])] : undefined;
    const title = field ? (fieldMeta(field).title ?? name) : name;
    return title === '' ? issue.message : `${title}: ${issue.message}`;
  });
  throw new ConnectorError('invalid-config', `The settings of ${connector.name} are not valid. ${problems.join('; ')}.`);
}

/** Splits parsed settings into the stored part and the secrets (non-empty strings only). */
export function splitSecrets(connector: ConnectorDefinition, config: ConfigValues): { plain: ConfigValues; secrets: Record<string, string> } {
  const secretNames = new Set(secretFields(connector));
  const plain: ConfigValues = {};
  const secrets: Record<string, string> = {};
  for (const [name, value] of Object.entries(config)) {
    if (!secretNames.has(name)) plain[name] = value;
    else if (typeof value === 'string' && value !== '') secrets[name] = value;
  }
  return { plain, secrets };
}
