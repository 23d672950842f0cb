/**
 * ATT&CK placeholders reconciled (issue 17, point 4): after every ingest — a dropped
 * ATT&CK file, each batch of the MITRE connector — each placeholder
 * (core/attack/placeholders.ts) whose real ATT&CK object is now in the store is merged
 * into it: everything that referred to the placeholder (a report's contents, relationships)
 * refers to the real object, and the placeholder is removed. The real object is left as
 * ATT&CK wrote it, so ATT&CK's later versions keep replacing it.
 *
 * Cheap when there is nothing to do: placeholders are named by their ATT&CK id, so a few
 * range reads of the `[type+name]` index find them all (ATT&CK's own objects have words for
 * names); only when some exist are their real objects looked up, through `terms`.
 */
import { attackIdsOf, PLACEHOLDER_TYPES, placeholderAttackId, realAttackObject, REAL_TYPES } from '../../../../core/attack/placeholders.ts';
import type { KbDatabase } from '../db/KbDatabase.ts';
import type { StoredObject } from '../records.ts';
import { undoable } from '../versions/undo.ts';
import { applyMerges, referringIds, type MergePlan } from './applyMerges.ts';
import { handPlaceholders, pruneHandPlaceholders } from './handPlaceholders.ts';

/** Lower-case name prefixes of placeholders, by type: a letter or two, then a digit. */
const NAME_PREFIXES: Readonly<Record<string, string>> = {
  'attack-pattern': 't',
  'x-mitre-tactic': 'ta',
  'intrusion-set': 'g',
  malware: 's',
  'course-of-action': 'm',
  campaign: 'c',
  'x-mitre-data-source': 'ds',
};

/** Every placeholder in the store. */
export async function findPlaceholders(db: KbDatabase): Promise<StoredObject[]> {
  const types = [...new Set(Object.values(PLACEHOLDER_TYPES))];
  const found = await Promise.all(
    types.map((type) => {
      const prefix = NAME_PREFIXES[type] ?? '';
      return db.objects.where('[type+name]').between([type, `${prefix}0`], [type, `${prefix}9\uffff`], true, true).toArray();
    }),
  );
  // Those the analyst made keep their own names ("Cozy Bear"): they are listed instead (handPlaceholders.ts).
  const named = found.flat().filter((record) => placeholderAttackId(record.stix) !== undefined);
  const seen = new Set(named.map((record) => record.id));
  return [...named, ...(await handPlaceholders(db)).filter((record) => !seen.has(record.id))];
}

export interface ReconcileResult {
  /** Placeholders merged into their real ATT&CK objects. */
  merged: number;
  repointed: number;
}

/** Merges every placeholder whose real ATT&CK object is in the store. Runs under the writer lock (ingest's). */
export async function reconcilePlaceholders(db: KbDatabase, now: () => string = () => new Date().toISOString()): Promise<ReconcileResult> {
  const placeholders = await findPlaceholders(db);
  if (placeholders.length === 0) return { merged: 0, repointed: 0 };
  const attackIds = [...new Set(placeholders.flatMap((record) => attackIdsOf(record.stix)))];
  const candidates = await db.objects.where('terms').anyOf(attackIds.map((id) => id.toLowerCase())).toArray();
  const plans: MergePlan[] = placeholders.flatMap((placeholder) => {
    const attackId = placeholderAttackId(placeholder.stix) ?? '';
    const real = realAttackObject(placeholder.stix, attackId, candidates);
    return real ? [{ keepId: real.id, otherIds: [placeholder.id] }] : [];
  });
  if (plans.length === 0) return { merged: 0, repointed: 0 };
  const outcome = await mergePlaceholders(db, plans, placeholders, now());
  await pruneHandPlaceholders(db);
  return { merged: plans.length, repointed: outcome.repointed };
}

async function mergePlaceholders(db: KbDatabase, plans: readonly MergePlan[], placeholders: readonly StoredObject[], at: string): Promise<{ repointed: number }> {
  const otherIds = plans.flatMap((plan) => plan.otherIds);
  const types = new Set(placeholders.flatMap((record) => REAL_TYPES[record.type] ?? [record.type]));
  const referring = await referringIds(db, otherIds, types);
  const label = `Replace ${plans.length} ATT&CK placeholder${plans.length === 1 ? '' : 's'} with the imported objects`;
  const outcome = await undoable(db, [...otherIds, ...referring], label, () =>
    db.transaction('rw', [db.objects, db.versions, db.changes, db.sources], () => applyMerges(db, plans, referring, at)),
  );
  return { repointed: outcome.repointed };
}

/**
 * Called by `ingest` after each import it commits. A failure here must not fail the
 * import that has already committed: it is logged, and the next import tries again.
 */
export async function reconcileAfterIngest(db: KbDatabase): Promise<void> {
  try {
    await reconcilePlaceholders(db);
  } catch (error) {
    console.warn('ATT&CK placeholders were not reconciled this time; the next import tries again.', error);
  }
}
