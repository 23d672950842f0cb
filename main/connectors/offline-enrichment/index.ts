/**
 * Offline enrichment (issue 8): what Magpie can say about an observable without sending it
 * anywhere — the special-purpose range of an address, the registered and parent domain of a
 * name or URL host, the algorithms of a file's hashes (core/enrich), and the AS and country
 * an address is routed from (asnDatabase.ts). Nothing leaves the machine, so it is on by
 * default and accepts any TLP.
 */
import { z } from 'zod';
import { offlineEnrichment } from '../../../core/enrich/offline.ts';
import { classifyIp } from '../../../core/enrich/ipRange.ts';
import { derivedId, formatTimestamp, generateScoId, identityId, type JsonObject } from '../../../core/stix/index.ts';
import type { EnrichmentConnector, EnrichmentContext, EnrichmentResult } from '../types.ts';
import { sharedAsnDatabase, type AsnDatabase } from './asnDatabase.ts';

const NAME = 'Magpie offline enrichment';
const EPOCH = '2026-01-01T00:00:00.000Z';

export const offlineIdentity: JsonObject = {
  type: 'identity', spec_version: '2.1', id: identityId(NAME, 'system'), created: EPOCH, modified: EPOCH,
  name: NAME, identity_class: 'system',
  description: 'Facts Magpie derives on this machine: address ranges, public-suffix domains, hash types, and AS and country from the ip-location-db data (RouteViews, DB-IP; CC BY 4.0).',
};

export const configSchema = z.object({
  asnLookup: z.boolean().default(true).meta({ title: 'AS and country of addresses', description: 'Look up addresses in the bundled ip-location-db data (loaded on first use, about 20 MB of memory).' }),
});
export type OfflineConfig = z.infer<typeof configSchema>;

function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function relationship(source: string, type: string, target: string, time: string, identity: string): JsonObject {
  const ends = { relationship_type: type, source_ref: source, target_ref: target };
  return { type: 'relationship', spec_version: '2.1', id: derivedId('relationship', ends), created: time, modified: time, created_by_ref: identity, ...ends };
}

/** The AS (`belongs-to`) and country (`located-at`) of a routable address. */
function routing(observable: JsonObject, database: AsnDatabase, time: string, identity: string): { objects: JsonObject[]; facts: string[] } {
  const source = String(observable['id']);
  const found = database.lookup(String(observable['value']));
  const objects: JsonObject[] = [];
  const facts: string[] = [];
  if (found.asn) {
    const { number, name } = found.asn;
    const properties = { type: 'autonomous-system', number, ...(name === '' ? {} : { name }) };
    const system = { ...properties, spec_version: '2.1', id: generateScoId('autonomous-system', properties) };
    objects.push(system, relationship(source, 'belongs-to', system.id, time, identity));
    facts.push(`AS${String(number)}${name === '' ? '' : ` ${name}`}`);
  }
  if (found.country !== undefined) {
    const country = found.country;
    // The same id as the VirusTotal connector's country, so both sources share one location.
    const location = {
      type: 'location', spec_version: '2.1', id: derivedId('location', { country }), created: time, modified: time, created_by_ref: identity,
      name: countryName(country), country, x_opencti_location_type: 'Country',
    };
    objects.push(location, relationship(source, 'located-at', location.id, time, identity));
    facts.push(`country ${country}`);
  }
  return { objects, facts };
}

async function enrich(context: EnrichmentContext<OfflineConfig>): Promise<EnrichmentResult> {
  const { observable, config } = context;
  const identity = String(context.identity['id']);
  const core = offlineEnrichment(observable, { identityId: identity, now: context.now });
  const facts = core.facts.map(({ label, value }) => `${label}: ${value}`);
  const objects = [...core.objects];
  const warnings: string[] = [];
  const type = observable['type'];
  const value = observable['value'];
  if (config.asnLookup && (type === 'ipv4-addr' || type === 'ipv6-addr') && typeof value === 'string') {
    const routable = classifyIp(value, type === 'ipv4-addr' ? 4 : 6)?.routable === true;
    if (routable) {
      const found = routing(observable, await sharedAsnDatabase(), formatTimestamp(context.now()), identity);
      objects.push(...found.objects);
      if (found.facts.length > 0) facts.push(`Routed from ${found.facts.join(', ')}`);
      else warnings.push(`${value} is in no range of the bundled AS data.`);
    }
  }
  return { objects, warnings, summary: facts.join('; ') };
}

export const connector: EnrichmentConnector<typeof configSchema> = {
  id: 'offline-enrichment',
  kind: 'internal-enrichment',
  name: NAME,
  description: 'Address ranges, AS and country, registered domains and hash types, worked out on this machine.',
  config: configSchema,
  scope: ['ipv4-addr', 'ipv6-addr', 'domain-name', 'url', 'file'],
  network: false,
  identity: offlineIdentity,
  // Nothing is sent anywhere, so no TLP keeps an observable from it.
  defaults: { maxTlp: 'red', enabled: true },
  enrich,
};
