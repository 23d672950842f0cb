/**
 * The warninglists Magpie ships (resources/warninglists, with their provenance in its
 * README), read with the same parser as a list the analyst adds from disk.
 */
import cloudHosting from '../../resources/warninglists/cloud-hosting-domains.json' with { type: 'json' };
import cloudflare from '../../resources/warninglists/cloudflare.json' with { type: 'json' };
import fastly from '../../resources/warninglists/fastly.json' with { type: 'json' };
import freeMail from '../../resources/warninglists/free-mail.json' with { type: 'json' };
import publicDnsV4 from '../../resources/warninglists/public-dns-v4.json' with { type: 'json' };
import publicDnsV6 from '../../resources/warninglists/public-dns-v6.json' with { type: 'json' };
import rfc1918 from '../../resources/warninglists/rfc1918.json' with { type: 'json' };
import rfc5735 from '../../resources/warninglists/rfc5735.json' with { type: 'json' };
import rfc6890v6 from '../../resources/warninglists/rfc6890-ipv6.json' with { type: 'json' };
import vendors from '../../resources/warninglists/security-vendors-and-certs.json' with { type: 'json' };
import topDomains from '../../resources/warninglists/top-domains.json' with { type: 'json' };
import shorteners from '../../resources/warninglists/url-shorteners.json' with { type: 'json' };
import { parseMispWarninglist } from './parse.ts';
import type { Warninglist } from './types.ts';

export const SHIPPED_WARNINGLISTS: readonly Warninglist[] = [
  publicDnsV4, publicDnsV6, rfc1918, rfc5735, rfc6890v6, cloudflare, fastly, topDomains, vendors, cloudHosting, shorteners, freeMail,
].map((json) => parseMispWarninglist(json));

/** The analyst's choices: lists turned off (by name) and copies added from disk. */
export interface WarninglistChoices {
  readonly disabled?: readonly string[];
  readonly added?: readonly Warninglist[];
}

/**
 * The lists in force: the shipped ones, each replaced by an added copy of the same name
 * (a newer MISP release), then the other added ones, less those turned off.
 */
export function activeWarninglists(choices: WarninglistChoices = {}, shipped: readonly Warninglist[] = SHIPPED_WARNINGLISTS): Warninglist[] {
  const added = new Map((choices.added ?? []).map((list) => [list.name, list]));
  const off = new Set(choices.disabled ?? []);
  const merged = [...shipped.map((list) => added.get(list.name) ?? list), ...[...added.values()].filter((list) => !shipped.some((own) => own.name === list.name))];
  return merged.filter((list) => !off.has(list.name));
}
