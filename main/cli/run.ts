/**
 * The `magpie` command line, as a function of its arguments and streams (tested without a
 * process). Argument parsing is node:util's parseArgs, strict: an unknown option is a
 * usage error (exit 2) with the command's usage.
 */
import { LEAVE_OUT_FLAGS } from './leaveOutArgs.ts';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { OUTPUT_FORMATS, type OutputFormat } from './formats.ts';
import { UsageError, type CliIo } from './io.ts';
import { backupUsage, connectorRunUsage, connectorUsage, convertUsage, extractUsage, kbUsage, serveUsage, toolUsage, validateUsage } from './usage.ts';

function parse(args: readonly string[], options: ParseArgsOptionsConfig, usage: string): ReturnType<typeof parseArgs> {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error: unknown) {
    throw new UsageError(error instanceof Error ? error.message : String(error), usage);
  }
}

async function command(args: readonly string[], io: CliIo, version: string): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    if (name === undefined) throw new UsageError('a command is required', toolUsage);
    io.stdout(toolUsage);
    return 0;
  }
  if (name === '-V' || name === '--version') {
    io.stdout(`magpie ${version}\n`);
    return 0;
  }
  if (name === 'extract') {
    const { values, positionals } = parse(rest, { format: { type: 'string', short: 'f', default: 'json' }, entities: { type: 'string', short: 'e' }, help: { type: 'boolean', short: 'h' } }, extractUsage);
    if (values['help'] === true) return (io.stdout(extractUsage), 0);
    const format = String(values['format']);
    if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}" (json, stix, csv or txt)`, extractUsage);
    if (positionals.length === 0) throw new UsageError('name at least one file, or - for stdin', extractUsage);
    const entities = values['entities'];
    // PDF threads start loading pdf.js now, while this thread loads the extract command's
    // modules (the MISP converter, the STIX writer…) and then the engine: on 2 cores, 0.15 s
    // of the 1 s that one 25-page report took. (runExtract itself needs no warm-up: a read
    // starts its thread.)
    const { warmUpPdfReader } = await import('../documents/readFile.ts');
    warmUpPdfReader(positionals.filter((input) => /\.pdf$/i.test(input)).length);
    const { runExtract } = await import('./extract.ts');
    return runExtract(positionals, format as OutputFormat, io, undefined, typeof entities === 'string' ? entities : undefined);
  }
  if (name === 'validate') {
    const { values, positionals } = parse(rest, { help: { type: 'boolean', short: 'h' } }, validateUsage);
    if (values['help'] === true) return (io.stdout(validateUsage), 0);
    const [path, ...extra] = positionals;
    if (path === undefined || extra.length > 0) throw new UsageError('name exactly one bundle file', validateUsage);
    const { runValidate } = await import('./validate.ts');
    return runValidate(path, io);
  }
  if (name === 'convert') return convertCommand(rest, io);
  if (name === 'connector') return connectorCommand(rest, io);
  if (name === 'backup') return backupCommand(rest, io);
  if (name === 'kb') return kbCommand(rest, io);
  if (name === 'serve') return serveCommand(rest, io);
  throw new UsageError(`unknown command "${name}"`, toolUsage);
}

async function convertCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      to: { type: 'string', short: 't' },
      'max-tlp': { type: 'string', short: 'm' },
      separator: { type: 'string' },
      bom: { type: 'boolean' },
      defang: { type: 'boolean' },
      kinds: { type: 'string' },
      'by-kind': { type: 'boolean' },
      info: { type: 'string' },
      uuid: { type: 'string' },
      org: { type: 'string' },
      out: { type: 'string', short: 'o' },
      object: { type: 'string' },
      domain: { type: 'string' },
      ...LEAVE_OUT_FLAGS,
      help: { type: 'boolean', short: 'h' },
    },
    convertUsage,
  );
  if (values['help'] === true) return (io.stdout(convertUsage), 0);
  const [input, ...extra] = positionals;
  if (input === undefined || extra.length > 0) throw new UsageError('name exactly one bundle file, or - for stdin', convertUsage);
  // Loaded on use, as extract's engine is: the other commands do not pay for the exporters.
  const { convertOptions } = await import('./convertArgs.ts');
  const { runConvert } = await import('./convert.ts');
  return runConvert({ input, options: convertOptions(values) }, io);
}

const optional = <K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> => (value === undefined ? {} : ({ [key]: value } as Record<K, string>));

async function kbCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      profile: { type: 'string', short: 'p' },
      limit: { type: 'string', short: 'n' },
      type: { type: 'string', multiple: true },
      format: { type: 'string', short: 'f', default: 'text' },
      query: { type: 'string', short: 'q' },
      'max-tlp': { type: 'string', short: 'm' },
      out: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' },
    },
    kbUsage,
  );
  const [action, ...rest] = positionals;
  if (values['help'] === true) return (io.stdout(kbUsage), 0);
  if (action === undefined) throw new UsageError('a kb command is required (search, get, export, import or lookup)', kbUsage);
  const format = String(values['format']);
  if (format !== 'text' && format !== 'json' && format !== 'csv') throw new UsageError(`unknown format "${format}" (text, json or csv)`, kbUsage);
  const limit = values['limit'] === undefined ? undefined : Number(values['limit']);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new UsageError('--limit takes a whole number of 1 or more', kbUsage);
  const { profileDir } = await import('./kbClient.ts');
  const { runKb } = await import('./kb.ts');
  const text = (key: string) => (typeof values[key] === 'string' ? values[key] : undefined);
  return runKb(
    {
      action,
      args: rest,
      profile: profileDir(text('profile')),
      format,
      ...(limit === undefined ? {} : { limit }),
      types: Array.isArray(values['type']) ? values['type'].map(String) : [],
      ...optional('query', text('query')),
      ...optional('maxTlp', text('max-tlp')),
      ...optional('out', text('out')),
    },
    io,
  );
}

async function serveCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { profile: { type: 'string', short: 'p' }, port: { type: 'string', default: '0' }, help: { type: 'boolean', short: 'h' } }, serveUsage);
  if (values['help'] === true) return (io.stdout(serveUsage), 0);
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0] ?? ''}"`, serveUsage);
  const port = Number(values['port']);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError('--port takes a port number (0–65535)', serveUsage);
  const { profileDir } = await import('./kbClient.ts');
  const { runServe } = await import('./serve.ts');
  return runServe({ profile: profileDir(typeof values['profile'] === 'string' ? values['profile'] : undefined), port }, io);
}

async function backupCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === '-h' || sub === '--help') return (io.stdout(backupUsage), 0);
  if (sub !== 'verify') throw new UsageError(sub === undefined ? 'backup needs verify' : `unknown backup command "${sub}"`, backupUsage);
  const { values, positionals } = parse(rest, { help: { type: 'boolean', short: 'h' } }, backupUsage);
  if (values['help'] === true) return (io.stdout(backupUsage), 0);
  const [path, ...extra] = positionals;
  if (path === undefined || extra.length > 0) throw new UsageError('name exactly one backup file', backupUsage);
  const { runBackupVerify } = await import('./backup.ts');
  return runBackupVerify(path, io);
}

async function connectorCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '-h' || sub === '--help') {
    if (sub === undefined) throw new UsageError('connector needs list or run', connectorUsage);
    return (io.stdout(connectorUsage), 0);
  }
  // Loaded only here, so the other commands do not pay for every connector's code.
  const { connectors } = await import('../connectors/registry.ts');
  const { listConnectors, runConnector } = await import('./connector.ts');
  if (sub === 'list') {
    const { values } = parse(rest, { help: { type: 'boolean', short: 'h' } }, connectorUsage);
    if (values['help'] === true) return (io.stdout(connectorUsage), 0);
    return listConnectors(connectors, io);
  }
  if (sub === 'run') {
    const { values, positionals } = parse(
      rest,
      {
        set: { type: 'string', short: 's', multiple: true },
        'cursor-file': { type: 'string', short: 'c' },
        out: { type: 'string', short: 'o' },
        proxy: { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
      },
      connectorRunUsage,
    );
    if (values['help'] === true) return (io.stdout(connectorRunUsage), 0);
    const [id, ...extra] = positionals;
    if (id === undefined || extra.length > 0) throw new UsageError('name exactly one connector id', connectorRunUsage);
    const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
    const sets = Array.isArray(values['set']) ? values['set'].filter((value): value is string => typeof value === 'string') : [];
    const cursorFile = text(values['cursor-file']);
    const out = text(values['out']);
    const proxy = text(values['proxy']);
    return runConnector(
      connectors,
      { id, sets, quiet: values['quiet'] === true, ...(cursorFile === undefined ? {} : { cursorFile }), ...(out === undefined ? {} : { out }), ...(proxy === undefined ? {} : { proxy }) },
      io,
    );
  }
  throw new UsageError(`unknown connector command "${sub}"`, connectorUsage);
}

export async function runCli(args: readonly string[], io: CliIo, version = '0.0.0'): Promise<number> {
  try {
    return await command(args, io, version);
  } catch (error: unknown) {
    if (error instanceof UsageError) {
      io.stderr(`magpie: ${error.message}\n\n${error.usage}`);
      return 2;
    }
    io.stderr(`magpie: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}
