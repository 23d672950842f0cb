/**
 * `magpie convert --to misp-feed --out DIR` (issue 20, point 4): the feed core/exports
 * builds (mispFeed.ts), written as a folder MISP's Sync → Feeds pulls from a URL or a local
 * path. Files are written into the folder (created when missing); an earlier export's event
 * files that this one no longer holds are left alone, as MISP reads only what the new
 * manifest lists.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportMispFeed } from '../../core/exports/index.ts';
import type { JsonObject } from '../../core/stix/index.ts';
import { leftOutNote, type MispFeedCliOptions } from './convertArgs.ts';
import type { CliIo } from './io.ts';

export async function writeMispFeed(objects: readonly JsonObject[], options: MispFeedCliOptions, io: CliIo): Promise<number> {
  const result = exportMispFeed(objects, options);
  const { feed } = result;
  try {
    await mkdir(options.out, { recursive: true });
    for (const file of feed.files) await writeFile(join(options.out, file.name), file.text, 'utf8');
  } catch (error: unknown) {
    const code = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    io.stderr(`magpie: ${options.out}: the feed could not be written (${code}). Choose a folder you can write to.\n`);
    return 1;
  }
  const attributes = feed.events.reduce((sum, event) => sum + event.attributes, 0);
  const mispObjects = feed.events.reduce((sum, event) => sum + event.objects, 0);
  io.stderr(`magpie: wrote a MISP feed of ${String(feed.events.length)} event(s), ${String(attributes)} attribute(s) and ${String(mispObjects)} object(s) to ${options.out}\n`);
  for (const item of feed.notExported) io.stderr(`magpie: note: not exported: ${String(item.count)} ${item.what} (${item.why})\n`);
  const withheld = Object.entries(result.withheld).map(([level, count]) => `${String(count)} marked TLP:${level.toUpperCase()}`);
  if (result.withheldRelationships > 0) withheld.push(`${String(result.withheldRelationships)} relationship(s) pointing at them`);
  if (withheld.length > 0) io.stderr(`magpie: note: withheld ${withheld.join(', ')} (above --max-tlp ${options.maxTlp ?? ''})\n`);
  const leftOut = leftOutNote({ leftOut: result.leftOut, leftOutValues: 0 });
  if (leftOut !== undefined) io.stderr(leftOut);
  return 0;
}
