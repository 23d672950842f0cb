/**
 * What the public suffix list says about a host name: its registered domain, its public
 * suffix, and its parent when that is a third, distinct name. tldts carries the list, so
 * nothing here is a hand-written TLD table.
 */
import { parse } from 'tldts';

export type SuffixKind = 'icann' | 'private' | 'unlisted' | 'ip';

export interface DomainFacts {
  /** The host as compared: lower case, without a trailing dot. */
  host: string;
  /** The registrable domain (one label under the public suffix), or null for a bare suffix or an IP. */
  registered: string | null;
  publicSuffix: string | null;
  /** The host minus its first label, only when it differs from both the host and the registered domain. */
  parent: string | null;
  suffixKind: SuffixKind;
}

/** A host as it should be compared and stored: DNS names are case-insensitive, and `a.b.` names the same node as `a.b`. */
export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '');
}

export function domainFacts(value: string): DomainFacts {
  const host = normalizeHost(value);
  // Private suffixes on: `victim.github.io` is the attacker-controlled unit, not `github.io`.
  const parsed = parse(host, { allowPrivateDomains: true, extractHostname: false });
  if (parsed.isIp === true) return { host, registered: null, publicSuffix: null, parent: null, suffixKind: 'ip' };
  const registered = parsed.domain;
  const suffixKind: SuffixKind = parsed.isPrivate === true ? 'private' : parsed.isIcann === true ? 'icann' : 'unlisted';
  const dot = host.indexOf('.');
  const candidate = dot < 0 ? null : host.slice(dot + 1);
  const parent = registered !== null && candidate !== null && candidate !== registered && candidate.endsWith(`.${registered}`) ? candidate : null;
  return { host, registered, publicSuffix: parsed.publicSuffix, parent, suffixKind };
}

const SUFFIX_KIND_TEXT: Readonly<Record<SuffixKind, string>> = {
  icann: 'ICANN suffix',
  private: 'private suffix (a hosting or dynamic-DNS provider: each name under it is a separate owner)',
  unlisted: 'not on the public suffix list (the last label is taken as the suffix)',
  ip: 'an IP address, not a name',
};

export function domainFactList(facts: DomainFacts): { label: string; value: string }[] {
  return [
    { label: 'Registered domain', value: facts.registered ?? '(none)' },
    { label: 'Public suffix', value: facts.publicSuffix ?? '(none)' },
    { label: 'Suffix type', value: SUFFIX_KIND_TEXT[facts.suffixKind] },
    ...(facts.parent !== null ? [{ label: 'Parent domain', value: facts.parent }] : []),
  ];
}
