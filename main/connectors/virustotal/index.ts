/**
 * VirusTotal (issue 8): API v3 lookups of files by hash, addresses, domains and URLs
 * (https://docs.virustotal.com/reference/overview), converted by convert.ts. The service
 * (main/enrichment) has already checked the observable's TLP, the quota and the cache
 * before `enrich` is called; this file only chooses the requests.
 */
import { z } from 'zod';
import { identityId, type JsonObject } from '../../../core/stix/index.ts';
import { HttpError } from '../../services/http/httpError.ts';
import type { EnrichmentConnector, EnrichmentContext, EnrichmentResult, HttpClient, HttpRequestOptions } from '../types.ts';
import { domainToStix, fileToStix, ipToStix, urlToStix } from './convert.ts';
import type { EnrichmentResult as Converted } from './enrichment.ts';
import { parseDomain, parseFile, parseIpAddress, parseResolutions, parseUrl, VirusTotalError, type Resolution } from './schema.ts';

const EPOCH = '2026-01-01T00:00:00.000Z';

export const virusTotalIdentity: JsonObject = {
  type: 'identity', spec_version: '2.1', id: identityId('VirusTotal', 'organization'), created: EPOCH, modified: EPOCH,
  name: 'VirusTotal', identity_class: 'organization',
  external_references: [{ source_name: 'VirusTotal', url: 'https://www.virustotal.com' }],
};

export const configSchema = z.object({
  apiKey: z.string().min(1).meta({ title: 'API key', description: 'Your VirusTotal API key (Settings → API key on virustotal.com).', secret: true }),
  baseUrl: z.url().default('https://www.virustotal.com/api/v3').meta({ title: 'API base URL', widget: 'url' }),
  passiveDns: z.boolean().default(true).meta({
    title: 'Passive DNS',
    description: 'Also fetch resolutions for addresses and domains: one more request each, counted against the quota.',
  }),
  resolutionLimit: z.number().int().min(1).max(40).default(20).meta({ title: 'Resolutions per lookup' }),
});
export type VirusTotalConfig = z.infer<typeof configSchema>;

/** VirusTotal answers are a few hundred KB at most; a cap keeps a broken proxy from filling memory. */
const REQUEST: HttpRequestOptions = { accept: ['application/json'], maxBytes: 16 * 1024 * 1024 };

/** VirusTotal's URL identifier: the URL in unpadded base64url (API v3, "URL identifiers"). */
export function urlIdentifier(url: string): string {
  return Buffer.from(url, 'utf8').toString('base64url');
}

/** The strongest hash the file has: VirusTotal takes MD5, SHA-1 or SHA-256. */
export function lookupHash(observable: JsonObject): string | undefined {
  const hashes = observable['hashes'];
  if (typeof hashes !== 'object' || hashes === null || Array.isArray(hashes)) return undefined;
  const known = hashes as Record<string, unknown>;
  for (const [algorithm, length] of [['SHA-256', 64], ['SHA-1', 40], ['MD5', 32]] as const) {
    const value = known[algorithm];
    if (typeof value === 'string' && new RegExp(`^[0-9a-f]{${String(length)}}$`, 'i').test(value.trim())) return value.trim().toLowerCase();
  }
  return undefined;
}

function base(config: VirusTotalConfig): string {
  return config.baseUrl.replace(/\/+$/, '');
}

async function getJson(http: HttpClient, url: string, apiKey: string): Promise<unknown> {
  const response = await http.get(url, { ...REQUEST, auth: { type: 'header', name: 'x-apikey', value: apiKey } });
  return response.json();
}

/** Passive DNS is a bonus: when it fails, the lookup still stands, with a warning. */
async function resolutionsOf(context: EnrichmentContext<VirusTotalConfig>, path: string, warnings: string[]): Promise<Resolution[]> {
  const { config } = context;
  if (!config.passiveDns) return [];
  try {
    const json = await getJson(context.http, `${base(config)}${path}/resolutions?limit=${String(config.resolutionLimit)}`, config.apiKey);
    return parseResolutions(json);
  } catch (error) {
    // Only this request's own failures are swallowed: rate limits, cancellation and the
    // service's quota refusal must stop the whole lookup.
    const own = (error instanceof HttpError && error.status !== 429 && error.code !== 'aborted') || error instanceof VirusTotalError;
    if (!own || context.signal.aborted) throw error;
    warnings.push(`Passive DNS was not fetched: ${error.message}`);
    return [];
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof HttpError && error.status === 404;
}

async function lookup(context: EnrichmentContext<VirusTotalConfig>, warnings: string[]): Promise<Converted> {
  const { observable, config, http } = context;
  const options = { identityId: String(context.identity['id']), now: context.now };
  const value = String(observable['value']);
  switch (observable['type']) {
    case 'file': {
      const hash = lookupHash(observable);
      if (hash === undefined) throw new Error('This file has no MD5, SHA-1 or SHA-256 hash to look up on VirusTotal.');
      return fileToStix(observable, parseFile(await getJson(http, `${base(config)}/files/${hash}`, config.apiKey)), options);
    }
    case 'ipv4-addr':
    case 'ipv6-addr': {
      const path = `/ip_addresses/${encodeURIComponent(value)}`;
      const answer = parseIpAddress(await getJson(http, `${base(config)}${path}`, config.apiKey));
      return ipToStix(observable, answer, options, await resolutionsOf(context, path, warnings));
    }
    case 'domain-name': {
      const path = `/domains/${encodeURIComponent(value.trim().toLowerCase().replace(/\.$/, ''))}`;
      const answer = parseDomain(await getJson(http, `${base(config)}${path}`, config.apiKey));
      return domainToStix(observable, answer, options, await resolutionsOf(context, path, warnings));
    }
    case 'url':
      return urlToStix(observable, parseUrl(await getJson(http, `${base(config)}/urls/${urlIdentifier(value)}`, config.apiKey)), options);
    default:
      throw new Error(`VirusTotal does not look up ${String(observable['type'])} observables.`);
  }
}

async function enrich(context: EnrichmentContext<VirusTotalConfig>): Promise<EnrichmentResult> {
  const warnings: string[] = [];
  let converted: Converted;
  try {
    converted = await lookup(context, warnings);
  } catch (error) {
    // Unknown to VirusTotal is an answer, not a failure.
    if (isNotFound(error)) return { objects: [], warnings, summary: 'VirusTotal has no record of this observable.' };
    throw error;
  }
  const note = converted.objects.find((object) => object['type'] === 'note');
  const abstract = typeof note?.['abstract'] === 'string' ? note['abstract'] : 'VirusTotal answered';
  return { objects: converted.objects, warnings: [...warnings, ...converted.warnings], summary: abstract };
}

export const connector: EnrichmentConnector<typeof configSchema> = {
  id: 'virustotal',
  kind: 'internal-enrichment',
  name: 'VirusTotal',
  description: 'Detection ratios, file details, AS, country and passive DNS from VirusTotal (API key required).',
  config: configSchema,
  scope: ['file', 'ipv4-addr', 'ipv6-addr', 'domain-name', 'url'],
  network: true,
  identity: virusTotalIdentity,
  // The public API's limits (https://docs.virustotal.com/reference/public-vs-premium-api).
  defaults: { maxTlp: 'amber', quota: { perMinute: 4, perDay: 500 } },
  enrich,
};
