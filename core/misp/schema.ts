/**
 * The parts of the MISP core format (draft-dulaunoy-misp-core-format, §2) the converter
 * reads, as lax zod schemas: MISP instances and feeds differ in which fields they send
 * and whether numbers and booleans arrive as strings ("1", "1715767121"), so every field
 * is optional unless the conversion cannot do without it, and unknown fields pass.
 * Lists are parsed entry by entry (see `parseEach`) so one malformed attribute becomes a
 * warning instead of failing the event.
 */
import { z } from 'zod';

/** Strings and numbers MISP writes either way ("5", 5). */
const text = z.union([z.string(), z.number()]).transform(String);

/** Booleans MISP writes as true, "1", 1 or "true". */
const flag = z
  .union([z.boolean(), z.string(), z.number()])
  .transform((value) => value === true || value === 1 || value === '1' || value === 'true');

const optionalText = text.nullish().transform((value) => value ?? undefined);

export const MispTag = z.looseObject({ name: z.string() });
export type MispTag = z.infer<typeof MispTag>;

export const MispOrg = z.looseObject({ name: z.string().optional(), uuid: z.string().optional() });

export const MispCluster = z.looseObject({
  type: z.string().optional(),
  value: z.string(),
  uuid: optionalText,
  description: optionalText,
  tag_name: optionalText,
  meta: z.record(z.string(), z.unknown()).nullish(),
});
export type MispCluster = z.infer<typeof MispCluster>;

export const MispGalaxy = z.looseObject({
  type: z.string(),
  name: optionalText,
  GalaxyCluster: z.array(z.unknown()).nullish(),
});

export const MispAttribute = z.looseObject({
  type: z.string(),
  value: text,
  uuid: optionalText,
  category: optionalText,
  comment: optionalText,
  to_ids: flag.optional(),
  deleted: flag.optional(),
  timestamp: optionalText,
  first_seen: optionalText,
  last_seen: optionalText,
  object_relation: optionalText,
  Tag: z.array(z.unknown()).nullish(),
  Galaxy: z.array(z.unknown()).nullish(),
  ShadowAttribute: z.array(z.unknown()).nullish(),
  Sighting: z.array(z.unknown()).nullish(),
});
export type MispAttribute = z.infer<typeof MispAttribute>;

export const MispObject = z.looseObject({
  name: z.string(),
  uuid: optionalText,
  comment: optionalText,
  deleted: flag.optional(),
  timestamp: optionalText,
  Attribute: z.array(z.unknown()).nullish(),
  ObjectReference: z.array(z.unknown()).nullish(),
});
export type MispObject = z.infer<typeof MispObject>;

export const MispEvent = z.looseObject({
  info: z.string(),
  uuid: optionalText,
  date: optionalText,
  timestamp: optionalText,
  publish_timestamp: optionalText,
  threat_level_id: optionalText,
  analysis: optionalText,
  Orgc: MispOrg.nullish(),
  Org: MispOrg.nullish(),
  Tag: z.array(z.unknown()).nullish(),
  Attribute: z.array(z.unknown()).nullish(),
  Object: z.array(z.unknown()).nullish(),
  Galaxy: z.array(z.unknown()).nullish(),
  ShadowAttribute: z.array(z.unknown()).nullish(),
});
export type MispEvent = z.infer<typeof MispEvent>;

/** The entries of a list that match the schema, and how many did not. */
export function parseEach<T>(schema: z.ZodType<T>, items: readonly unknown[] | null | undefined): { valid: T[]; invalid: number } {
  const valid: T[] = [];
  let invalid = 0;
  for (const item of items ?? []) {
    const parsed = schema.safeParse(item);
    if (parsed.success) valid.push(parsed.data);
    else invalid += 1;
  }
  return { valid, invalid };
}
