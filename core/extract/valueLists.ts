/**
 * Allow and deny lists: the built-in defaults (resources/extraction), the user's lists
 * and imported MISP warning lists. An entry matches a host and its subdomains, an exact
 * value, or (for IPs) a CIDR block.
 */
import ipaddr from 'ipaddr.js';
import benignDomains from '../../resources/extraction/benign-domains.json' with { type: 'json' };
import freemailDomains from '../../resources/extraction/freemail-domains.json' with { type: 'json' };
import publisherDomains from '../../resources/extraction/publisher-domains.json' with { type: 'json' };
import { suffixesOf, type ValueSubject } from '../warninglists/subject.ts';
import type { ValueList } from './types.ts';

export const BUILTIN_BENIGN: ValueList = { name: benignDomains.name, values: benignDomains.values };
export const BUILTIN_PUBLISHERS: ValueList = { name: publisherDomains.name, values: publisherDomains.values };
export const BUILTIN_FREEMAIL: ValueList = { name: freemailDomains.name, values: freemailDomains.values };

/** The parts of an indicator that list entries are compared with. */
export type ListSubject = ValueSubject;

/**
 * One list, compiled to hashed lookups: MISP warning lists run to hundreds of thousands of
 * entries, and testing each entry for each indicator made a long report crawl. CIDR
 * blocks are few and are tested in turn.
 */
interface CompiledList {
  name: string;
  /** Domains matching themselves and their subdomains; also compared with whole values. */
  suffixes: Set<string>;
  exact: Set<string>;
  addresses: Set<string>;
  blocks: [ipaddr.IPv4 | ipaddr.IPv6, number][];
}

function compileList(list: ValueList): CompiledList {
  const compiled: CompiledList = { name: list.name, suffixes: new Set(), exact: new Set(), addresses: new Set(), blocks: [] };
  for (const entry of list.values) {
    const trimmed = entry.trim().toLowerCase().replace(/\.$/, '');
    if (trimmed === '') continue;
    if (ipaddr.isValidCIDR(trimmed)) compiled.blocks.push(ipaddr.parseCIDR(trimmed));
    else if (ipaddr.isValid(trimmed)) compiled.addresses.add(ipaddr.parse(trimmed).toNormalizedString());
    else if (/^\*?\.?[a-z0-9_-]+(?:\.[a-z0-9_-]+)+$/.test(trimmed)) compiled.suffixes.add(trimmed.replace(/^\*?\./, ''));
    else compiled.exact.add(trimmed);
  }
  return compiled;
}

function holds(list: CompiledList, subject: ListSubject): boolean {
  if (list.exact.has(subject.value) || list.suffixes.has(subject.value)) return true;
  if (subject.host !== undefined) for (const suffix of suffixesOf(subject.host)) if (list.suffixes.has(suffix)) return true;
  const ip = subject.ip;
  if (ip !== undefined) {
    if (list.addresses.has(ip.toNormalizedString())) return true;
    if (list.blocks.some(([network, prefix]) => ip.kind() === network.kind() && ip.match(network, prefix))) return true;
  }
  return false;
}

/** A compiled list: answers which list (by name) holds a subject, if any. */
export interface CompiledLists {
  find(subject: ListSubject): string | undefined;
}

export function compileLists(lists: readonly ValueList[]): CompiledLists {
  const compiled = lists.map(compileList);
  return {
    find(subject) {
      return compiled.find((list) => holds(list, subject))?.name;
    },
  };
}

/** Free-mail providers: only the bare domain (or its `www.`) is benign, never an address. */
export function compileExactDomains(list: ValueList): CompiledLists {
  const domains = new Set(list.values.map((value) => value.toLowerCase()));
  return {
    find(subject) {
      if (subject.host === undefined || subject.value !== subject.host) return undefined;
      return domains.has(subject.host.replace(/^www\./, '')) ? list.name : undefined;
    },
  };
}
