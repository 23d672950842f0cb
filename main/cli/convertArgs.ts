/** `magpie convert`'s options, checked: each format's options only with that format. */
import { ATTACK_DOMAINS, isAttackDomain, type AttackDomain } from '../../core/attack/domains.ts';
import { EXPORT_FORMATS, BLOCKLIST_KINDS, leftOutSentence, type BlocklistKind, type ConvertOptions, type ConvertResult, type LeaveOutOptions } from '../../core/exports/index.ts';
import { TLP_ORDER, type TlpLevel } from '../../core/stix/index.ts';
import { leaveOutOptions } from './leaveOutArgs.ts';
import { UsageError } from './io.ts';
import { convertUsage } from './usage.ts';

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** Issue 15: the Navigator layer of one object of the bundle (core/attack, as the app's matrix). */
export interface NavigatorLayerOptions {
  readonly to: 'navigator-layer';
  readonly object: string;
  readonly domain?: AttackDomain;
}

/** Issue 20, point 4: a MISP feed folder (core/exports/mispFeed.ts) written under `out`. */
export interface MispFeedCliOptions {
  readonly to: 'misp-feed';
  readonly out: string;
  readonly maxTlp?: TlpLevel;
  readonly info?: string;
  readonly orgName?: string;
  readonly leaveOut?: LeaveOutOptions;
}

export type CliConvertOptions = ConvertOptions | NavigatorLayerOptions | MispFeedCliOptions;

const FORMATS = [...EXPORT_FORMATS, 'misp-feed', 'navigator-layer'] as const;
const FORMAT_LIST = 'csv, txt, misp, misp-feed or navigator-layer';

const FORMAT_OPTIONS: Readonly<Record<string, readonly (typeof FORMATS)[number][]>> = {
  separator: ['csv'], bom: ['csv'], defang: ['txt'], kinds: ['txt'], 'by-kind': ['txt'], info: ['misp', 'misp-feed'], uuid: ['misp'], org: ['misp-feed'], out: ['misp-feed'],
  object: ['navigator-layer'], domain: ['navigator-layer'],
};

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

function navigatorLayerOptions(values: Values): NavigatorLayerOptions {
  const object = text(values['object'])?.trim();
  if (!object) fail('--to navigator-layer needs --object <STIX id> (the intrusion set, campaign, software or report whose techniques to write)');
  if (values['max-tlp'] !== undefined) fail('--max-tlp does not apply to --to navigator-layer (a layer holds ATT&CK ids only)');
  const domain = text(values['domain']);
  if (domain === undefined) return { to: 'navigator-layer', object };
  if (!isAttackDomain(domain)) fail(`unknown domain "${domain}" (${ATTACK_DOMAINS.join(', ')})`);
  return { to: 'navigator-layer', object, domain };
}

export function convertOptions(values: Values): CliConvertOptions {
  const to = text(values['to']);
  if (to === undefined) fail(`say what to convert to with --to ${FORMAT_LIST}`);
  if (!(FORMATS as readonly string[]).includes(to)) fail(`unknown format "${to}" (${FORMAT_LIST})`);
  for (const [option, formats] of Object.entries(FORMAT_OPTIONS)) {
    if (values[option] !== undefined && !(formats as readonly string[]).includes(to)) fail(`--${option} applies to --to ${formats.join(' and ')} only`);
  }
  if (to === 'navigator-layer') return navigatorLayerOptions(values);
  const maxTlp = tlpLevel(text(values['max-tlp']));
  // Issue 21: a conversion leaves out revoked, expired and warninglisted values unless told to include them.
  const common = { ...(maxTlp === undefined ? {} : { maxTlp }), leaveOut: leaveOutOptions(values) };
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
  if (to === 'misp-feed') {
    const out = text(values['out'])?.trim();
    if (!out) fail('--to misp-feed needs --out <folder>: the feed is a folder (manifest.json, hashes.csv, one <uuid>.json per event)');
    const orgName = text(values['org'])?.trim();
    return { to, out, ...common, ...(info === undefined ? {} : { info }), ...(orgName ? { orgName } : {}) };
  }
  const uuid = text(values['uuid'])?.trim().toLowerCase();
  if (uuid !== undefined && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(uuid)) fail(`--uuid wants a UUID such as 5f2b7c1e-3a4d-4e5f-8a9b-0c1d2e3f4a5b (not "${uuid}")`);
  return { to: 'misp', ...common, ...(info === undefined ? {} : { info }), ...(uuid === undefined ? {} : { uuid }) };
}

/** The stderr line, or undefined when nothing was left out. */
export function leftOutNote(result: Pick<ConvertResult, 'leftOut' | 'leftOutValues'>): string | undefined {
  const sentence = leftOutSentence(result.leftOut, result.leftOutValues);
  return sentence === undefined ? undefined : `magpie: note: ${sentence}; --include-revoked, --include-expired, --include-warninglisted or --include-all to export them\n`;
}
