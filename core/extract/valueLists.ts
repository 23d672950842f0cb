/**
 * Allow and deny lists: the built-in defaults (resources/extraction), the user's lists
 * and imported MISP warning lists. An entry matches a host and its subdomains, an exact
 * value, or (for IPs) a CIDR block.
 */
import ipaddr from 'ipaddr.js';
import benignDomains from '../../resources/extraction/benign-domains.json' with { type: 'json' };
import freemailDomains from '../../resources/extraction/freemail-domains.json' with { type: 'json' };
import publisherDomains from '../../resources/extraction/publisher-domains.json' with { type: 'json' };
import type { ValueList } from './types.ts';

export const BUILTIN_BENIGN: ValueList = { name: benignDomains.name, values: benignDomains.values };
export const BUILTIN_PUBLISHERS: ValueList = { name: publisherDomains.name, values: publisherDomains.values };
export const BUILTIN_FREEMAIL: ValueList = { name: freemailDomains.name, values: freemailDomains.values };

/** The parts of an indicator that list entries are compared with. */
export interface ListSubject {
  /** The canonical value, lower-cased. */
  value: string;
  /** The host for domains, URLs and e-mail addresses. */
  host?: string;
  /** The address for IPs (without a prefix). */
  ip?: ipaddr.IPv4 | ipaddr.IPv6;
}

type Matcher = (subject: ListSubject) => boolean;

function hostMatcher(suffix: string): Matcher {
  return (subject) => subject.host !== undefined && (subject.host === suffix || subject.host.endsWith(`.${suffix}`));
}

function matcherFor(entry: string): Matcher | undefined {
  const trimmed = entry.trim().toLowerCase().replace(/\.$/, '');
  if (trimmed === '') return undefined;
  if (ipaddr.isValidCIDR(trimmed)) {
    const [network, prefix] = ipaddr.parseCIDR(trimmed);
    return (subject) => subject.ip !== undefined && subject.ip.kind() === network.kind() && subject.ip.match(network, prefix);
  }
  if (ipaddr.isValid(trimmed)) {
    const address = ipaddr.parse(trimmed).toNormalizedString();
    return (subject) => subject.ip?.toNormalizedString() === address;
  }
  if (/^\*?\.?[a-z0-9_-]+(?:\.[a-z0-9_-]+)+$/.test(trimmed)) {
    const suffix = trimmed.replace(/^\*?\./, '');
    const byHost = hostMatcher(suffix);
    return (subject) => byHost(subject) || subject.value === suffix;
  }
  return (subject) => subject.value === trimmed;
}

/** A compiled list: answers which list (by name) holds a subject, if any. */
export interface CompiledLists {
  find(subject: ListSubject): string | undefined;
}

export function compileLists(lists: readonly ValueList[]): CompiledLists {
  const compiled = lists.map((list) => ({ name: list.name, matchers: list.values.map(matcherFor).filter((matcher) => matcher !== undefined) }));
  return {
    find(subject) {
      return compiled.find((list) => list.matchers.some((matcher) => matcher(subject)))?.name;
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
