/**
 * From hits to one match per object. A spelling several objects share (`Snake` is Turla's
 * alias and Uroburos's; `Sofacy` is APT28's and CORESHELL's) goes to those of the kind a
 * noun beside it names (`the Snake malware`, context.ts); failing that, to those the
 * document also names another way; failing that, to those whose own name it is; failing
 * that, to all of them. Then the tick rule of rules.ts: a distinctive name, a command line or the noun
 * of the object's kind beside an ambiguous name, or an ambiguous one of four characters or
 * more seen at least twice.
 */
import type { Occurrence } from '../types.ts';
import type { IndexedName, NameIndex } from './nameIndex.ts';
import type { EntityMatch, EntityType, TickReason } from './types.ts';

export interface Hit {
  name: IndexedName;
  occurrence: Occurrence;
  /** The page text of the hit, as written. */
  written: string;
  /** Written as a command (`net user /domain`): a tool's name that alone would be ambiguous counts as distinctive. */
  command: boolean;
  /** The kinds of object a noun beside the hit names (`malware`, `group`, `sector`): it picks among a shared spelling's owners and confirms an ambiguous name. */
  kinds?: readonly EntityType[];
}

/** The owners of a spelling whose type is one of the kinds a noun beside it names. */
export function ownersOfKind(name: IndexedName, index: NameIndex, kinds: readonly EntityType[] | undefined): IndexedName['owners'] {
  if (!kinds) return [];
  return name.owners.filter((owner) => {
    const type = index.entities.get(owner.id)?.type;
    return type !== undefined && kinds.includes(type);
  });
}

function ownersFor(hit: Hit, index: NameIndex, confirmed: ReadonlySet<string>): string[] {
  const { name } = hit;
  if (name.owners.length === 1) return name.owners.map((owner) => owner.id);
  const ofKind = ownersOfKind(name, index, hit.kinds);
  if (ofKind.length > 0) return ofKind.map((owner) => owner.id);
  const named = name.owners.filter((owner) => confirmed.has(owner.id));
  if (named.length > 0) return named.map((owner) => owner.id);
  const primary = name.owners.filter((owner) => owner.primary);
  return (primary.length > 0 ? primary : name.owners).map((owner) => owner.id);
}

function tickOf(hits: readonly Hit[], type: EntityType): { ticked: boolean; reason: TickReason } {
  // Distinctive: a name nothing else is spelt like, a command line, or the noun of the object's own kind beside it (`the Snake malware`).
  if (hits.some((hit) => !hit.name.rule.ambiguous || hit.command || hit.kinds?.includes(type) === true)) return { ticked: true, reason: 'distinctive' };
  const repeated = hits.filter((hit) => hit.name.name.length >= 4).length >= 2;
  return repeated ? { ticked: true, reason: 'repeated' } : { ticked: false, reason: 'ambiguous' };
}

export function resolveMatches(hits: readonly Hit[], index: NameIndex, maxOccurrences: number): EntityMatch[] {
  // The objects the document names by a spelling that is theirs alone.
  const confirmed = new Set(hits.flatMap((hit) => (hit.name.owners.length === 1 ? hit.name.owners.map((owner) => owner.id) : [])));
  const byEntity = new Map<string, Hit[]>();
  for (const hit of hits) {
    for (const id of ownersFor(hit, index, confirmed)) {
      const list = byEntity.get(id);
      if (list) list.push(hit);
      else byEntity.set(id, [hit]);
    }
  }
  const matches: EntityMatch[] = [];
  for (const [id, entityHits] of byEntity) {
    const entity = index.entities.get(id);
    const first = entityHits[0];
    if (!entity || !first) continue;
    matches.push({
      id,
      type: entity.type,
      name: entity.name,
      value: first.written,
      matchedNames: [...new Set(entityHits.map((hit) => hit.name.name))],
      occurrences: entityHits.slice(0, maxOccurrences).map((hit) => hit.occurrence),
      occurrenceCount: entityHits.length,
      ...tickOf(entityHits, entity.type),
    });
  }
  // In reading order of first appearance, like the indicators.
  return matches.sort((a, b) => (a.occurrences[0]?.page ?? 0) - (b.occurrences[0]?.page ?? 0) || (a.occurrences[0]?.offset ?? 0) - (b.occurrences[0]?.offset ?? 0) || a.name.localeCompare(b.name));
}
