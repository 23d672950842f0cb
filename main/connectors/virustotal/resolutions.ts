/**
 * Passive DNS as STIX: each host name / address pair VirusTotal saw becomes a `domain-name`
 * `resolves-to` an `ipv4-addr` or `ipv6-addr` relationship (OpenCTI's convention; STIX
 * 2.1 §6.4 only has the embedded `resolves_to_refs`, which would rewrite a shared SCO),
 * first and last seen as start_time and stop_time. Its id comes from its ends, so the same
 * pair from another lookup or source is one relationship.
 */
import type { JsonObject } from '../../../core/stix/index.ts';
import { unixToTimestamp, type Enrichment } from './enrichment.ts';

export interface Sighting {
  host: string;
  address: string;
  /** Unix seconds; undefined when VirusTotal gave no date. */
  date: number | undefined;
}

export function addressObject(value: string): JsonObject {
  return { type: value.includes(':') ? 'ipv6-addr' : 'ipv4-addr', value: value.toLowerCase() };
}

/**
 * One relationship per pair. STIX 2.1 §5.1 wants stop_time strictly after start_time, so
 * a pair seen at a single time gets only start_time.
 */
export function addResolutions(enrichment: Enrichment, sightings: readonly Sighting[]): void {
  const pairs = new Map<string, { host: string; address: string; dates: number[] }>();
  for (const { host, address, date } of sightings) {
    const key = `${host.toLowerCase()} ${address.toLowerCase()}`;
    const pair = pairs.get(key) ?? { host: host.toLowerCase(), address: address.toLowerCase(), dates: [] };
    if (date !== undefined) pair.dates.push(date);
    pairs.set(key, pair);
  }
  for (const { host, address, dates } of pairs.values()) {
    const domain = enrichment.sco({ type: 'domain-name', value: host });
    const ip = enrichment.sco(addressObject(address));
    const first = dates.length === 0 ? undefined : Math.min(...dates);
    const last = dates.length === 0 ? undefined : Math.max(...dates);
    const times = {
      ...(first === undefined ? {} : { start_time: unixToTimestamp(first) }),
      ...(last === undefined || last === first ? {} : { stop_time: unixToTimestamp(last) }),
    };
    const relationship = enrichment.relationship(String(domain['id']), 'resolves-to', String(ip['id']), times);
    const group = [domain, ip, relationship].filter((object) => object['id'] !== enrichment.observableId);
    enrichment.put(group, `the resolution of ${host} to ${address}`);
  }
}
