/**
 * `magpie kb lookup FILE|-` (issue 21, point 1): which values of a list the running
 * Magpie already knows. The file is read and its values found here, with the same
 * extraction engine as the app's Look up screen; only the values go to the local API.
 */
import { readFile, stat } from 'node:fs/promises';
import { LOOKUP_MAX_VALUES, localApiMethods } from '../../core/localApi/protocol.ts';
import { lookupRow, pastedValues, type LookupGroup, type LookupRow, type PastedValue } from '../../core/lookup/pastedValues.ts';
import { csvField } from './formats.ts';
import type { CliIo } from './io.ts';
import { KbClientError, type KbClient } from './kbClient.ts';

/** Lists are pasted text; a bigger file is not a list. */
const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export type LookupFormat = 'text' | 'json' | 'csv';

async function readList(input: string, io: CliIo): Promise<string> {
  if (input === '-') return new TextDecoder().decode(await io.readStdin());
  const { size } = await stat(input).catch((error: unknown) => {
    throw new KbClientError(`${input}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : error instanceof Error ? error.message : String(error)}`);
  });
  if (size > MAX_INPUT_BYTES) throw new KbClientError(`${input} is ${size.toLocaleString('en-US')} bytes; a list to look up may be up to ${MAX_INPUT_BYTES.toLocaleString('en-US')}. Split it.`);
  return readFile(input, 'utf8');
}

export async function lookUp(kb: KbClient, values: readonly PastedValue[]): Promise<LookupRow[]> {
  const rows: LookupRow[] = [];
  for (let start = 0; start < values.length; start += LOOKUP_MAX_VALUES) {
    const batch = values.slice(start, start + LOOKUP_MAX_VALUES);
    const body = { values: batch.map(({ type, value, hash_type, kind }) => ({ type, value, ...(hash_type ? { hash_type } : {}), ...(kind ? { kind } : {}) })) };
    const { values: answers } = localApiMethods.lookup.result.parse(await kb.post('lookup', JSON.stringify(body), 'application/json'));
    batch.forEach((value, index) => {
      const answer = answers[index];
      if (answer === undefined) throw new KbClientError('The local API answered fewer values than were asked; try again.');
      rows.push(lookupRow(value, answer));
    });
  }
  return rows;
}

const lists = (row: LookupRow) => row.warninglists.map((hit) => hit.list).join('; ');
const indicatorText = (row: LookupRow) => (row.indicatorState === null ? '' : `indicator ${row.indicatorState}`);

function textLine(row: LookupRow): string {
  if (row.group === 'unknown') return `unknown\t${row.type}\t${row.value}`;
  if (row.group === 'warninglist') return `warninglist\t${row.type}\t${row.value}\t${lists(row)}`;
  const details = [
    row.object ? `${row.object.type} "${row.object.name}"` : '',
    row.sources.length > 0 ? `sources: ${row.sources.map((source) => source.name).join(', ')}` : '',
    row.reports.length > 0 ? `reports: ${row.reports.map((report) => report.name).join(', ')}${row.reportCount > row.reports.length ? ` and ${row.reportCount - row.reports.length} more` : ''}` : '',
    row.firstSeen ? `seen ${row.firstSeen}..${row.lastSeen ?? row.firstSeen}` : '',
    row.tlp ? `TLP:${row.tlp.toUpperCase()}` : '',
    row.score === null ? '' : `score ${row.score}`,
    row.confidence === null ? '' : `confidence ${row.confidence}`,
    indicatorText(row),
    row.warninglists.length > 0 ? `warninglists: ${lists(row)}` : '',
  ].filter((part) => part !== '');
  return `known\t${row.type}\t${row.value}\t${details.join('\t')}`;
}

const CSV_HEADER = ['status', 'type', 'value', 'defanged', 'object_id', 'object_type', 'object_name', 'sources', 'reports', 'report_count', 'first_seen', 'last_seen', 'tlp', 'score', 'confidence', 'indicator', 'warninglists'];

function csvLine(row: LookupRow): string {
  const fields = [row.group, row.type, row.value, row.defanged ? 'yes' : '', row.object?.id ?? '', row.object?.type ?? '', row.object?.name ?? '', row.sources.map((source) => source.name).join('; '), row.reports.map((report) => report.name).join('; '), row.reportCount, row.firstSeen ?? '', row.lastSeen ?? '', row.tlp ?? '', row.score ?? '', row.confidence ?? '', row.indicatorState ?? '', lists(row)];
  return fields.map(csvField).join(',');
}

export function formatLookup(rows: readonly LookupRow[], format: LookupFormat): string {
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  if (format === 'csv') return `${[CSV_HEADER.join(','), ...rows.map(csvLine)].join('\r\n')}\r\n`;
  return rows.map((row) => `${textLine(row)}\n`).join('');
}

export function lookupSummary(rows: readonly LookupRow[]): string {
  const count = (group: LookupGroup) => rows.filter((row) => row.group === group).length.toLocaleString('en-US');
  return `${rows.length.toLocaleString('en-US')} ${rows.length === 1 ? 'value' : 'values'}: ${count('known')} known, ${count('warninglist')} on a warninglist, ${count('unknown')} unknown\n`;
}

export async function runLookup(kb: KbClient, inputs: readonly string[], format: LookupFormat, io: CliIo): Promise<number> {
  const texts = await Promise.all(inputs.map((input) => readList(input, io)));
  const values = pastedValues(texts.join('\n'));
  if (values.length === 0) {
    io.stderr(`No values found in ${inputs.join(', ')} (IP addresses, domains, URLs, e-mail addresses, hashes, CVE and ATT&CK ids are looked up).\n`);
    if (format === 'json') io.stdout('[]\n');
    return 0;
  }
  const rows = await lookUp(kb, values);
  io.stdout(formatLookup(rows, format));
  io.stderr(lookupSummary(rows));
  return 0;
}
