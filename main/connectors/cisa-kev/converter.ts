/**
 * CISA KEV catalog entries → STIX 2.1, after OpenCTI's `cisa-known-exploited-vulnerabilities`
 * connector (src/main.py, `build_bundle`), so the same catalog imported by OpenCTI and by
 * Magpie yields the same vulnerabilities.
 *
 * Per entry:
 *   vulnerability   id from core `vulnerabilityId(cveID)` (OpenCTI's `Vulnerability.generate_id`),
 *                   name = cveID, description = shortDescription, created = dateAdded,
 *                   modified = the catalog's dateReleased (so a changed entry replaces the
 *                   version already stored), `x_opencti_cisa_kev: true` (OpenCTI's flag) and
 *                   the catalog's other fields as `x_cisa_vulnerability_name`,
 *                   `x_cisa_date_added`, `x_cisa_due_date`, `x_cisa_required_action`,
 *                   `x_cisa_known_ransomware_campaign_use`, `x_cisa_notes` (OpenCTI keeps
 *                   none of these; the names follow the catalog's fields).
 *                   external_references: the CVE (NVD page), the catalog, each CWE and each
 *                   URL listed in notes.
 *   identity        the vendor (vendorProject), an organization as OpenCTI makes it
 *                   ("Software Vendor", x_opencti_organization_type: vendor).
 *   software        SCO {name: product, vendor: vendorProject}, deterministic id (§6.14).
 *   relationship    software `has` vulnerability (start_time = dateAdded) and software
 *                   `related-to` vendor, as OpenCTI; ids derived from type and ends.
 *   infrastructure  only with createInfrastructures: one per product, `has` the vulnerability,
 *                   vendor `related-to` it. Named "vendor product" where OpenCTI uses the
 *                   product alone, so that CISA's many "Multiple Products" or "Windows"
 *                   entries of different vendors stay apart.
 * Every object is `created_by_ref` the CISA organization and carries the configured TLP
 * marking; CISA's identity and the marking-definition are emitted with each run's output.
 */
import { derivedId, generateScoId, identityId, TLP_2, vulnerabilityId, type JsonObject, type TlpLevel } from '../../../core/stix/index.ts';
import type { KevEntry } from './client.ts';

export const CISA_NAME = 'Cybersecurity and Infrastructure Security Agency';
/** The catalog's launch (BOD 22-01, 3 November 2021): a fixed date for objects that have none of their own. */
const KEV_EPOCH = '2021-11-03T00:00:00.000Z';
export const KEV_CATALOG_PAGE = 'https://www.cisa.gov/known-exploited-vulnerabilities-catalog';

export interface ConvertOptions {
  tlp: TlpLevel;
  createInfrastructures: boolean;
  /** The catalog's dateReleased, as a STIX timestamp: the version of every changed entry. */
  released: string;
}

export function cisaIdentity(): JsonObject {
  return {
    type: 'identity', spec_version: '2.1', id: identityId(CISA_NAME, 'organization'), created: KEV_EPOCH, modified: KEV_EPOCH,
    name: CISA_NAME, identity_class: 'organization', sectors: ['government-national'],
    description: 'The Cybersecurity and Infrastructure Security Agency, an operational component of the U.S. Department of Homeland Security; it publishes the Known Exploited Vulnerabilities catalog.',
  };
}

export function tlpMarking(tlp: TlpLevel): JsonObject {
  return { ...TLP_2[tlp] };
}

/** CISA's dateReleased ("2025-08-25T17:04:19.9796Z") as a millisecond STIX timestamp. */
export function releaseTimestamp(dateReleased: string, fallback: Date): string {
  const time = Date.parse(dateReleased);
  return (Number.isNaN(time) ? fallback : new Date(time)).toISOString();
}

/** URLs CISA lists in notes ("For more information, please see: https://… ; https://…"). */
export function notesUrls(notes: string | undefined): string[] {
  const found = notes?.match(/https?:\/\/[^\s;,"'<>]+/g) ?? [];
  // Normalised through URL so that a stray full-width character is percent-encoded, as a URI must be.
  return [...new Set(found.map((url) => normalUrl(url.replace(/[.)\]]+$/, ''))).filter((url) => url !== undefined))];
}

function normalUrl(text: string): string | undefined {
  try {
    return new URL(text).href;
  } catch {
    return undefined;
  }
}

function externalReferences(entry: KevEntry): JsonObject[] {
  const cve = entry.cveID;
  const references: JsonObject[] = [
    { source_name: 'cve', external_id: cve, url: `https://nvd.nist.gov/vuln/detail/${cve}` },
    // No external_id here: the OASIS schema keeps CVE-looking ids for source_name "cve".
    { source_name: 'cisa-kev', description: entry.vulnerabilityName, url: `${KEV_CATALOG_PAGE}?search_api_fulltext=${cve}` },
  ];
  for (const cwe of entry.cwes ?? []) {
    const number = /^CWE-(\d+)$/.exec(cwe)?.[1];
    if (number !== undefined) references.push({ source_name: 'cwe', external_id: cwe, url: `https://cwe.mitre.org/data/definitions/${number}.html` });
  }
  for (const url of notesUrls(entry.notes)) references.push({ source_name: hostOf(url), url });
  return references;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return 'cisa-kev notes';
  }
}

/** The STIX objects for one catalog entry (CISA's identity and the marking come separately). */
export function entryToStix(entry: KevEntry, options: ConvertOptions): JsonObject[] {
  const author = identityId(CISA_NAME, 'organization');
  const marking = TLP_2[options.tlp].id;
  const attributed = { created_by_ref: author, object_marking_refs: [marking] };
  const added = `${entry.dateAdded}T00:00:00.000Z`;
  const modified = options.released > added ? options.released : added;

  const vulnerability: JsonObject = {
    type: 'vulnerability', spec_version: '2.1', id: vulnerabilityId(entry.cveID), created: added, modified,
    name: entry.cveID, description: entry.shortDescription, ...attributed,
    external_references: externalReferences(entry),
    x_opencti_cisa_kev: true,
    x_cisa_vulnerability_name: entry.vulnerabilityName,
    x_cisa_date_added: entry.dateAdded,
    x_cisa_due_date: entry.dueDate,
    x_cisa_required_action: entry.requiredAction,
    ...(entry.knownRansomwareCampaignUse === undefined ? {} : { x_cisa_known_ransomware_campaign_use: entry.knownRansomwareCampaignUse }),
    ...(entry.notes === undefined || entry.notes === '' ? {} : { x_cisa_notes: entry.notes }),
  };
  const vendor: JsonObject = {
    type: 'identity', spec_version: '2.1', id: identityId(entry.vendorProject, 'organization'), created: KEV_EPOCH, modified: KEV_EPOCH,
    name: entry.vendorProject, identity_class: 'organization', description: 'Software Vendor', ...attributed,
    x_opencti_organization_type: 'vendor',
  };
  const softwareProperties = { name: entry.product, vendor: entry.vendorProject };
  const software: JsonObject = {
    type: 'software', spec_version: '2.1', id: generateScoId('software', softwareProperties), ...softwareProperties, ...attributed,
  };
  const objects = [
    vulnerability, vendor, software,
    relationship('has', software, vulnerability, added, attributed),
    relationship('related-to', software, vendor, KEV_EPOCH, attributed, 'This software is maintained by'),
  ];
  if (options.createInfrastructures) {
    const name = infrastructureName(entry);
    const infrastructure: JsonObject = {
      type: 'infrastructure', spec_version: '2.1', id: derivedId('infrastructure', { name: name.toLowerCase() }),
      created: KEV_EPOCH, modified: KEV_EPOCH, name, ...attributed,
    };
    objects.push(
      infrastructure,
      relationship('has', infrastructure, vulnerability, added, attributed),
      relationship('related-to', vendor, infrastructure, KEV_EPOCH, attributed, 'maintains'),
    );
  }
  return objects;
}

/** "Microsoft Windows", but "Apache HTTP Server" rather than "Apache Apache HTTP Server". */
export function infrastructureName(entry: Pick<KevEntry, 'vendorProject' | 'product'>): string {
  const vendor = entry.vendorProject.trim();
  const product = entry.product.trim();
  return product.toLowerCase().startsWith(vendor.toLowerCase()) ? product : `${vendor} ${product}`;
}

function relationship(type: string, source: JsonObject, target: JsonObject, created: string, attributed: JsonObject, description?: string): JsonObject {
  const ends = { relationship_type: type, source_ref: source['id'], target_ref: target['id'] };
  return {
    type: 'relationship', spec_version: '2.1', id: derivedId('relationship', ends), created, modified: created, ...ends,
    ...(description === undefined ? {} : { description }),
    ...(type === 'has' ? { start_time: created } : {}), ...attributed,
  };
}
