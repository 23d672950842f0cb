/**
 * Scores Magpie's extractor and the ioc-extractor npm package on the public ioc-cases
 * (fixtures/ioc-cases): TP/FP/FN, precision, recall and F1 per source, per type and
 * overall, counting only each case's `checked_types`.
 *
 *   node bench/extract/cases.ts        (prints JSON)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extractIOC } from 'ioc-extractor';
import { extractIndicators } from '../../core/extract/index.ts';
import { fixturePath, fixturesSkipReason } from '../../testkit/fixtures.ts';
import { normaliseValue, typeKeysOf, type TypeKey } from './typeKeys.ts';

export interface IocCase {
  id: string;
  text: string;
  expected: Partial<Record<TypeKey, string[]>>;
  checked_types: TypeKey[];
}

export type Extractor = (text: string) => Map<TypeKey, Set<string>>;

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Score extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export interface Scores {
  overall: Score;
  perType: Partial<Record<TypeKey, Score>>;
  perSource: Record<string, { overall: Score; perType: Partial<Record<TypeKey, Score>> }>;
  /** Case ids with a miss or an extra value, for tuning. */
  misses: { id: string; type: TypeKey; missing: string[]; extra: string[] }[];
}

export function loadCases(): { source: string; cases: IocCase[] }[] {
  const folder = fixturePath('ioc-cases');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((file) => file.endsWith('.jsonl'))
    .sort()
    .map((file) => ({
      source: file.replace(/^cases-|\.jsonl$/g, ''),
      cases: readFileSync(fixturePath('ioc-cases', file), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as IocCase),
    }));
}

function score(counts: Counts): Score {
  const precision = counts.tp + counts.fp === 0 ? 1 : counts.tp / (counts.tp + counts.fp);
  const recall = counts.tp + counts.fn === 0 ? 1 : counts.tp / (counts.tp + counts.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const round = (value: number): number => Math.round(value * 10000) / 10000;
  return { ...counts, precision: round(precision), recall: round(recall), f1: round(f1) };
}

const add = (into: Counts, from: Counts): void => {
  into.tp += from.tp;
  into.fp += from.fp;
  into.fn += from.fn;
};

export function scoreExtractor(extract: Extractor, sources = loadCases()): Scores {
  const overall: Counts = { tp: 0, fp: 0, fn: 0 };
  const perType = new Map<TypeKey, Counts>();
  const perSource: Scores['perSource'] = {};
  const misses: Scores['misses'] = [];
  for (const { source, cases } of sources) {
    const sourceTotal: Counts = { tp: 0, fp: 0, fn: 0 };
    const sourceTypes = new Map<TypeKey, Counts>();
    for (const testCase of cases) {
      const found = extract(testCase.text);
      for (const type of testCase.checked_types) {
        const expected = new Set((testCase.expected[type] ?? []).map((value) => normaliseValue(type, value)));
        const got = found.get(type) ?? new Set<string>();
        const counts: Counts = { tp: 0, fp: 0, fn: 0 };
        const missing = [...expected].filter((value) => !got.has(value));
        const extra = [...got].filter((value) => !expected.has(value));
        counts.tp = expected.size - missing.length;
        counts.fn = missing.length;
        counts.fp = extra.length;
        if (missing.length > 0 || extra.length > 0) misses.push({ id: testCase.id, type, missing, extra });
        for (const [map, total] of [
          [perType, overall],
          [sourceTypes, sourceTotal],
        ] as const) {
          add(total, counts);
          const typeCounts = map.get(type) ?? { tp: 0, fp: 0, fn: 0 };
          add(typeCounts, counts);
          map.set(type, typeCounts);
        }
      }
    }
    perSource[source] = { overall: score(sourceTotal), perType: Object.fromEntries([...sourceTypes].map(([type, counts]) => [type, score(counts)])) };
  }
  return { overall: score(overall), perType: Object.fromEntries([...perType].map(([type, counts]) => [type, score(counts)])), perSource, misses };
}

/** Magpie's engine, mapped to case type keys. */
export const magpieExtractor: Extractor = (text) => {
  const found = new Map<TypeKey, Set<string>>();
  for (const indicator of extractIndicators([{ page: 1, text }]).indicators) {
    for (const { key, value } of typeKeysOf(indicator)) {
      const set = found.get(key) ?? new Set<string>();
      set.add(value);
      found.set(key, set);
    }
  }
  return found;
};

const IOC_EXTRACTOR_KEYS: Readonly<Record<string, TypeKey>> = {
  ipv4s: 'ipv4', ipv6s: 'ipv6', domains: 'domain', urls: 'url', emails: 'email', md5s: 'md5', sha1s: 'sha1', sha256s: 'sha256', sha512s: 'sha512', cves: 'cve', btcs: 'btc', xmrs: 'xmr', asns: 'asn',
};

/** The ioc-extractor npm package with refanging on, mapped to the same keys. */
export const iocExtractorExtractor: Extractor = (text) => {
  const found = new Map<TypeKey, Set<string>>();
  const result = extractIOC(text, { refang: true }) as unknown as Record<string, string[] | undefined>;
  for (const [name, key] of Object.entries(IOC_EXTRACTOR_KEYS)) {
    found.set(key, new Set((result[name] ?? []).map((value) => normaliseValue(key, value))));
  }
  return found;
};

export function compareOnCases(): { magpie: Scores; iocExtractor: Scores } | undefined {
  const sources = loadCases();
  if (sources.length === 0) return undefined;
  return { magpie: scoreExtractor(magpieExtractor, sources), iocExtractor: scoreExtractor(iocExtractorExtractor, sources) };
}

if (import.meta.main) {
  const result = compareOnCases();
  if (result === undefined) {
    console.warn(`[bench] ioc-cases missing. ${fixturesSkipReason}`);
  } else {
    const verbose = process.argv.includes('--misses');
    const summary = (scores: Scores): object => ({ ...scores, misses: verbose ? scores.misses : scores.misses.length });
    console.info(JSON.stringify({ magpie: summary(result.magpie), iocExtractor: summary(result.iocExtractor) }, null, 1));
  }
}
