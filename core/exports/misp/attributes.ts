/**
 * The single MISP attribute an SCO or a detection rule becomes, typed and categorised as
 * misp-stix types them on import, and why the rest are not exported.
 */
import type { JsonObject } from '../../stix/model/properties.ts';
import type { NotExportedReason } from './types.ts';

export interface Single {
  readonly type: string;
  readonly category: string;
  readonly value: string;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

const NETWORK = 'Network activity';

/** Bitcoin addresses start 1, 3 or bc1; Monero ones 4 or 8 and are 95 or 106 characters long. */
function walletType(address: string): string | undefined {
  if (/^(bc1[02-9ac-hj-np-z]{11,87}|[13][1-9A-HJ-NP-Za-km-z]{25,34})$/.test(address)) return 'btc';
  if (/^[48][1-9A-HJ-NP-Za-km-z]{94}([1-9A-HJ-NP-Za-km-z]{11})?$/.test(address)) return 'xmr';
  return undefined;
}

/** The one attribute of an SCO that MISP keeps as a plain attribute; `undefined` for the others. */
export function singleOf(sco: JsonObject): Single | undefined {
  const value = text(sco['value']);
  const of = (type: string, category: string, written = value): Single | undefined => (written === undefined ? undefined : { type, category, value: written });
  switch (sco['type']) {
    case 'ipv4-addr':
    case 'ipv6-addr':
      return of('ip-dst', NETWORK);
    case 'domain-name':
      return of('domain', NETWORK, value?.toLowerCase());
    case 'url':
      return of('url', NETWORK);
    case 'email-addr':
      return of('email', 'Payload delivery');
    case 'mac-addr':
      return of('mac-address', NETWORK);
    case 'autonomous-system':
      return typeof sco['number'] === 'number' ? of('AS', NETWORK, `AS${String(sco['number'])}`) : undefined;
    case 'mutex':
      return of('mutex', 'Artifacts dropped', text(sco['name']));
    case 'cryptocurrency-wallet': {
      const type = value === undefined ? undefined : walletType(value);
      return type === undefined ? undefined : of(type, 'Financial fraud');
    }
    default:
      return undefined;
  }
}

/** Why an SCO that maps to neither an attribute nor an object is not exported. */
export function whyNot(sco: JsonObject): NotExportedReason {
  return sco['type'] === 'cryptocurrency-wallet' ? 'wallet' : 'no-mapping';
}

/**
 * Detection rules by pattern_type: MISP has `yara`, `sigma` and `snort` attribute types and
 * writes Suricata rules as `snort` (they share the syntax), as its STIX import does.
 */
export const RULE_TYPES: Readonly<Record<string, Single['type']>> = { yara: 'yara', sigma: 'sigma', snort: 'snort', suricata: 'snort' };

export function ruleOf(indicator: JsonObject): Single | undefined {
  const patternType = typeof indicator['pattern_type'] === 'string' ? indicator['pattern_type'].toLowerCase() : '';
  const type = RULE_TYPES[patternType];
  const pattern = indicator['pattern'];
  // Byte for byte: a rule's whitespace and line breaks are part of it.
  if (type === undefined || typeof pattern !== 'string' || pattern.trim() === '') return undefined;
  return { type, category: type === 'snort' ? NETWORK : 'Payload installation', value: pattern };
}

/** A user agent read from a pattern: misp-stix's `user-agent` attribute, with no traffic to hang it on. */
export function userAgentOf(properties: JsonObject): Single | undefined {
  const extensions = properties['extensions'];
  if (typeof extensions !== 'object' || extensions === null) return undefined;
  const http = (extensions as Record<string, unknown>)['http-request-ext'];
  const header = typeof http === 'object' && http !== null ? (http as Record<string, unknown>)['request_header'] : undefined;
  const agent = typeof header === 'object' && header !== null ? text((header as Record<string, unknown>)['User-Agent']) : undefined;
  const others = Object.keys(properties).filter((key) => key !== 'extensions' && key !== 'type' && key !== 'id');
  return agent === undefined || others.length > 0 ? undefined : { type: 'user-agent', category: NETWORK, value: agent };
}

/** A registry key read from a pattern alone: `regkey`, or `regkey|value` with its data. */
export function registryOf(properties: JsonObject): Single | undefined {
  const key = text(properties['key']);
  if (key === undefined) return undefined;
  const values = Array.isArray(properties['values']) ? properties['values'] : [];
  const first: unknown = values[0];
  const data = typeof first === 'object' && first !== null ? text((first as Record<string, unknown>)['data']) : undefined;
  return data === undefined ? { type: 'regkey', category: 'Persistence mechanism', value: key } : { type: 'regkey|value', category: 'Persistence mechanism', value: `${key}|${data}` };
}
