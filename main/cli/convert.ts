/**
 * `magpie convert`: a STIX bundle (a file or stdin) to CSV, a TXT blocklist or a MISP
 * event, with the same code as the app's Export page (core/exports) and the same
 * streaming bundle reader as `validate`. What was withheld for its TLP goes to stderr, so
 * stdout stays the exported file.
 */
import { createReadStream } from 'node:fs';
import { graphOfObjects } from '../../core/attack/attackGraph.ts';
import { layerText } from '../../core/attack/layerExport.ts';
import { LayerRequestError, layerForObject } from '../../core/attack/objectMatrix.ts';
import { convert } from '../../core/exports/index.ts';
import type { StixObject } from '../../core/stix/model/types.ts';
import { leftOutNote, type CliConvertOptions, type NavigatorLayerOptions } from './convertArgs.ts';
import { BundleError, chunksOf, readBundle, TLP_ORDER, type Chunk, type JsonObject, type TlpLevel } from '../../core/stix/index.ts';
import type { CliIo } from './io.ts';

export interface ConvertArgs {
  readonly input: string;
  readonly options: CliConvertOptions;
}

async function readObjects(input: string, io: CliIo): Promise<JsonObject[]> {
  const source: AsyncIterable<Chunk> = input === '-' ? chunksOf(await io.readStdin()) : createReadStream(input);
  const objects: JsonObject[] = [];
  // Not validated: a conversion needs no spec-perfect objects, and `magpie validate` says what is wrong.
  for await (const event of readBundle(source, { validate: false })) if (event.kind === 'object') objects.push(event.object);
  return objects;
}

function describe(error: unknown): string {
  if (error instanceof BundleError) return error.message;
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

function withheldLine(withheld: Partial<Record<TlpLevel, number>>, relationships: number): string | undefined {
  const parts = TLP_ORDER.flatMap((level) => {
    const count = withheld[level] ?? 0;
    return count === 0 ? [] : [`${count} marked TLP:${level.toUpperCase()}`];
  });
  if (relationships > 0) parts.push(`${relationships} relationship(s) pointing at them`);
  return parts.length === 0 ? undefined : `withheld ${parts.join(', ')}`;
}

/** The layer the app's matrix exports for the same object (core/attack/objectMatrix.ts). */
async function writeLayer(objects: JsonObject[], options: NavigatorLayerOptions, label: string, io: CliIo): Promise<number> {
  try {
    // Read unvalidated like every conversion; core/attack reads only what it narrows.
    const layer = await layerForObject(graphOfObjects(objects as StixObject[]), options.object, options.domain);
    io.stdout(layerText(layer));
    return 0;
  } catch (error: unknown) {
    if (!(error instanceof LayerRequestError)) throw error;
    io.stderr(`magpie: ${label}: ${error.message}\n`);
    return 1;
  }
}

/** Returns the exit code: 0, or 1 when the bundle could not be read or holds no such object or matrix. */
export async function runConvert({ input, options }: ConvertArgs, io: CliIo): Promise<number> {
  const label = input === '-' ? 'stdin' : input;
  let objects: JsonObject[];
  try {
    objects = await readObjects(input, io);
  } catch (error: unknown) {
    io.stderr(`magpie: ${label}: ${describe(error)}\n`);
    return 1;
  }
  if (options.to === 'navigator-layer') return writeLayer(objects, options, label, io);
  if (options.to === 'misp-feed') {
    const { writeMispFeed } = await import('./convertFeed.ts');
    return writeMispFeed(objects, options, io);
  }
  const result = convert(objects, options);
  io.stdout(result.text);
  const withheld = withheldLine(result.withheld, result.withheldRelationships);
  if (withheld !== undefined) io.stderr(`magpie: note: ${withheld} (above --max-tlp ${options.maxTlp ?? ''})\n`);
  // Issue 20: what the MISP event cannot hold is named, so nobody takes the event for the whole bundle.
  for (const { what, count, why } of result.notExported) io.stderr(`magpie: note: not exported to MISP: ${String(count)} ${what}: ${why}\n`);
  const leftOut = leftOutNote(result);
  if (leftOut !== undefined) io.stderr(leftOut);
  return 0;
}
