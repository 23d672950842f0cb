/**
 * `magpie kb search|get|export|import|lookup` (issue 18, point 3): a script works with the
 * knowledge base of a running Magpie (`magpie serve`), as OpenCTI users do with pycti.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { IMPORT_MAX_BYTES, localApiMethods } from '../../core/localApi/protocol.ts';
import { UsageError, type CliIo } from './io.ts';
import { connectKb, KbClientError } from './kbClient.ts';
import { kbUsage } from './usage.ts';

export interface KbCommand {
  action: string;
  args: string[];
  profile: string;
  format: 'text' | 'json' | 'csv';
  limit?: number;
  types: string[];
  query?: string;
  maxTlp?: string;
  out?: string;
}

async function run(command: KbCommand, io: CliIo): Promise<number> {
  if (command.format === 'csv' && command.action !== 'lookup') throw new UsageError('--format csv is for lookup; search prints text or json', kbUsage);
  const kb = await connectKb(command.profile);
  switch (command.action) {
    case 'search': {
      const query = command.args.join(' ').trim();
      if (query === '') throw new UsageError('give a search query', kbUsage);
      const params = new URLSearchParams({ q: query, ...(command.limit === undefined ? {} : { limit: String(command.limit) }) });
      for (const type of command.types) params.append('type', type);
      const { hits } = localApiMethods.search.result.parse(await kb.get(`search?${params.toString()}`));
      if (command.format === 'json') io.stdout(`${JSON.stringify(hits, null, 2)}\n`);
      else for (const hit of hits) io.stdout(`${hit.type}\t${hit.name}\t${hit.id}\n`);
      io.stderr(`${hits.length.toLocaleString('en-US')} ${hits.length === 1 ? 'match' : 'matches'}${hits.length === (command.limit ?? 50) ? ` (the first ${hits.length}; --limit for more)` : ''}\n`);
      return 0;
    }
    case 'get': {
      const [id, ...extra] = command.args;
      if (id === undefined || extra.length > 0) throw new UsageError('give exactly one STIX id', kbUsage);
      io.stdout(`${JSON.stringify(await kb.get(`objects/${encodeURIComponent(id)}`), null, 2)}\n`);
      return 0;
    }
    case 'export': {
      if (command.out === undefined) throw new UsageError('--out FILE is required', kbUsage);
      const body = { ...(command.query ? { query: command.query } : {}), ...(command.limit ? { limit: command.limit } : {}), ...(command.maxTlp ? { maxTlp: command.maxTlp } : {}) };
      const result = localApiMethods.export.result.parse(await kb.post('export', JSON.stringify(body), 'application/json'));
      await writeFile(command.out, result.bundle);
      const withheld = Object.entries(result.withheld).map(([level, count]) => `${count} TLP:${level.toUpperCase()}`);
      io.stderr(`${result.exported.toLocaleString('en-US')} objects written to ${command.out}${withheld.length > 0 ? `; withheld above the maximum TLP: ${withheld.join(', ')}` : ''}${result.withheldRelationships > 0 ? `, ${result.withheldRelationships} relationships pointing at them` : ''}\n`);
      return 0;
    }
    case 'import': {
      if (command.args.length === 0) throw new UsageError('name at least one bundle file', kbUsage);
      let failed = 0;
      for (const path of command.args) {
        try {
          const size = (await stat(path)).size;
          if (size > IMPORT_MAX_BYTES) throw new KbClientError(`${path} is ${size.toLocaleString('en-US')} bytes; the local API takes files up to ${IMPORT_MAX_BYTES.toLocaleString('en-US')}. Import it in the app.`);
          const text = await readFile(path, 'utf8');
          const counts = localApiMethods.import.result.parse(await kb.post(`import?name=${encodeURIComponent(basename(path))}`, text, 'application/json'));
          io.stdout(`${path}: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.rejected} rejected${counts.rejected > 0 ? ' (in the app\'s quarantine, with the reason)' : ''}\n`);
        } catch (error) {
          failed += 1;
          io.stderr(`magpie kb import: ${path}: ${error instanceof Error ? error.message : String(error)}\n`);
          if (error instanceof KbClientError && /not answering|No Magpie|refused the token/.test(error.message)) return 1;
        }
      }
      return failed > 0 ? 1 : 0;
    }
    case 'lookup': {
      if (command.args.length === 0) throw new UsageError('name a file of values to look up, or - for stdin', kbUsage);
      const { runLookup } = await import('./kbLookup.ts');
      return runLookup(kb, command.args, command.format, io);
    }
    default:
      throw new UsageError(`unknown kb command "${command.action}" (search, get, export, import or lookup)`, kbUsage);
  }
}

export async function runKb(command: KbCommand, io: CliIo): Promise<number> {
  try {
    return await run(command, io);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    io.stderr(`magpie kb ${command.action}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
