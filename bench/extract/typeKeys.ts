/**
 * Maps extracted indicators to the type keys and value normalisation of the shared
 * ioc-cases (fixtures/ioc-cases/README.md). Reserved IPs count under their address type
 * and also under `ip_reserved`, which no case checks yet.
 */
import type { ExtractedIndicator } from '../../core/extract/types.ts';

export type TypeKey =
  | 'ipv4' | 'ipv6' | 'ip_reserved' | 'cidr' | 'domain' | 'url' | 'email' | 'md5' | 'sha1' | 'sha256' | 'sha512' | 'cve' | 'attack' | 'btc' | 'xmr' | 'filename' | 'registry' | 'asn';

export const TYPE_KEYS: readonly TypeKey[] = [
  'ipv4', 'ipv6', 'ip_reserved', 'cidr', 'domain', 'url', 'email', 'md5', 'sha1', 'sha256', 'sha512', 'cve', 'attack', 'btc', 'xmr', 'filename', 'registry', 'asn',
];

const HASH_KEYS: Readonly<Record<string, TypeKey>> = { MD5: 'md5', 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-512': 'sha512' };

/** The README's normalisation: lower-case hosts, hashes and e-mail domains; upper-case ids. */
export function normaliseValue(key: TypeKey, value: string): string {
  switch (key) {
    case 'domain':
      return value.toLowerCase().replace(/\.$/, '');
    case 'url':
      return value.replace(/^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)/i, (_all, scheme: string, authority: string) => scheme.toLowerCase() + authority.toLowerCase());
    case 'email':
      // Sources differ on local-part case (ioc-finder folds it); compare case-insensitively.
      return value.toLowerCase();
    case 'md5':
    case 'sha1':
    case 'sha256':
    case 'sha512':
    case 'ipv6':
      return value.toLowerCase();
    case 'cve':
    case 'attack':
      return value.toUpperCase();
    case 'asn':
      return `AS${value.replace(/^\D+/, '')}`;
    default:
      return value;
  }
}

export function typeKeysOf(indicator: ExtractedIndicator): { key: TypeKey; value: string }[] {
  const keys: TypeKey[] = [];
  switch (indicator.type) {
    case 'ipv4-addr':
    case 'ipv6-addr':
      if (indicator.cidr === true) keys.push('cidr');
      else {
        keys.push(indicator.type === 'ipv4-addr' ? 'ipv4' : 'ipv6');
        if (indicator.flags.some((flag) => flag.code === 'reserved')) keys.push('ip_reserved');
      }
      break;
    case 'domain-name':
      keys.push('domain');
      break;
    case 'url':
      keys.push('url');
      break;
    case 'email-addr':
      keys.push('email');
      break;
    case 'file':
      if (indicator.kind === 'name') keys.push('filename');
      else if (indicator.hash_type !== undefined && HASH_KEYS[indicator.hash_type] !== undefined) keys.push(HASH_KEYS[indicator.hash_type] as TypeKey);
      break;
    case 'vulnerability':
      keys.push('cve');
      break;
    case 'attack-pattern':
      keys.push('attack');
      break;
    case 'cryptocurrency-wallet':
      if (indicator.currency === 'BTC') keys.push('btc');
      if (indicator.currency === 'XMR') keys.push('xmr');
      break;
    case 'windows-registry-key':
      keys.push('registry');
      break;
    case 'autonomous-system':
      keys.push('asn');
      break;
    case 'mac-addr':
      break;
  }
  return keys.map((key) => ({ key, value: normaliseValue(key, indicator.value) }));
}
