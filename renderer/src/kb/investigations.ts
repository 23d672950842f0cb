/**
 * Saved investigations: the graphs an analyst builds, stored beside the STIX objects
 * (db/migrations/v4.ts). Everything written is parsed first, so a bad save changes nothing.
 */
import { InvestigationError, parseInvestigation } from '../../../core/investigation/schema.ts';
import type { Investigation, InvestigationListing } from '../../../core/investigation/types.ts';
import { compareTimestamps } from '../../../core/stix/model/timestamp.ts';
import type { KbDatabase } from './db/KbDatabase.ts';
import { KbError } from './errors.ts';

type Clock = () => string;
const systemClock: Clock = () => new Date().toISOString();

function parsed(value: unknown): Investigation {
  try {
    return parseInvestigation(value);
  } catch (error) {
    if (error instanceof InvestigationError) throw new KbError('invalid-investigation', `Nothing was saved. ${error.message}`);
    throw error;
  }
}

function notFound(id: string): KbError {
  return new KbError('not-found', `The investigation ${id} is not in the knowledge base; it may have been deleted in another window.`);
}

function listing(investigation: Investigation): InvestigationListing {
  const { id, name, description, created, modified, nodes } = investigation;
  return { id, name, description, created, modified, nodeCount: nodes.length };
}

export async function listInvestigations(db: KbDatabase): Promise<InvestigationListing[]> {
  const listings: InvestigationListing[] = [];
  // Walked rather than loaded whole: a listing needs the node count, not the nodes.
  await db.investigations.orderBy('modified').reverse().each((investigation) => listings.push(listing(investigation)));
  return listings;
}

export async function getInvestigation(db: KbDatabase, id: string): Promise<Investigation> {
  const investigation = await db.investigations.get(id);
  if (!investigation) throw notFound(id);
  return investigation;
}

/** A version stamped now: never before `created`, which stays as first saved. */
function stamped(investigation: Investigation, created: string, now: string): Investigation {
  return { ...investigation, created, modified: compareTimestamps(now, created) < 0 ? created : now };
}

/** Stores the investigation as its newest version; a new one keeps its own `created`. */
export async function saveInvestigation(db: KbDatabase, value: unknown, now: Clock = systemClock): Promise<Investigation> {
  const investigation = parsed(value);
  return db.transaction('rw', db.investigations, async () => {
    const existing = await db.investigations.get(investigation.id);
    const saved = stamped(investigation, existing?.created ?? investigation.created, now());
    await db.investigations.put(saved);
    return saved;
  });
}

export async function renameInvestigation(db: KbDatabase, id: string, name: string, now: Clock = systemClock): Promise<Investigation> {
  return db.transaction('rw', db.investigations, async () => {
    const existing = await db.investigations.get(id);
    if (!existing) throw notFound(id);
    const renamed = parsed(stamped({ ...existing, name }, existing.created, now()));
    await db.investigations.put(renamed);
    return renamed;
  });
}

/** Deleting one that is already gone is not an error: the analyst's intent holds. */
export async function deleteInvestigation(db: KbDatabase, id: string): Promise<{ deleted: number }> {
  return db.transaction('rw', db.investigations, async () => {
    const existing = await db.investigations.get(id);
    await db.investigations.delete(id);
    return { deleted: existing ? 1 : 0 };
  });
}
