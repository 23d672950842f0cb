/**
 * CISA Known Exploited Vulnerabilities (issue 6): the catalog as vulnerabilities with the
 * affected software, after OpenCTI's `cisa-known-exploited-vulnerabilities` connector.
 * Incremental twice over: a conditional GET (an unchanged catalog is not downloaded) and a
 * digest per CVE (a changed catalog re-emits only the entries that changed).
 */
import type { JsonObject } from '../../../core/stix/index.ts';
import type { ImportConnector, ImportRunContext, ImportRunResult } from '../types.ts';
import { downloadCatalog } from './client.ts';
import { cisaIdentity, entryToStix, releaseTimestamp, tlpMarking } from './converter.ts';
import { entryDigest, previousEntries, settingsKey, type KevCursor } from './cursor.ts';
import { configSchema, type KevConfig } from './settings.ts';

const BATCH_SIZE = 2_000;
const count = (value: number): string => value.toLocaleString('en-US');

async function run(context: ImportRunContext<KevConfig>): Promise<ImportRunResult> {
  const { config, log } = context;
  const settings = settingsKey(config);
  const previous = previousEntries(context.cursor, settings);
  let download = await downloadCatalog(context.http, config.url, true);
  // Without digests to compare against (new settings, a lost cursor), "not modified" would import nothing.
  if (download.notModified && previous.size === 0) download = await downloadCatalog(context.http, config.url, false);
  if (download.notModified) {
    log.info('The KEV catalog has not changed since the last run.');
    // Says what the feed did, not what the store holds: main cannot see the store, and the
    // state is reset whenever the store changes (main/connectors/runtime/storeBinding.ts).
    return { cursor: { ...context.cursor }, summary: `Catalog unchanged since the last run (${count(previous.size)} vulnerabilities); nothing new to import` };
  }

  const { catalog } = download;
  const released = releaseTimestamp(catalog.dateReleased, context.now());
  const options = { tlp: config.tlp, createInfrastructures: config.createInfrastructures, released };
  const entries: Record<string, string> = {};
  const changed = new Map<string, JsonObject>();
  let changedEntries = 0;
  let rejected = 0;
  for (const item of catalog.entries) {
    if ('problem' in item) {
      rejected += 1;
      log.warn(`Skipped a malformed catalog entry: ${item.problem}`);
      continue;
    }
    const digest = entryDigest(item.raw);
    entries[item.entry.cveID] = digest;
    if (previous.get(item.entry.cveID) === digest) continue;
    changedEntries += 1;
    for (const object of entryToStix(item.entry, options)) changed.set(String(object['id']), object);
  }
  const accepted = catalog.entries.length - rejected;
  if (catalog.declaredCount !== undefined && catalog.declaredCount !== catalog.entries.length) {
    log.warn(`The catalog says it holds ${count(catalog.declaredCount)} vulnerabilities but lists ${count(catalog.entries.length)}.`);
  }

  if (changed.size > 0) {
    const objects = [cisaIdentity(), tlpMarking(config.tlp), ...changed.values()];
    for (let start = 0; start < objects.length; start += BATCH_SIZE) {
      context.signal.throwIfAborted();
      await context.emit(objects.slice(start, start + BATCH_SIZE));
    }
  }
  log.info(`KEV catalog ${catalog.catalogVersion} (released ${catalog.dateReleased}): ${count(accepted)} vulnerabilities, ${count(changedEntries)} new or changed.`);

  const cursor: KevCursor = { catalogVersion: catalog.catalogVersion, settings, entries };
  const skipped = rejected > 0 ? `, ${count(rejected)} malformed ${rejected === 1 ? 'entry' : 'entries'} skipped` : '';
  return { cursor: { ...cursor }, summary: `${count(accepted)} ${accepted === 1 ? 'vulnerability' : 'vulnerabilities'}, ${count(changedEntries)} new or changed${skipped}` };
}

export const connector: ImportConnector<typeof configSchema> = {
  id: 'cisa-kev',
  kind: 'external-import',
  name: 'CISA Known Exploited Vulnerabilities',
  description: 'Imports the CISA catalog of vulnerabilities known to be exploited, with the affected products.',
  config: configSchema,
  defaultSchedule: 'P1D',
  run,
};
