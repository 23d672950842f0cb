/**
 * Warninglists compiled for lookups: hashed sets for strings and hostnames, sorted ranges
 * for CIDR lists (cidrIndex.ts), so asking about a value costs a few hash probes and one
 * binary search per list, never a scan over the entries.
 */
import { cidrIndex, type CidrIndex } from './cidrIndex.ts';
import { subjectOf, suffixesOf, type ValueSubject } from './subject.ts';
import type { Warninglist, WarninglistHit } from './types.ts';

/** MISP attribute types that a STIX value of each type is matched as. */
const ATTRIBUTE_TYPES: Readonly<Record<string, readonly string[]>> = {
  'ipv4-addr': ['ip-src', 'ip-dst', 'ip-src|port', 'ip-dst|port', 'domain|ip', 'ip'],
  'ipv6-addr': ['ip-src', 'ip-dst', 'ip-src|port', 'ip-dst|port', 'domain|ip', 'ip'],
  'domain-name': ['domain', 'hostname', 'domain|ip'],
  url: ['url', 'uri', 'link'],
  'email-addr': ['email', 'email-src', 'email-dst', 'target-email', 'whois-registrant-email'],
  file: ['md5', 'sha1', 'sha256', 'sha512', 'filename', 'filename|md5', 'filename|sha1', 'filename|sha256', 'filename|sha512'],
};

interface CompiledWarninglist {
  readonly hit: WarninglistHit;
  readonly attributes: ReadonlySet<string> | undefined;
  holds(subject: ValueSubject): boolean;
}

function matcher(list: Warninglist): (subject: ValueSubject) => boolean {
  const entries = list.values.map((value) => value.trim().toLowerCase().replace(/\.$/, '')).filter((value) => value !== '');
  switch (list.type) {
    case 'cidr': {
      const index: CidrIndex = cidrIndex(entries);
      return (subject) => subject.ip !== undefined && index.has(subject.ip);
    }
    case 'hostname': {
      // MISP hostname entries match the host and its subdomains; a leading `*.` or `.` says the same.
      const hosts = new Set(entries.map((entry) => entry.replace(/^\*?\./, '')));
      return (subject) => {
        if (hosts.has(subject.value)) return true;
        if (subject.host === undefined) return false;
        for (const suffix of suffixesOf(subject.host)) if (hosts.has(suffix)) return true;
        return false;
      };
    }
    case 'string': {
      const strings = new Set(entries);
      return (subject) => strings.has(subject.value);
    }
    case 'substring':
      return (subject) => entries.some((entry) => subject.value.includes(entry));
  }
}

function compile(list: Warninglist): CompiledWarninglist {
  return {
    hit: { list: list.name, category: list.category, ...(list.version === undefined ? {} : { version: list.version }) },
    attributes: list.matchingAttributes === undefined || list.matchingAttributes.length === 0 ? undefined : new Set(list.matchingAttributes),
    holds: matcher(list),
  };
}

function applies(list: CompiledWarninglist, type: string): boolean {
  if (list.attributes === undefined) return true;
  return (ATTRIBUTE_TYPES[type] ?? []).some((attribute) => list.attributes?.has(attribute));
}

export interface WarninglistIndex {
  /** The lists that hold a value of a STIX type (`ipv4-addr`, `domain-name`, `url`, …), false-positive lists first. */
  hits(value: string, type: string): WarninglistHit[];
  readonly lists: readonly WarninglistHit[];
}

export function warninglistIndex(lists: readonly Warninglist[]): WarninglistIndex {
  const compiled = lists.map(compile);
  return {
    lists: compiled.map((list) => list.hit),
    hits(value, type) {
      const subject = subjectOf(value, type);
      const found = compiled.filter((list) => applies(list, type) && list.holds(subject)).map((list) => list.hit);
      return found.sort((a, b) => (a.category === b.category ? 0 : a.category === 'false-positive' ? -1 : 1));
    },
  };
}

/** Whether any hit makes the value benign (a false-positive list), not only context. */
export function isBenignHit(hits: readonly WarninglistHit[]): boolean {
  return hits.some((hit) => hit.category === 'false-positive');
}
