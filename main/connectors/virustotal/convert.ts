/**
 * VirusTotal API v3 answers to STIX 2.1, one function per lookup (issue 8, "Enrichment
 * connectors"). Each takes the observable being enriched, the parsed answer (schema.ts)
 * and the connector's identity and clock, and returns valid STIX objects, all
 * `created_by_ref` that identity:
 *
 * - every lookup: the observable itself (its id and properties kept) with `x_opencti_score`,
 *   OpenCTI's score property, as the codebase's other connectors use OpenCTI's `x_opencti_*`
 *   properties; and a note about it (note.ts) with the verdicts and the VirusTotal link;
 * - file: MD5, SHA-1 and SHA-256, size, name and MIME type completed; tags as the note's labels;
 * - IP: `autonomous-system` + `belongs-to`, country `location` + `located-at`, passive
 *   DNS (resolutions.ts) from the `/resolutions` relationship when the caller fetched it;
 * - domain: resolutions from the current A/AAAA records and `/resolutions`, registrar and
 *   creation date in the note, categories as its labels;
 * - URL: the final URL (`related-to` the original when it differs) and the host each is on.
 *
 * An answer about another object than the observable throws VirusTotalError
 * ('wrong-observable'), so a mixed-up cache entry never lands on the wrong observable.
 */
import { derivedId, type JsonObject } from '../../../core/stix/index.ts';
import { Enrichment, unixToTimestamp, type EnrichmentOptions, type EnrichmentResult } from './enrichment.ts';
import { distinct, verdictNote } from './note.ts';
import { addResolutions, addressObject, type Sighting } from './resolutions.ts';
import { VirusTotalError, type Resolution, type VtDomain, type VtFile, type VtIpAddress, type VtUrl } from './schema.ts';

const GUI = 'https://www.virustotal.com/gui';
const MIME_TYPE = /^[a-z0-9][\w.+-]*\/[\w.+-]+$/i;

function expectType(observable: JsonObject, types: readonly string[], lookup: string): void {
  if (typeof observable['type'] !== 'string' || !types.includes(observable['type']) || typeof observable['id'] !== 'string') {
    throw new VirusTotalError('wrong-observable', `A VirusTotal ${lookup} lookup enriches ${types.join(' or ')} observables, not ${String(observable['type'])}.`);
  }
}

function expectValue(observable: JsonObject, expected: string, lookup: string): void {
  const value = observable['value'];
  if (typeof value !== 'string' || value.trim().toLowerCase() !== expected.toLowerCase()) {
    throw new VirusTotalError('wrong-observable', `The VirusTotal ${lookup} answer is about ${expected}, not ${String(value)}.`);
  }
}

/** Finishes a lookup: the observable with its score, then the note. */
function finish(enrichment: Enrichment, observable: JsonObject, note: JsonObject, score: number | undefined): EnrichmentResult {
  const enriched = { ...observable, created_by_ref: enrichment.identityId, ...(score === undefined ? {} : { x_opencti_score: score }) };
  if (!enrichment.put([enriched], 'the enriched observable')) throw new VirusTotalError('wrong-observable', 'The observable to enrich is not valid STIX.');
  enrichment.put([note], 'the VirusTotal note');
  return enrichment.result();
}

function isName(name: string): boolean {
  return /[\p{L}\p{N}]/u.test(name);
}

export function fileToStix(observable: JsonObject, response: VtFile, options: EnrichmentOptions): EnrichmentResult {
  expectType(observable, ['file'], 'file');
  const { attributes } = response;
  const hashes = { MD5: attributes.md5.toLowerCase(), 'SHA-1': attributes.sha1.toLowerCase(), 'SHA-256': attributes.sha256.toLowerCase() };
  const known = typeof observable['hashes'] === 'object' && observable['hashes'] !== null ? (observable['hashes'] as Record<string, unknown>) : {};
  for (const [algorithm, digest] of Object.entries(hashes)) {
    const mine = known[algorithm];
    if (typeof mine === 'string' && mine.toLowerCase() !== digest) {
      throw new VirusTotalError('wrong-observable', `The VirusTotal file answer has ${algorithm} ${digest}, the observable ${mine}.`);
    }
  }
  const enrichment = new Enrichment(observable, options, attributes.last_analysis_date ?? attributes.last_modification_date);
  const names = distinct([attributes.meaningful_name ?? '', ...attributes.names]).filter(isName);
  const name = typeof observable['name'] === 'string' ? observable['name'] : names[0];
  const mimeType = attributes.exiftool?.MIMEType?.trim();
  const completed: JsonObject = {
    ...observable,
    hashes: { ...known, ...hashes },
    ...(attributes.size === undefined ? {} : { size: attributes.size }),
    ...(name === undefined ? {} : { name }),
    ...(observable['mime_type'] === undefined && mimeType !== undefined && MIME_TYPE.test(mimeType) ? { mime_type: mimeType.toLowerCase() } : {}),
  };
  const threat = attributes.popular_threat_classification?.suggested_threat_label;
  const { note, score } = verdictNote(enrichment, {
    what: 'file',
    stats: attributes.last_analysis_stats,
    results: attributes.last_analysis_results,
    facts: [
      ...(names.length === 0 ? [] : [`Names: ${names.join(', ')}`]),
      ...(attributes.type_description === undefined ? [] : [`Type: ${attributes.type_description}`]),
      ...(threat === undefined ? [] : [`Threat label: ${threat}`]),
    ],
    labels: attributes.tags,
    link: { url: `${GUI}/file/${hashes['SHA-256']}`, id: hashes['SHA-256'] },
  });
  return finish(enrichment, completed, note, score);
}

/** The English name of an ISO 3166-1 alpha-2 code ("GB" → "United Kingdom"). */
function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function addCountry(enrichment: Enrichment, code: string | undefined): void {
  const country = code?.trim().toUpperCase();
  if (country === undefined || country === '') return;
  if (!/^[A-Z]{2}$/.test(country)) {
    enrichment.warn(`Skipped the country "${country}": not an ISO 3166-1 alpha-2 code.`);
    return;
  }
  // x_opencti_location_type: how OpenCTI tells a country from a region or a city.
  const location = enrichment.fact('location', derivedId('location', { country }), { name: countryName(country), country, x_opencti_location_type: 'Country' });
  const relationship = enrichment.relationship(enrichment.observableId, 'located-at', String(location['id']));
  enrichment.put([location, relationship], `the country ${country}`);
}

function sightingsOf(resolutions: readonly Resolution[]): Sighting[] {
  return resolutions.map(({ attributes }) => ({ host: attributes.host_name, address: attributes.ip_address, date: attributes.date }));
}

/**
 * `resolutions`: the data of `/ip_addresses/{ip}/resolutions` (parseResolutions), which the
 * object endpoint does not include; entries about other addresses are ignored.
 */
export function ipToStix(observable: JsonObject, response: VtIpAddress, options: EnrichmentOptions, resolutions: readonly Resolution[] = []): EnrichmentResult {
  expectType(observable, ['ipv4-addr', 'ipv6-addr'], 'IP address');
  expectValue(observable, response.id, 'IP address');
  const { attributes } = response;
  const enrichment = new Enrichment(observable, options, attributes.last_analysis_date ?? attributes.last_modification_date);
  if (attributes.asn !== undefined) {
    const system = enrichment.sco({
      type: 'autonomous-system', number: attributes.asn,
      ...(attributes.as_owner === undefined ? {} : { name: attributes.as_owner }),
      ...(attributes.regional_internet_registry === undefined ? {} : { rir: attributes.regional_internet_registry }),
    });
    enrichment.put([system, enrichment.relationship(enrichment.observableId, 'belongs-to', String(system['id']))], `the AS${attributes.asn}`);
  }
  addCountry(enrichment, attributes.country);
  const value = response.id.toLowerCase();
  addResolutions(enrichment, sightingsOf(resolutions).filter((sighting) => sighting.address.toLowerCase() === value));
  const { note, score } = verdictNote(enrichment, {
    what: 'IP address',
    stats: attributes.last_analysis_stats,
    results: attributes.last_analysis_results,
    facts: [
      ...(attributes.asn === undefined ? [] : [`AS: AS${attributes.asn}${attributes.as_owner === undefined ? '' : ` ${attributes.as_owner}`}`]),
      ...(attributes.network === undefined ? [] : [`Network: ${attributes.network}`]),
      ...(attributes.country === undefined ? [] : [`Country: ${attributes.country}`]),
    ],
    labels: attributes.tags,
    link: { url: `${GUI}/ip-address/${encodeURIComponent(response.id)}`, id: response.id },
  });
  return finish(enrichment, observable, note, score);
}

/**
 * The current A and AAAA records count as resolutions seen at `last_dns_records_date`;
 * `resolutions` adds the history from `/domains/{domain}/resolutions`.
 */
export function domainToStix(observable: JsonObject, response: VtDomain, options: EnrichmentOptions, resolutions: readonly Resolution[] = []): EnrichmentResult {
  expectType(observable, ['domain-name'], 'domain');
  expectValue(observable, response.id, 'domain');
  const { attributes } = response;
  const enrichment = new Enrichment(observable, options, attributes.last_analysis_date ?? attributes.last_modification_date);
  const host = response.id.toLowerCase();
  const current = attributes.last_dns_records
    .filter((record) => record.type === 'A' || record.type === 'AAAA')
    .map((record) => ({ host, address: record.value, date: attributes.last_dns_records_date }));
  const history = sightingsOf(resolutions).filter((sighting) => sighting.host.toLowerCase() === host);
  addResolutions(enrichment, [...current, ...history]);
  const categories = Object.entries(attributes.categories).sort(([a], [b]) => a.localeCompare(b, 'en'));
  const { note, score } = verdictNote(enrichment, {
    what: 'domain',
    stats: attributes.last_analysis_stats,
    results: attributes.last_analysis_results,
    facts: [
      ...(attributes.registrar === undefined ? [] : [`Registrar: ${attributes.registrar}`]),
      ...(attributes.creation_date === undefined ? [] : [`Created: ${unixToTimestamp(attributes.creation_date)}`]),
      ...(categories.length === 0 ? [] : [`Categories: ${categories.map(([vendor, category]) => `${category} (${vendor})`).join(', ')}`]),
    ],
    labels: [...attributes.tags, ...categories.map(([, category]) => category)],
    link: { url: `${GUI}/domain/${encodeURIComponent(host)}`, id: host },
  });
  return finish(enrichment, observable, note, score);
}

/** The SCO of a URL's host: a domain name, or the address when the URL names one. */
function hostObject(url: string): JsonObject | undefined {
  if (!URL.canParse(url)) return undefined;
  const { hostname } = new URL(url);
  if (hostname === '') return undefined;
  if (hostname.startsWith('[')) return addressObject(hostname.slice(1, -1));
  return /^\d{1,3}(?:\.\d{1,3}){3}$/.test(hostname) ? addressObject(hostname) : { type: 'domain-name', value: hostname };
}

function addHost(enrichment: Enrichment, urlId: string, url: string): void {
  const host = hostObject(url);
  if (host === undefined) {
    enrichment.warn(`Skipped the host of "${url.slice(0, 200)}": not a URL with a host.`);
    return;
  }
  const object = enrichment.sco(host);
  enrichment.put([object, enrichment.relationship(urlId, 'related-to', String(object['id']))], `the host of ${url.slice(0, 200)}`);
}

export function urlToStix(observable: JsonObject, response: VtUrl, options: EnrichmentOptions): EnrichmentResult {
  expectType(observable, ['url'], 'URL');
  const { attributes } = response;
  const enrichment = new Enrichment(observable, options, attributes.last_analysis_date ?? attributes.last_modification_date);
  const original = String(observable['value']);
  addHost(enrichment, enrichment.observableId, original);
  const final = attributes.last_final_url?.trim();
  if (final !== undefined && final !== '' && final !== original) {
    const finalUrl = enrichment.sco({ type: 'url', value: final });
    if (enrichment.put([finalUrl, enrichment.relationship(enrichment.observableId, 'related-to', String(finalUrl['id']))], `the final URL ${final.slice(0, 200)}`)) {
      addHost(enrichment, String(finalUrl['id']), final);
    }
  }
  const categories = Object.entries(attributes.categories).sort(([a], [b]) => a.localeCompare(b, 'en'));
  const { note, score } = verdictNote(enrichment, {
    what: 'URL',
    stats: attributes.last_analysis_stats,
    results: attributes.last_analysis_results,
    facts: [
      ...(final === undefined || final === '' ? [] : [`Final URL: ${final}`]),
      ...(attributes.threat_names.length === 0 ? [] : [`Threat names: ${distinct(attributes.threat_names).join(', ')}`]),
      ...(categories.length === 0 ? [] : [`Categories: ${categories.map(([vendor, category]) => `${category} (${vendor})`).join(', ')}`]),
    ],
    labels: [...attributes.tags, ...categories.map(([, category]) => category)],
    // VirusTotal's URL id is the SHA-256 of the URL, which its GUI links take.
    link: { url: `${GUI}/url/${encodeURIComponent(response.id)}`, id: response.id },
  });
  return finish(enrichment, observable, note, score);
}

