/**
 * `npx node bench/kb/knownValues.ts`: how long the review's known-or-new query (issue 16,
 * point 6) takes for 500 values on a store of ~50,000 objects. In Node over fake-indexeddb
 * (an in-memory IndexedDB, slower per read than Chromium's), so the figure is an upper
 * bound for the app. Half the values are in the store, half are new.
 */
import 'fake-indexeddb/auto';
import { observableFor } from '../../core/extractToStix/index.ts';
import type { ExtractedIndicator } from '../../core/extract/types.ts';
import { derivedId, patternFor } from '../../core/stix/index.ts';
import type { JsonObject } from '../../core/stix/model/properties.ts';
import { KbDatabase, openKnowledgeBase } from '../../renderer/src/kb/db/KbDatabase.ts';
import { knownValues } from '../../renderer/src/kb/queries/knownValues.ts';
import { toRecord } from '../../renderer/src/kb/records.ts';

const OBSERVABLES = Number(process.env['BENCH_OBSERVABLES'] ?? 16_000);
const now = '2026-01-01T00:00:00.000Z';
const extracted = (index: number): ExtractedIndicator =>
  index % 3 === 0
    ? { type: 'domain-name', value: `host${index}.example`, flags: [], occurrences: [], occurrenceCount: 1 }
    : index % 3 === 1
      ? { type: 'ipv4-addr', value: `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`, flags: [], occurrences: [], occurrenceCount: 1 }
      : { type: 'file', value: index.toString(16).padStart(64, '0'), hash_type: 'SHA-256', flags: [], occurrences: [], occurrenceCount: 1 };

const db = await openKnowledgeBase(new KbDatabase('bench-known-values'));
await db.sources.put({ id: 'connector:bench', kind: 'connector', name: 'Bench feed', firstImportedAt: now, lastImportedAt: now, status: 'committed', committedObjects: 0, counts: { created: 0, updated: 0, unchanged: 0, rejected: 0 } });
const objects: JsonObject[] = [];
const reportRefs: string[][] = [];
for (let index = 0; index < OBSERVABLES; index += 1) {
  const observable = observableFor(extracted(index));
  if (!observable) continue;
  const pattern = patternFor(observable) ?? '';
  const indicator = { type: 'indicator', spec_version: '2.1', id: derivedId('indicator', { pattern }), created: now, modified: now, name: extracted(index).value, pattern, pattern_type: 'stix', valid_from: now };
  const relationship = { type: 'relationship', spec_version: '2.1', id: derivedId('relationship', { source_ref: indicator.id, target_ref: observable['id'] }), created: now, modified: now, relationship_type: 'based-on', source_ref: indicator.id, target_ref: observable['id'] };
  objects.push(observable, indicator, relationship);
  const batch = Math.floor(index / 20);
  (reportRefs[batch] ??= []).push(String(observable['id']), indicator.id, relationship.id);
}
reportRefs.forEach((refs, index) => objects.push({ type: 'report', spec_version: '2.1', id: derivedId('report', { name: `Report ${index}` }), created: now, modified: now, name: `Report ${index}`, published: now, object_refs: refs }));
for (let start = 0; start < objects.length; start += 5000) await db.objects.bulkPut(objects.slice(start, start + 5000).map((object) => toRecord(object, ['connector:bench'], now, now)));
const stored = await db.objects.count();
console.error(`seeded ${stored} objects`);

// 250 known values spread over the store, 250 new ones.
const queries = [...Array.from({ length: 250 }, (_, index) => extracted(index * 47)), ...Array.from({ length: 250 }, (_, index) => extracted(OBSERVABLES + 1000 + index))];
const times: number[] = [];
let known = 0;
for (let run = 0; run < 7; run += 1) {
  const started = performance.now();
  const { values } = await knownValues(db, queries);
  times.push(performance.now() - started);
  console.error(`run ${run}: ${Math.round(times.at(-1) ?? 0)} ms`);
  known = values.filter((value) => value.known).length;
}
times.sort((a, b) => a - b);
console.info(JSON.stringify({ figure: 'knownValues', store: stored, values: queries.length, known, ms: { min: Math.round(times[0] ?? 0), median: Math.round(times[3] ?? 0), max: Math.round(times.at(-1) ?? 0) }, backend: 'fake-indexeddb (Node)' }));
db.close();
