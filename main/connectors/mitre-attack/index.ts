/**
 * MITRE ATT&CK (issue 6): the Enterprise, Mobile and ICS knowledge bases as MITRE publishes
 * them, after OpenCTI's `mitre` connector. Each domain is fetched with a conditional GET
 * (a weekly run over an unchanged bundle downloads nothing) and only objects whose
 * `modified` changed since the last run are emitted, in batches.
 */
import type { JsonObject } from '../../../core/stix/index.ts';
import type { ImportConnector, ImportRunContext, ImportRunResult } from '../types.ts';
import { downloadBundle } from './client.ts';
import { bundleItems, tlpMarking } from './converter.ts';
import { objectDigest, packDigests, previousDomain, unpackDigests, type AttackCursor } from './cursor.ts';
import { configSchema, enabledDomains, type AttackConfig } from './settings.ts';

const BATCH_SIZE = 2_000;
const count = (value: number): string => value.toLocaleString('en-US');

/** Collects objects into batches of BATCH_SIZE, the TLP marking-definition first. */
function batcher(context: ImportRunContext<AttackConfig>) {
  let batch: JsonObject[] = [];
  let markingSent = false;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    context.signal.throwIfAborted();
    const ready = batch;
    batch = [];
    await context.emit(ready);
  };
  return {
    flush,
    add: async (object: JsonObject): Promise<void> => {
      if (!markingSent) {
        batch.push(tlpMarking(context.config.tlp));
        markingSent = true;
      }
      batch.push(object);
      if (batch.length >= BATCH_SIZE) await flush();
    },
  };
}

async function run(context: ImportRunContext<AttackConfig>): Promise<ImportRunResult> {
  const { config, log } = context;
  const settings = `tlp=${config.tlp}`;
  const domains = enabledDomains(config);
  if (domains.length === 0) log.warn('No ATT&CK domain is switched on; nothing to import.');
  const out = batcher(context);
  const emittedThisRun = new Set<string>();
  const cursor: AttackCursor = { settings, domains: {} };
  const lines: string[] = [];

  for (const { domain, label, url } of domains) {
    const previous = previousDomain(context.cursor, settings, domain, url);
    let download = await downloadBundle(context.http, url, true);
    // Without digests to compare against, "not modified" would import nothing.
    if (download.notModified && previous === undefined) download = await downloadBundle(context.http, url, false);
    if (download.notModified) {
      if (previous !== undefined) cursor.domains[domain] = previous;
      log.info(`ATT&CK ${label}: the bundle has not changed since the last run.`);
      lines.push(`${label}: unchanged`);
      continue;
    }

    const known = unpackDigests(previous?.digests ?? '');
    const digests: string[] = [];
    let total = 0;
    let changed = 0;
    let skipped = 0;
    for (const item of bundleItems(download.text, config.tlp, url)) {
      if ('rejected' in item) {
        skipped += 1;
        log.warn(`ATT&CK ${label}: skipped an invalid object: ${item.rejected}`);
        continue;
      }
      total += 1;
      const digest = objectDigest(item.original);
      digests.push(digest);
      if (known.has(digest) || emittedThisRun.has(digest)) continue;
      emittedThisRun.add(digest);
      changed += 1;
      await out.add(item.object);
    }
    cursor.domains[domain] = { url, digests: packDigests(digests) };
    const skippedNote = skipped > 0 ? `, ${count(skipped)} invalid skipped` : '';
    log.info(`ATT&CK ${label}: ${count(total)} objects, ${count(changed)} new or changed${skippedNote}.`);
    lines.push(`${label}: ${count(total)} objects, ${count(changed)} new or changed${skippedNote}`);
  }
  await out.flush();
  return { cursor: { ...cursor }, summary: lines.length > 0 ? lines.join('; ') : 'No domain switched on' };
}

export const connector: ImportConnector<typeof configSchema> = {
  id: 'mitre-attack',
  kind: 'external-import',
  name: 'MITRE ATT&CK',
  description: 'Imports the ATT&CK knowledge bases (Enterprise, Mobile, ICS): tactics, techniques, groups, software, mitigations and detections.',
  config: configSchema,
  defaultSchedule: 'P7D',
  run,
};
