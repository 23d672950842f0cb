/**
 * AlienVault OTX (OpenCTI's `alienvault` connector): the pulses of the analyst's
 * subscriptions changed since the last run, each emitted as a report with its indicators,
 * observables, malware, techniques and vulnerabilities as soon as it is converted.
 */
import type { ImportConnector, ImportRunContext, ImportRunResult } from '../types.ts';
import { subscribedPages } from './client.ts';
import { pulseToStix } from './converter.ts';
import { advance, alreadySeen, readCursor, type OtxCursor } from './cursor.ts';
import { OtxPulse } from './schema.ts';
import { configSchema, firstRunSince, type OtxConfig } from './settings.ts';
import { otxTime } from './time.ts';

async function run(context: ImportRunContext<OtxConfig>): Promise<ImportRunResult> {
  const { config, log } = context;
  const previous = readCursor(context.cursor);
  const start: OtxCursor = previous ?? { modifiedSince: firstRunSince(config.importFrom, context.now()), seen: [] };
  let cursor = start;
  const tally = { pulses: 0, objects: 0, unchanged: 0, invalid: 0 };
  const now = context.now().toISOString();
  log.info(`Asking OTX for subscribed pulses modified since ${start.modifiedSince}.`);
  for await (const page of subscribedPages(context.http, config.baseUrl, config.apiKey, start.modifiedSince)) {
    for (const raw of page) {
      context.signal.throwIfAborted();
      const parsed = OtxPulse.safeParse(raw);
      if (!parsed.success) {
        tally.invalid += 1;
        continue;
      }
      const pulse = parsed.data;
      const modified = otxTime(pulse.modified) ?? otxTime(pulse.created);
      if (alreadySeen(start, pulse.id, modified)) {
        tally.unchanged += 1;
        continue;
      }
      const { objects, warnings } = pulseToStix(pulse, { defaultTlp: config.tlp, baseUrl: config.baseUrl, now });
      if (warnings.length > 0) log.info(`Pulse "${pulse.name}" (${pulse.id}): ${warnings.join(' ')}`);
      await context.emit(objects);
      cursor = advance(cursor, pulse.id, modified);
      tally.pulses += 1;
      tally.objects += objects.length;
    }
  }
  if (tally.invalid > 0) log.warn(`Skipped ${String(tally.invalid)} pulse(s) without an id or a name.`);
  const parts = [tally.pulses === 0 ? 'No new or changed pulses' : `${tally.pulses.toLocaleString('en-US')} pulse(s), ${tally.objects.toLocaleString('en-US')} objects`];
  if (tally.unchanged > 0) parts.push(`${String(tally.unchanged)} unchanged since the last run`);
  if (tally.invalid > 0) parts.push(`${String(tally.invalid)} unreadable`);
  // The first run keeps its start even when nothing came, so the next one does not fall back to "30 days ago" again.
  return { cursor: { ...cursor }, summary: parts.join('; ') };
}

export const connector: ImportConnector<typeof configSchema> = {
  id: 'otx',
  kind: 'external-import',
  name: 'AlienVault OTX',
  description: 'Imports the pulses of your AlienVault OTX subscriptions as reports with their indicators, observables, malware and ATT&CK techniques.',
  config: configSchema,
  defaultSchedule: 'PT1H',
  run,
};
