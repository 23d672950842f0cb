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
import { scanFileNames } from './fileNames.ts';
import { scanHashes } from './hashes.ts';
import { scanDomains, scanEmails } from './hosts.ts';
import { scanIdentifiers } from './identifiers.ts';
import { scanRegistryKeys } from './registry.ts';
import { scanUrls } from './urls.ts';
import { scanWallets } from './wallets.ts';

interface Span {
  start: number;
  end: number;
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

function overlapsAny(candidate: Span, spans: readonly Span[]): boolean {
  return spans.some((span) => overlaps(candidate, span));
}

export function scanAll(mapped: MappedText): Candidate[] {
  const urls = scanUrls(mapped);
  const emails = scanEmails(mapped);
  const registry = scanRegistryKeys(mapped);
  const hashes = scanHashes(mapped);
  const wallets = scanWallets(mapped);
  const ipv6 = scanIPv6(mapped);
  const ssdeep = hashes.filter((hash) => hash.hash_type === 'SSDEEP');
  const owners: Span[] = [...emails.filter((email) => email.type === 'email-addr'), ...registry, ...ssdeep, ...wallets];

  const result: Candidate[] = [...urls.candidates];
  const insideUrlPath = (candidate: Candidate): boolean =>
    urls.spans.some((span) => candidate.start >= span.start && candidate.end <= span.queryStart);
  const allowedInUrl = (candidate: Candidate): boolean =>
    (candidate.type === 'ipv4-addr' && candidate.cidr !== true) || candidate.type === 'vulnerability' || (candidate.type === 'file' && candidate.kind === undefined && insideUrlPath(candidate));
  const keep = (candidate: Candidate, extraOwners: readonly Span[] = []): boolean =>
    (!overlapsAny(candidate, urls.spans) || allowedInUrl(candidate)) && !overlapsAny(candidate, owners) && !overlapsAny(candidate, extraOwners);

  result.push(...emails.filter((candidate) => !overlapsAny(candidate, urls.spans)));
  result.push(...registry, ...ssdeep, ...wallets.filter((wallet) => !overlapsAny(wallet, urls.spans)));

  const domains = scanDomains(mapped).filter((domain) => keep(domain) && (domain.filenameLike !== true || isDefanged(mapped, domain.start, domain.end)));
  result.push(...domains);
  result.push(...ipv6.filter((candidate) => keep(candidate)));
  result.push(...scanIPv4(mapped).filter((candidate) => keep(candidate, ipv6)));
  result.push(...scanMacAddresses(mapped).filter((candidate) => keep(candidate)));
  result.push(...hashes.filter((hash) => hash.hash_type !== 'SSDEEP' && keep(hash)));
  result.push(...scanIdentifiers(mapped).filter((candidate) => keep(candidate)));
  result.push(...scanFileNames(mapped).filter((candidate) => keep(candidate, domains)));
  return result;
}
