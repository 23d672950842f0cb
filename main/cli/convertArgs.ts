/** `magpie convert`'s options, checked: each format's options only with that format. */
import { EXPORT_FORMATS, BLOCKLIST_KINDS, type BlocklistKind, type ConvertOptions, type ExportFormat } from '../../core/exports/index.ts';
import { TLP_ORDER, type TlpLevel } from '../../core/stix/index.ts';
import { UsageError } from './io.ts';
import { convertUsage } from './usage.ts';

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

const FORMAT_OPTIONS: Readonly<Record<string, ExportFormat>> = { separator: 'csv', bom: 'csv', defang: 'txt', kinds: 'txt', 'by-kind': 'txt', info: 'misp' };

function fail(message: string): never {
  throw new UsageError(message, convertUsage);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function tlpLevel(value: string | undefined): TlpLevel | undefined {
  if (value === undefined) return undefined;
  const level = value.trim().toLowerCase().replace(/^tlp:/, '');
  // TLP 1.0's WHITE is TLP 2.0's CLEAR.
  const known = level === 'white' ? 'clear' : level;
  if (!(TLP_ORDER as readonly string[]).includes(known)) fail(`unknown TLP level "${value}" (clear, green, amber, amber+strict or red)`);
  return known as TlpLevel;
}

function kinds(value: string | undefined): BlocklistKind[] | undefined {
  if (value === undefined) return undefined;
  const list = value.split(',').map((kind) => kind.trim()).filter((kind) => kind !== '');
  const unknown = list.filter((kind) => !(BLOCKLIST_KINDS as readonly string[]).includes(kind));
  if (unknown.length > 0 || list.length === 0) fail(`unknown kind "${unknown.join(', ')}" (${BLOCKLIST_KINDS.join(', ')})`);
  return list as BlocklistKind[];
}

export function convertOptions(values: Values): ConvertOptions {
  const to = text(values['to']);
  if (to === undefined) fail('say what to convert to with --to csv, txt or misp');
  if (!(EXPORT_FORMATS as readonly string[]).includes(to)) fail(`unknown format "${to}" (csv, txt or misp)`);
  for (const [option, format] of Object.entries(FORMAT_OPTIONS)) {
    if (values[option] !== undefined && format !== to) fail(`--${option} applies to --to ${format} only`);
  }
  const maxTlp = tlpLevel(text(values['max-tlp']));
  const common = maxTlp === undefined ? {} : { maxTlp };
  if (to === 'csv') {
    const separator = text(values['separator']);
    if (separator !== undefined && separator !== ';' && separator !== ',') fail(`the separator is ; or , (not "${separator}")`);
    return { to, ...common, ...(separator === undefined ? {} : { separator }), bom: values['bom'] === true };
  }
  if (to === 'txt') {
    const only = kinds(text(values['kinds']));
    return { to, ...common, ...(only === undefined ? {} : { kinds: only }), fang: values['defang'] === true ? 'defanged' : 'refanged', layout: values['by-kind'] === true ? 'by-kind' : 'mixed' };
  }
  const info = text(values['info']);
  return { to: 'misp', ...common, ...(info === undefined ? {} : { info }) };
}
