/**
 * Who the analyst is, for the objects they write by hand (issue 17): a name, an
 * organisation and an optional contact, kept as an `identity` SDO in the knowledge base
 * (so exports carry the author) that new SDOs and SROs name as `created_by_ref`, and the
 * TLP new objects are marked with unless the analyst picks another.
 *
 * Kept in the `state` table beside the extraction lists: it is a setting of this store, so
 * it goes into backups and stays when the contents are deleted (the identity is written
 * again with the next object created).
 */
import { z } from 'zod';
import { TLP_ORDER } from '../../../../core/stix/markings.ts';
import type { JsonObject } from '../../../../core/stix/model/properties.ts';
import type { KbDatabase } from '../db/KbDatabase.ts';
import { KbError } from '../errors.ts';

const STATE_KEY = 'analyst-profile';

const TlpChoice = z.enum(TLP_ORDER as unknown as ['clear', 'green', 'amber', 'amber+strict', 'red']);

export const AnalystProfileInput = z.object({
  name: z.string().trim().min(1).max(200),
  organisation: z.string().trim().max(200).optional(),
  contact: z.string().trim().max(500).optional(),
  defaultTlp: TlpChoice.nullable(),
}).strict();
export type AnalystProfileInput = z.infer<typeof AnalystProfileInput>;

const StoredProfile = AnalystProfileInput.extend({
  identityId: z.string().regex(/^identity--[0-9a-f-]{36}$/),
  /** When the identity was first written: its `created`, kept across versions. */
  created: z.string(),
}).strict();
export type AnalystProfile = z.infer<typeof StoredProfile>;

/** The profile as stored, or null before the analyst has saved one (or if it is unreadable). */
export async function getAnalystProfile(db: KbDatabase): Promise<AnalystProfile | null> {
  const parsed = StoredProfile.safeParse((await db.state.get(STATE_KEY))?.value);
  return parsed.success ? parsed.data : null;
}

/** The identity SDO the profile describes, at version `modified`. */
export function identityObject(profile: AnalystProfile, modified: string): JsonObject {
  return {
    type: 'identity',
    spec_version: '2.1',
    id: profile.identityId,
    created: profile.created,
    modified,
    name: profile.name,
    identity_class: 'individual',
    // STIX identities have no organisation property; the description says it in words.
    ...(profile.organisation ? { description: profile.organisation } : {}),
    ...(profile.contact ? { contact_information: profile.contact } : {}),
  };
}

/**
 * Saves the profile. The identity keeps its id across changes, so what the analyst wrote
 * before and after a change of name has one author (a new version of the same identity).
 */
export async function putAnalystProfile(db: KbDatabase, input: unknown, now: string): Promise<AnalystProfile> {
  const parsed = AnalystProfileInput.safeParse(input);
  if (!parsed.success) throw new KbError('invalid-argument', 'Type your name (at most 200 characters) before saving your identity. Nothing was saved.');
  const previous = await getAnalystProfile(db);
  const profile: AnalystProfile = {
    ...dropEmpty(parsed.data),
    identityId: previous?.identityId ?? `identity--${crypto.randomUUID()}`,
    created: previous?.created ?? now,
  };
  await db.state.put({ key: STATE_KEY, value: profile });
  return profile;
}

function dropEmpty(input: AnalystProfileInput): AnalystProfileInput {
  return {
    name: input.name,
    defaultTlp: input.defaultTlp,
    ...(input.organisation ? { organisation: input.organisation } : {}),
    ...(input.contact ? { contact: input.contact } : {}),
  };
}
