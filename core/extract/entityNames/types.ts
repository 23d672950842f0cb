/**
 * The contract of name matching (issue 16, point 2): the knowledge base's threats, software,
 * campaigns, countries and sectors found by name or alias in a document's pages.
 */
import type { Occurrence } from '../types.ts';

export type EntityType = 'intrusion-set' | 'threat-actor' | 'malware' | 'tool' | 'campaign' | 'location' | 'identity';

export const ENTITY_TYPES: readonly EntityType[] = ['intrusion-set', 'threat-actor', 'campaign', 'malware', 'tool', 'location', 'identity'];

/** One object of the knowledge base (or of a bundle) that a document may name. */
export interface KnownEntity {
  id: string;
  type: EntityType;
  /** The object's name first, then its aliases, as stored. */
  names: readonly string[];
}

/**
 * Why a match starts ticked or not (see rules.ts):
 * - `distinctive`: a name no English word or short token could be confused with;
 * - `repeated`: only ambiguous names matched, but at least twice;
 * - `ambiguous`: an English word, a name of three characters or less, seen once.
 */
export type TickReason = 'distinctive' | 'repeated' | 'ambiguous';

export interface EntityMatch {
  id: string;
  type: EntityType;
  /** The object's own name, for the list. */
  name: string;
  /** The first occurrence as written in the page (full-width and case kept). */
  value: string;
  /** The names and aliases that matched, as the knowledge base spells them. */
  matchedNames: string[];
  occurrences: Occurrence[];
  occurrenceCount: number;
  ticked: boolean;
  reason: TickReason;
}

export interface FindNamesOptions {
  /** Upper bound on occurrences kept per object (default 50); counts stay exact. */
  maxOccurrences?: number;
}
