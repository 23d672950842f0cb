/**
 * ATT&CK ids typed by hand (issue 17, point 4): an analyst who creates a group, technique
 * or software with its `mitre-attack` external id before ATT&CK is imported makes a
 * placeholder, which the next ATT&CK import merges into the real object like the ones
 * extractions write (placeholders.ts). When the real object is already stored, the create
 * is refused with its name, so no duplicate is made.
 *
 * Hand-made placeholders keep the analyst's name ("Cozy Bear", not "G0016"), so the name
 * scan of findPlaceholders misses them: their ids are listed in the `state` table, written
 * here and pruned by each reconciliation, a handful of ids read at every ingest.
 */
import { attackIdsOf, attackKindOf, PLACEHOLDER_PROPERTY, PLACEHOLDER_TYPES, placeholderAttackId, realAttackObject, REAL_TYPES } from '../../../../core/attack/placeholders.ts';
import type { JsonObject } from '../../../../core/stix/model/properties.ts';
import type { KbDatabase } from '../db/KbDatabase.ts';
import { KbError } from '../errors.ts';
import type { StoredObject } from '../records.ts';

const STATE_KEY = 'attack.handPlaceholders';

/** The types an ATT&CK id can stand for: the placeholder types and the real types behind them (a tool for software). */
const ATTACK_TYPES = new Set([...Object.values(PLACEHOLDER_TYPES), ...Object.values(REAL_TYPES).flat()]);

/** The ATT&CK id a new object is written with, when it is an SDO of a type that id can name. */
function typedAttackId(object: JsonObject): string | undefined {
  if (!ATTACK_TYPES.has(String(object['type']))) return undefined;
  return attackIdsOf(object).find((attackId) => attackKindOf(attackId) !== undefined);
}

/**
 * The objects as they should be written: each SDO carrying an ATT&CK id whose real object
 * is not stored is marked as a placeholder. Refuses (nothing saved) when it is stored.
 */
export async function markHandPlaceholders(db: KbDatabase, objects: readonly JsonObject[]): Promise<JsonObject[]> {
  const attackIds = objects.map(typedAttackId);
  const wanted = [...new Set(attackIds.flatMap((attackId) => (attackId ? [attackId.toLowerCase()] : [])))];
  if (wanted.length === 0) return [...objects];
  const candidates = await db.objects.where('terms').anyOf(wanted).toArray();
  return objects.map((object, index) => {
    const attackId = attackIds[index];
    if (attackId === undefined) return object;
    const real = realAttackObject(object, attackId, candidates.filter((record) => record.id !== object['id']));
    if (real) {
      const name = typeof real.stix['name'] === 'string' ? real.stix['name'] : real.id;
      throw new KbError('conflict', `${attackId} is already in the knowledge base as ${name}; open it instead. Nothing was saved.`);
    }
    return { ...object, [PLACEHOLDER_PROPERTY]: true };
  });
}

async function listed(db: KbDatabase): Promise<string[]> {
  const value = (await db.state.get(STATE_KEY))?.value;
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
}

/** Adds the hand-made placeholders among `objects` to the list the next reconciliation reads. */
export async function rememberHandPlaceholders(db: KbDatabase, objects: readonly JsonObject[]): Promise<void> {
  const ids = objects.filter((object) => object[PLACEHOLDER_PROPERTY] === true && typedAttackId(object) !== undefined).map((object) => String(object['id']));
  if (ids.length === 0) return;
  await db.state.put({ key: STATE_KEY, value: [...new Set([...(await listed(db)), ...ids])] });
}

/** The hand-made placeholders still stored (the list may name some merged, deleted or undone since). */
export async function handPlaceholders(db: KbDatabase): Promise<StoredObject[]> {
  const ids = await listed(db);
  if (ids.length === 0) return [];
  return (await db.objects.bulkGet(ids)).filter((record): record is StoredObject => record !== undefined && placeholderAttackId(record.stix) !== undefined);
}

/** Drops from the list the ids no longer stored as placeholders; called by reconciliation, under the writer lock. */
export async function pruneHandPlaceholders(db: KbDatabase): Promise<void> {
  const ids = await listed(db);
  if (ids.length === 0) return;
  const kept = (await handPlaceholders(db)).map((record) => record.id);
  if (kept.length !== ids.length) await db.state.put({ key: STATE_KEY, value: kept });
}
