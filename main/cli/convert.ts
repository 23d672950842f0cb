/**
 * `magpie convert`: a STIX bundle (a file or stdin) to CSV, a TXT blocklist or a MISP
 * event, with the same code as the app's Export page (core/exports) and the same
 * streaming bundle reader as `validate`. What was withheld for its TLP goes to stderr, so
 * stdout stays the exported file.
 */
import { createReadStream } from 'node:fs';
import { convert, type ConvertOptions } from '../../core/exports/index.ts';
import { BundleError, chunksOf, readBundle, TLP_ORDER, type Chunk, type JsonObject, type TlpLevel } from '../../core/stix/index.ts';
import type { CliIo } from './io.ts';

export interface ConvertArgs {
  readonly input: string;
  readonly options: ConvertOptions;
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

/** Returns the exit code: 0, or 1 when the bundle could not be read. */
export async function runConvert({ input, options }: ConvertArgs, io: CliIo): Promise<number> {
  const label = input === '-' ? 'stdin' : input;
  let objects: JsonObject[];
  try {
    objects = await readObjects(input, io);
  } catch (error: unknown) {
    io.stderr(`magpie: ${label}: ${describe(error)}\n`);
    return 1;
  }
  const result = convert(objects, options);
  io.stdout(result.text);
  const withheld = withheldLine(result.withheld, result.withheldRelationships);
  if (withheld !== undefined) io.stderr(`magpie: note: ${withheld} (above --max-tlp ${options.maxTlp ?? ''})\n`);
  return 0;
}
