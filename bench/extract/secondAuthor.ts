/**
 * Cases by a second author (secondAuthor/*.json): indicator fragments for each error class
 * of issue 16 and paragraphs naming ATT&CK's threats, English and Japanese, written by
 * someone who had not seen the extractor's code or this project's own cases, in the same
 * formats, in three batches: each later one (`-2`: whole report excerpts and other names;
 * `-3`: rules and exports as analysts paste them, and paragraphs of traps) was written after
 * the rules the one before prompted, and scored as it came before its own. First scores as
 * they came (seventh session): batch 1 indicators F1 0.970, names listed at precision 0.950,
 * recall 0.968; batch 2 indicators 0.989, names 0.910 / 0.976; batch 3 indicators 0.966,
 * names 0.761 / 0.988. Rules
 * were then written for what they showed, each with cases of our own first — so they are a
 * second opinion now, no longer held out. The labels of three paragraphs of batch 1 were
 * completed with the country or sector they name, which the author had been asked to
 * leave aside.
 */
import { readFileSync } from 'node:fs';
import type { StixObject } from '../../core/stix/model/types.ts';
import { scoreEntityCases, type EntityScores } from './entities.ts';
import type { EntityCase } from './entityCases.ts';
import { scoreRound2 } from './round2.ts';
import type { Round2Case } from './round2Cases.ts';
import { TYPE_KEYS } from './typeKeys.ts';

function load(name: string): unknown[] {
  const parsed: unknown = JSON.parse(readFileSync(new URL(`./secondAuthor/${name}`, import.meta.url), 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`secondAuthor/${name} is not a JSON array`);
  return parsed;
}

export type Batch = 1 | 2 | 3;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function secondAuthorIndicatorCases(batch: Batch = 1): Round2Case[] {
  const file = batch === 1 ? 'indicators.json' : `indicators-${batch}.json`;
  return load(file).map((entry, i) => {
    if (!isRecord(entry) || typeof entry['id'] !== 'string' || typeof entry['text'] !== 'string' || !isRecord(entry['expected']) || !Array.isArray(entry['checked_types'])) {
      throw new Error(`secondAuthor/${file}: case ${i} is not {id, class, lang, text, expected, checked_types}`);
    }
    const unknown = (entry['checked_types'] as unknown[]).filter((key) => !TYPE_KEYS.includes(key as never));
    if (unknown.length > 0) throw new Error(`secondAuthor/${file}: ${entry['id']} checks unknown types ${unknown.join(', ')}`);
    return entry as unknown as Round2Case;
  });
}

export function secondAuthorEntityCases(batch: Batch = 1): EntityCase[] {
  const file = batch === 1 ? 'entities.json' : `entities-${batch}.json`;
  return load(file).map((entry, i) => {
    if (!isRecord(entry) || typeof entry['id'] !== 'string' || typeof entry['text'] !== 'string' || !Array.isArray(entry['expect'])) {
      throw new Error(`secondAuthor/${file}: case ${i} is not {id, lang, text, expect}`);
    }
    return entry as unknown as EntityCase;
  });
}

export function scoreSecondAuthor(attack: readonly StixObject[] | undefined): Record<'batch1' | 'batch2' | 'batch3', { indicators: object; entityNames: EntityScores | { skipped: string } }> {
  const batch = (n: Batch) => {
    const cases = secondAuthorIndicatorCases(n);
    const { byClass, byLanguage } = scoreRound2(cases);
    const overall = (scores: typeof byClass): Record<string, object> => Object.fromEntries(Object.entries(scores.perSource).map(([name, score]) => [name, score.overall]));
    return {
      indicators: { cases: cases.length, overall: byClass.overall, byClass: overall(byClass), byLanguage: overall(byLanguage), misses: byClass.misses },
      entityNames: attack ? scoreEntityCases(attack, secondAuthorEntityCases(n)) : { skipped: 'ATT&CK bundles missing' },
    };
  };
  return { batch1: batch(1), batch2: batch(2), batch3: batch(3) };
}
