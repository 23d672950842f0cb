/**
 * Runs every scanner over one prepared text and settles overlaps: a URL owns its span
 * (only IPs, CVE ids and hashes in its path are also reported), an e-mail address, a
 * registry key, an SSDEEP hash or a wallet owns its span, and a file name that is
 * also a kept domain is reported once, as the domain.
 */
import type { MappedText } from '../mappedText.ts';
import { isDefanged } from '../mappedText.ts';
import { scanIPv4, scanIPv6, scanMacAddresses } from './addresses.ts';
import type { Candidate } from './candidate.ts';
import { readsAsHost } from './extensionTlds.ts';
import { scanFileNames } from './fileNames.ts';
import { scanHashes } from './hashes.ts';
import { scanDomains, scanEmails } from './hosts.ts';
import { scanIdentifiers } from './identifiers.ts';
import { scanRegistryKeys } from './registry.ts';
import { scanUrls } from './urls.ts';
import { scanWallets } from './wallets.ts';

import { SpanIndex, type Span } from './spanIndex.ts';

/** Appends without spreading: a hostile page yields more candidates than a call has arguments. */
function append<T>(into: T[], items: readonly T[]): void {
  for (const item of items) into.push(item);
}

export function scanAll(mapped: MappedText): Candidate[] {
  const urls = scanUrls(mapped);
  const emails = scanEmails(mapped);
  const registry = scanRegistryKeys(mapped);
  const hashes = scanHashes(mapped);
  const wallets = scanWallets(mapped);
  const ipv6 = scanIPv6(mapped);
  const ssdeep = hashes.filter((hash) => hash.hash_type === 'SSDEEP');
  const owners = new SpanIndex<Span>([...emails.filter((email) => email.type === 'email-addr'), ...registry, ...ssdeep, ...wallets]);
  const urlSpans = new SpanIndex(urls.spans);

  const result: Candidate[] = [...urls.candidates];
  const insideUrlPath = (candidate: Candidate): boolean => {
    const span = urlSpans.containing(candidate);
    return span !== undefined && candidate.end <= span.queryStart;
  };
  const allowedInUrl = (candidate: Candidate): boolean =>
    (candidate.type === 'ipv4-addr' && candidate.cidr !== true) || candidate.type === 'vulnerability' || (candidate.type === 'file' && candidate.kind === undefined && insideUrlPath(candidate));
  const keep = (candidate: Candidate, extraOwners?: SpanIndex): boolean =>
    (!urlSpans.overlaps(candidate) || allowedInUrl(candidate)) && !owners.overlaps(candidate) && extraOwners?.overlaps(candidate) !== true;

  append(result, emails.filter((candidate) => !urlSpans.overlaps(candidate)));
  append(result, registry);
  append(result, ssdeep);
  append(result, wallets.filter((wallet) => !urlSpans.overlaps(wallet)));

  const domains = scanDomains(mapped).filter((domain) => keep(domain) && (domain.filenameLike !== true || isDefanged(mapped, domain.start, domain.end) || readsAsHost(mapped.text, domain.start, domain.end)));
  append(result, domains);
  append(result, ipv6.filter((candidate) => keep(candidate)));
  const ipv6Index = new SpanIndex(ipv6);
  append(result, scanIPv4(mapped).filter((candidate) => keep(candidate, ipv6Index)));
  append(result, scanMacAddresses(mapped).filter((candidate) => keep(candidate)));
  append(result, hashes.filter((hash) => hash.hash_type !== 'SSDEEP' && keep(hash)));
  append(result, scanIdentifiers(mapped).filter((candidate) => keep(candidate)));
  const domainIndex = new SpanIndex(domains);
  append(result, scanFileNames(mapped).filter((candidate) => keep(candidate, domainIndex)));
  return result;
}
