/**
 * `magpie connector list` and `magpie connector run <id>`: one run of an import connector
 * from the command line, with the same HTTP client, settings schema and object checks as
 * the app, writing what it emitted as one STIX 2.1 bundle. Nothing is stored except the
 * cursor file when one is named.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { oncePerVersion } from '../../core/stix/bundle/oncePerVersion.ts';
import { bundleToString } from '../../core/stix/index.ts';
import { configJsonSchema } from '../connectors/runtime/configForm.ts';
import { runImportOnce } from '../connectors/testing/runOnce.ts';
import { isImportConnector, type ConnectorDefinition } from '../connectors/types.ts';
import { UsageError, type CliIo } from './io.ts';
import { connectorRunUsage } from './usage.ts';

export interface ConnectorRunArgs {
  id: string;
  sets: readonly string[];
  cursorFile?: string;
  out?: string;
  proxy?: string;
  quiet: boolean;
}

export function listConnectors(connectors: readonly ConnectorDefinition[], io: CliIo): number {
  const rows = connectors.map((connector) => [connector.id, connector.kind, connector.name, isImportConnector(connector) ? connector.defaultSchedule : 'on demand']);
  const header = ['ID', 'KIND', 'NAME', 'SCHEDULE'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string => `${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd()}\n`;
  io.stdout(line(header) + rows.map(line).join(''));
  return 0;
}

/** `key=value` pairs typed by the connector's schema: numbers, booleans, comma lists, JSON objects. */
export function parseSets(connector: ConnectorDefinition, sets: readonly string[]): Record<string, unknown> {
  const properties = (configJsonSchema(connector).properties ?? {}) as Record<string, { type?: unknown }>;
  const config: Record<string, unknown> = {};
  for (const set of sets) {
    const equals = set.indexOf('=');
    if (equals <= 0) throw new UsageError(`--set takes key=value, not "${set}"`, connectorRunUsage);
    const key = set.slice(0, equals);
    const raw = set.slice(equals + 1);
    const property = properties[key];
    if (!property) throw new UsageError(`${connector.id} has no setting "${key}" (it has: ${Object.keys(properties).join(', ')})`, connectorRunUsage);
    config[key] = typed(property.type, raw, key);
  }
  return config;
}

function typed(type: unknown, raw: string, key: string): unknown {
  switch (type) {
    case 'integer':
    case 'number': {
      const value = Number(raw);
      if (raw.trim() === '' || Number.isNaN(value)) throw new UsageError(`${key} takes a number, not "${raw}"`, connectorRunUsage);
      return value;
    }
    case 'boolean':
      if (raw !== 'true' && raw !== 'false') throw new UsageError(`${key} takes true or false, not "${raw}"`, connectorRunUsage);
      return raw === 'true';
    case 'array':
      return raw.trim().startsWith('[') ? parseJson(raw, key) : raw.split(',').map((item) => item.trim()).filter((item) => item !== '');
    case 'object':
      return parseJson(raw, key);
    default:
      return raw;
  }
}

function parseJson(raw: string, key: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new UsageError(`${key} takes JSON here, and "${raw}" is not`, connectorRunUsage);
  }
}

async function readCursor(path: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  const parsed = JSON.parse(text) as unknown;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${path} does not hold a cursor (a JSON object).`);
  return parsed as Record<string, unknown>;
}

export async function runConnector(connectors: readonly ConnectorDefinition[], args: ConnectorRunArgs, io: CliIo): Promise<number> {
  const connector = connectors.find((candidate) => candidate.id === args.id);
  if (!connector) throw new UsageError(`unknown connector "${args.id}" (magpie connector list shows them)`, connectorRunUsage);
  // Enrichment connectors look up one observable in the app; they have no run to start.
  if (!isImportConnector(connector)) throw new UsageError(`${args.id} is an enrichment connector: enrich observables with it in the app`, connectorRunUsage);
  const config = parseSets(connector, args.sets);
  try {
    const cursor = args.cursorFile === undefined ? {} : await readCursor(args.cursorFile);
    const outcome = await runImportOnce(connector, {
      config,
      cursor,
      httpOptions: args.proxy === undefined ? {} : { proxy: args.proxy },
      onLog: (entry) => {
        if (!args.quiet && entry.level !== 'debug') io.stderr(`${entry.at} ${entry.level.padEnd(5)} ${entry.message}\n`);
      },
    });
    // Events of one feed repeat markings and observables; a bundle holds each version once.
    const objects = oncePerVersion(outcome.objects);
    const bundle = await bundleToString(objects);
    if (args.out === undefined) io.stdout(`${bundle}\n`);
    else await writeFile(args.out, bundle, 'utf8');
    if (args.cursorFile !== undefined) await writeFile(args.cursorFile, `${JSON.stringify(outcome.result.cursor, null, 2)}\n`, 'utf8');
    io.stderr(`${connector.id}: ${outcome.result.summary} — ${String(objects.length)} objects${args.out === undefined ? '' : ` written to ${args.out}`}\n`);
    return 0;
  } catch (error) {
    io.stderr(`magpie: ${connector.id} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
