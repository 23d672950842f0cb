/**
 * TAXII 2.1 collections as an import connector (issue 6), after OpenCTI's `taxii2`
 * connector: each run reads the chosen collections from where the last successful run
 * stopped (`added_after`, per collection) and hands the valid objects on page by page.
 */
import type { ImportConnector, ImportRunContext, ImportRunResult } from '../types.ts';
import { createTaxiiClient, type TaxiiCollection, type TaxiiClient } from './client.ts';
import { chooseCollections } from './collections.ts';
import { checkPageObjects, type RejectedObject } from './converter.ts';
import { laterOf, nextAddedAfter, readCursor, type CollectionProgress } from './cursor.ts';
import { authOf, configSchema, firstAddedAfter, type TaxiiConfig } from './settings.ts';

/** Invalid objects named one by one in the log; past this, only counted. */
const LISTED_INVALID = 100;

export const connector: ImportConnector<typeof configSchema> = {
  id: 'taxii',
  kind: 'external-import',
  name: 'TAXII 2.1',
  description: 'Imports STIX 2.1 objects from TAXII 2.1 collections (OpenCTI, MISP, ATT&CK and other TAXII servers).',
  config: configSchema,
  defaultSchedule: 'PT1H',
  run,
};

interface RunTotals {
  objects: number;
  invalid: number;
  listedInvalid: number;
}

async function run(context: ImportRunContext<TaxiiConfig>): Promise<ImportRunResult> {
  const { config, log } = context;
  const client = createTaxiiClient(context.http, { auth: authOf(config), log, signal: context.signal });
  const apiRoot = await client.apiRoot(config.discoveryUrl, config.apiRoot);
  const collections = chooseCollections(apiRoot, await client.collections(apiRoot), config.collections);
  log.info(`Reading ${String(collections.length)} collection${collections.length === 1 ? '' : 's'} from ${apiRoot}`);

  const stored = readCursor(context.cursor);
  const addedAfter = { ...stored.addedAfter };
  const totals: RunTotals = { objects: 0, invalid: 0, listedInvalid: 0 };
  for (const collection of collections) {
    const previous = stored.addedAfter[collection.url] ?? firstAddedAfter(config.addedAfter);
    const next = await readCollection(client, collection, previous, context, totals);
    if (next !== undefined) addedAfter[collection.url] = next;
  }
  if (totals.invalid > totals.listedInvalid) log.warn(`${count(totals.invalid - totals.listedInvalid)} more invalid objects were skipped without being listed.`);
  return { cursor: { addedAfter }, summary: summaryOf(totals, collections.length) };
}

async function readCollection(
  client: TaxiiClient,
  collection: TaxiiCollection,
  previous: string | undefined,
  context: ImportRunContext<TaxiiConfig>,
  totals: RunTotals,
): Promise<string | undefined> {
  const { log } = context;
  const progress: CollectionProgress = { lastAdded: undefined, firstServerDate: undefined, objectCount: 0 };
  let pages = 0;
  let invalid = 0;
  let repaired = 0;
  for await (const page of client.objectPages(collection, { addedAfter: previous, limit: context.config.pageSize })) {
    pages += 1;
    progress.firstServerDate ??= page.serverDate;
    progress.lastAdded = laterOf(progress.lastAdded, page.dateAddedLast);
    progress.objectCount += page.objects.length;
    const { valid, invalid: rejected, repaired: fixed } = checkPageObjects(page.objects);
    repaired += fixed;
    reportInvalid(collection, rejected, context, totals);
    invalid += rejected.length;
    if (valid.length > 0) await context.emit(valid);
    totals.objects += valid.length;
  }
  const next = nextAddedAfter(previous, progress);
  const since = previous === undefined ? '' : ` added after ${previous}`;
  const skipped = invalid > 0 ? `, ${count(invalid)} invalid skipped` : '';
  log.info(`"${collection.title}": ${count(progress.objectCount - invalid)} objects${since} in ${String(pages)} page${pages === 1 ? '' : 's'}${skipped}`);
  if (repaired > 0) log.info(`"${collection.title}": ${count(repaired)} objects had an empty reference dropped (core/stix's safe repairs).`);
  if (next.source === 'server-clock') log.info(`"${collection.title}": the server sent no X-TAXII-Date-Added-Last, so the next run starts from its clock (${next.value ?? ''}).`);
  if (next.source === 'unchanged' && progress.objectCount > 0) {
    log.warn(`"${collection.title}": the server sent no usable dates, so the next run reads the same objects again (they are merged, not duplicated).`);
  }
  return next.value;
}

function reportInvalid(collection: TaxiiCollection, rejected: readonly RejectedObject[], context: ImportRunContext<TaxiiConfig>, totals: RunTotals): void {
  for (const object of rejected) {
    totals.invalid += 1;
    if (totals.listedInvalid >= LISTED_INVALID) continue;
    totals.listedInvalid += 1;
    context.log.warn(`Skipped ${object.id} from "${collection.title}": not valid STIX 2.1 (${object.reason}).`);
  }
}

function summaryOf(totals: RunTotals, collections: number): string {
  const from = `from ${String(collections)} collection${collections === 1 ? '' : 's'}`;
  const invalid = totals.invalid > 0 ? `, ${count(totals.invalid)} invalid skipped` : '';
  if (totals.objects === 0) return `Nothing new ${from}${invalid}`;
  return `${count(totals.objects)} object${totals.objects === 1 ? '' : 's'} ${from}${invalid}`;
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}
