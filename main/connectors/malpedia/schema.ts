/**
 * Malpedia's REST API answers (https://malpedia.caad.fkie.fraunhofer.de/usage/api) as zod
 * schemas. Fields the mapping can do without are optional and `null`-tolerant, so an entry
 * with an empty `updated` or no `urls` still imports; a wrong shape (a list where a map of
 * families belongs, a rule that is not text) fails the parse and so the run.
 */
import { z } from 'zod';

const text = z.string().nullish().transform((value) => value?.trim() ?? '');

const texts = z
  .array(z.string().nullable())
  .nullish()
  .transform((list) => [...new Set((list ?? []).map((entry) => entry?.trim() ?? '').filter((entry) => entry !== ''))]);

/** `get/version`: a counter raised on every change of the library, and when. */
export const MalpediaVersion = z.looseObject({
  version: z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]),
  date: text,
});
export type MalpediaVersion = z.infer<typeof MalpediaVersion>;

/** `check/apikey`: `{"detail": "Valid token."}`. */
export const KeyCheck = z.looseObject({ detail: text });

/** One entry of `get/families`, keyed by the family id (`win.plugx`). */
export const MalpediaFamily = z.looseObject({
  common_name: text,
  alt_names: texts,
  description: text,
  /** A day (`2023-05-04`), or empty. */
  updated: text,
  urls: texts,
  /** The names of the actors Malpedia attributes the family to (`APT 28`). */
  attribution: texts,
  uuid: text,
});
export type MalpediaFamily = z.infer<typeof MalpediaFamily>;

export const MalpediaFamilies = z.record(z.string().min(1), MalpediaFamily);

/** `list/actors`: the actor ids `get/actor/<id>` answers for. */
export const ActorIds = z.array(z.string());

/** One value of the actor's `meta`: Malpedia gives some as a string, some as a list. */
const oneOrMany = z
  .union([z.string(), z.array(z.string().nullable())])
  .nullish()
  .transform((value) => (value === null || value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((entry) => entry?.trim() ?? '').filter((entry) => entry !== '')));

/** `get/actor/<id>`: the actor as in MISP's threat-actor galaxy (`value`, `meta`). */
export const MalpediaActor = z.looseObject({
  /** Empty on a few placeholder entries: such an actor is left out, as OpenCTI does. */
  value: text,
  description: text,
  uuid: text,
  meta: z
    .looseObject({
      country: text,
      synonyms: oneOrMany,
      refs: oneOrMany,
      'cfr-suspected-victims': oneOrMany,
      'cfr-type-of-incident': oneOrMany,
    })
    .nullish()
    .transform((meta) => meta ?? { country: '', synonyms: [], refs: [], 'cfr-suspected-victims': [], 'cfr-type-of-incident': [] }),
});
export type MalpediaActor = z.infer<typeof MalpediaActor>;

/** `get/yara/<family>`: rule file name → rule text, in one folder per TLP (`tlp_white`…). */
export const MalpediaYara = z.record(z.string(), z.record(z.string(), z.string()));
export type MalpediaYara = z.infer<typeof MalpediaYara>;

/** `list/samples/<family>` (with an API key): the family's samples by SHA-256. */
export const MalpediaSamples = z.array(z.looseObject({ sha256: z.string().nullish(), status: text, version: text }));
export type MalpediaSamples = z.infer<typeof MalpediaSamples>;
