/**
 * One index of every name and alias, keyed by its first word: a page is read once, word
 * by word, and only the names starting with a word of the page are tried (ATT&CK's
 * ~1,700 names cost a map look-up per word, not 1,700 scans).
 */
import { headOf, ruleFor, type NameRule } from './rules.ts';
import { separator, tokenize } from './tokens.ts';
import type { EntityType, KnownEntity } from './types.ts';

export interface IndexedName {
  /** The name as the knowledge base writes it, NFKC-normalised. */
  name: string;
  keys: string[];
  /** separators[i] stands between keys[i] and keys[i + 1]. */
  separators: string[];
  /** Characters before the first and after the last word that belong to the name (`BlackEnergy (Group)`). */
  lead: string;
  trail: string;
  rule: NameRule;
  /** The objects known by this name; `primary` when it is their own name, not an alias. */
  owners: { id: string; primary: boolean }[];
  /** Only ever a group's head (`Lazarus` of `Lazarus Group`), never a name or alias as written. */
  derived: boolean;
}

export interface EntityInfo {
  id: string;
  type: EntityType;
  name: string;
}

export interface NameIndex {
  byFirstKey: Map<string, IndexedName[]>;
  entities: Map<string, EntityInfo>;
  /** How many distinct names were indexed. */
  size: number;
}

const STRICTNESS: Record<NameRule['mode'], number> = { any: 0, capital: 1, exact: 2, command: 3 };

function stricter(a: NameRule, b: NameRule): NameRule {
  return {
    mode: STRICTNESS[a.mode] >= STRICTNESS[b.mode] ? a.mode : b.mode,
    ambiguous: a.ambiguous || b.ambiguous,
    englishWord: a.englishWord || b.englishWord,
    command: a.command && b.command,
    sector: a.sector && b.sector,
  };
}

/**
 * How reports also write a name (round 2): its words run together (`CobaltStrike`,
 * `MustangPanda`: six letters or more), letters and number apart (`APT 28`; with the
 * hyphen of `APT-28` read as the space, findNames.ts), and a family's one-word name with
 * its kind joined on (`BazarLoader`). Each is matched by its own
 * shape's rule (rules.ts).
 */
const KIND_SUFFIXES = ['Loader', 'Backdoor', 'Stealer'];
const KIND_SUFFIX = new RegExp(`(?:${KIND_SUFFIXES.join('|')})$`, 'i');

function writtenVariants(name: string, type: EntityType): string[] {
  const variants: string[] = [];
  // A family with its kind joined on (`BazarLoader`, `BazarBackdoor` for Bazar): one word, in camel case.
  if (type === 'malware' && /^\p{Lu}[\p{L}]{3,}$/u.test(name) && !KIND_SUFFIX.test(name)) variants.push(...KIND_SUFFIXES.map((suffix) => `${name}${suffix}`));
  const words = name.split(/[ -]/);
  if (words.length >= 2 && words.every((word) => /^[A-Za-z0-9]+$/.test(word))) {
    const joined = words.join('');
    if (joined.length >= 6) variants.push(joined);
  }
  const numbered = /^([A-Za-z]{2,})(\d+)$/.exec(name);
  if (numbered) variants.push(`${numbered[1] ?? ''} ${numbered[2] ?? ''}`);
  return variants;
}

export function buildNameIndex(known: readonly KnownEntity[]): NameIndex {
  const byName = new Map<string, IndexedName>();
  const entities = new Map<string, EntityInfo>();
  const add = (raw: string, entity: KnownEntity, primary: boolean, derived: boolean): void => {
    const name = raw.normalize('NFKC').replace(/\s+/g, ' ').trim();
    const rule = ruleFor(name, entity.type);
    if (rule === undefined) return;
    const existing = byName.get(name);
    if (existing) {
      // A spelling shared by several objects (`Snake`, `Carbanak`) is matched by the strictest of their rules.
      existing.rule = stricter(existing.rule, derived ? { ...rule, mode: 'capital' } : rule);
      existing.derived &&= derived;
      const owner = existing.owners.find((entry) => entry.id === entity.id);
      if (owner) owner.primary ||= primary;
      else existing.owners.push({ id: entity.id, primary });
      return;
    }
    const tokens = tokenize(name);
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    if (!first || !last) return;
    const indexed: IndexedName = {
      name,
      keys: tokens.map((token) => token.key),
      separators: tokens.slice(1).map((token, i) => separator(name, tokens[i]?.end ?? 0, token.start)),
      lead: name.slice(0, first.start),
      trail: name.slice(last.end),
      // A head alone (`Sandworm`) is a proper noun whatever the type: its capital is required.
      rule: derived ? { ...rule, mode: 'capital' } : rule,
      owners: [{ id: entity.id, primary }],
      derived,
    };
    // One entry per spelling, whatever the type: a shared alias is resolved per document (findNames.ts).
    byName.set(name, indexed);
  };
  for (const entity of known) {
    const [name, ...aliases] = entity.names;
    if (name === undefined) continue;
    entities.set(entity.id, { id: entity.id, type: entity.type, name });
    add(name, entity, true, false);
    for (const alias of aliases) if (alias !== name) add(alias, entity, false, false);
    for (const spelling of entity.names) {
      const normalized = spelling.normalize('NFKC').trim();
      const head = headOf(normalized);
      if (head !== undefined) add(head, entity, false, true);
      for (const variant of writtenVariants(normalized, entity.type)) add(variant, entity, false, false);
    }
  }
  const byFirstKey = new Map<string, IndexedName[]>();
  for (const indexed of byName.values()) {
    const first = indexed.keys[0] ?? '';
    const list = byFirstKey.get(first);
    if (list) list.push(indexed);
    else byFirstKey.set(first, [indexed]);
  }
  // Longest first, so `Cobalt Strike` is tried before `Cobalt`, `Mango Sandstorm` before `Mango`.
  for (const list of byFirstKey.values()) list.sort((a, b) => b.keys.length - a.keys.length || b.name.length - a.name.length);
  return { byFirstKey, entities, size: byName.size };
}
