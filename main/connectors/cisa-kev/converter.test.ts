import { describe, expect, it } from 'vitest';
import { generateScoId, hasErrors, identityId, TLP_2, validateObject, vulnerabilityId, type JsonObject } from '../../../core/stix/index.ts';
import { KevEntry } from './client.ts';
import { CISA_NAME, cisaIdentity, entryToStix, infrastructureName, notesUrls, releaseTimestamp, tlpMarking } from './converter.ts';

const ENTRY = KevEntry.parse({
  cveID: 'CVE-2023-20198',
  vendorProject: 'Cisco',
  product: 'IOS XE Web UI',
  vulnerabilityName: 'Cisco IOS XE Web UI Privilege Escalation Vulnerability',
  dateAdded: '2023-10-16',
  shortDescription: 'Cisco IOS XE Web UI contains a privilege escalation vulnerability.',
  requiredAction: 'Verify that instances of Cisco IOS XE Web UI have the HTTP Server feature turned off.',
  dueDate: '2023-10-20',
  knownRansomwareCampaignUse: 'Known',
  notes: 'Please see: https://sec.cloudapps.cisco.com/security/center/content/CiscoSecurityAdvisory/cisco-sa-iosxe-webui-privesc-j22SaA4z ; https://nvd.nist.gov/vuln/detail/CVE-2023-20198',
  cwes: ['CWE-269'],
});

const OPTIONS = { tlp: 'clear', createInfrastructures: false, released: '2025-08-25T17:04:19.979Z' } as const;

const byType = (objects: JsonObject[], type: string): JsonObject[] => objects.filter((object) => object['type'] === type);
const one = (objects: JsonObject[], type: string): JsonObject => {
  const found = byType(objects, type);
  expect(found).toHaveLength(1);
  return found[0] ?? {};
};

describe('KEV entry → STIX', () => {
  it('names the vulnerability by its CVE, with the id OpenCTI gives the same CVE', () => {
    const vulnerability = one(entryToStix(ENTRY, OPTIONS), 'vulnerability');
    expect(vulnerability).toMatchObject({
      id: vulnerabilityId('CVE-2023-20198'),
      name: 'CVE-2023-20198',
      description: ENTRY.shortDescription,
      created: '2023-10-16T00:00:00.000Z',
      modified: OPTIONS.released,
      created_by_ref: identityId(CISA_NAME, 'organization'),
      object_marking_refs: [TLP_2.clear.id],
    });
  });

  it('keeps what CISA asks of defenders: due date, required action and ransomware use', () => {
    const vulnerability = one(entryToStix(ENTRY, OPTIONS), 'vulnerability');
    expect(vulnerability).toMatchObject({
      x_opencti_cisa_kev: true,
      x_cisa_date_added: '2023-10-16',
      x_cisa_due_date: '2023-10-20',
      x_cisa_required_action: ENTRY.requiredAction,
      x_cisa_known_ransomware_campaign_use: 'Known',
      x_cisa_vulnerability_name: ENTRY.vulnerabilityName,
    });
  });

  it('links the CVE, its CWE and every advisory in the notes', () => {
    const references = one(entryToStix(ENTRY, OPTIONS), 'vulnerability')['external_references'];
    expect(references).toEqual(expect.arrayContaining([
      { source_name: 'cve', external_id: 'CVE-2023-20198', url: 'https://nvd.nist.gov/vuln/detail/CVE-2023-20198' },
      { source_name: 'cwe', external_id: 'CWE-269', url: 'https://cwe.mitre.org/data/definitions/269.html' },
      { source_name: 'sec.cloudapps.cisco.com', url: 'https://sec.cloudapps.cisco.com/security/center/content/CiscoSecurityAdvisory/cisco-sa-iosxe-webui-privesc-j22SaA4z' },
      expect.objectContaining({ source_name: 'cisa-kev', description: ENTRY.vulnerabilityName }),
    ]));
  });

  it('records the affected product as software that has the vulnerability, made by its vendor', () => {
    const objects = entryToStix(ENTRY, OPTIONS);
    const software = one(objects, 'software');
    const vendor = one(objects, 'identity');
    expect(software).toMatchObject({ id: generateScoId('software', { name: 'IOS XE Web UI', vendor: 'Cisco' }), name: 'IOS XE Web UI', vendor: 'Cisco' });
    expect(vendor).toMatchObject({ id: identityId('Cisco', 'organization'), identity_class: 'organization', x_opencti_organization_type: 'vendor' });
    const links = byType(objects, 'relationship').map((rel) => [rel['source_ref'], rel['relationship_type'], rel['target_ref']]);
    expect(links).toEqual([
      [software['id'], 'has', vulnerabilityId('CVE-2023-20198')],
      [software['id'], 'related-to', vendor['id']],
    ]);
    expect(byType(objects, 'infrastructure')).toEqual([]);
  });

  it('adds the product as an infrastructure only when asked, as OpenCTI does', () => {
    const objects = entryToStix(ENTRY, { ...OPTIONS, createInfrastructures: true });
    const infrastructure = one(objects, 'infrastructure');
    expect(infrastructure['name']).toBe('Cisco IOS XE Web UI');
    expect(byType(objects, 'relationship')).toContainEqual(expect.objectContaining({ source_ref: infrastructure['id'], relationship_type: 'has', target_ref: vulnerabilityId('CVE-2023-20198') }));
  });

  it('names infrastructures after vendor and product, so the same product name of two vendors stays two', () => {
    expect(infrastructureName({ vendorProject: 'Microsoft', product: 'Windows' })).toBe('Microsoft Windows');
    expect(infrastructureName({ vendorProject: 'Apache', product: 'Apache HTTP Server' })).toBe('Apache HTTP Server');
    const infrastructureOf = (vendorProject: string): unknown => one(entryToStix({ ...ENTRY, vendorProject, product: 'Multiple Products' }, { ...OPTIONS, createInfrastructures: true }), 'infrastructure')['id'];
    expect(infrastructureOf('Cisco')).not.toBe(infrastructureOf('Fortinet'));
  });

  it('gives the same ids on every run, so re-imports update instead of duplicating', () => {
    const ids = (objects: JsonObject[]): unknown[] => objects.map((object) => object['id']);
    expect(ids(entryToStix(ENTRY, { ...OPTIONS, createInfrastructures: true }))).toEqual(ids(entryToStix(ENTRY, { ...OPTIONS, createInfrastructures: true })));
  });

  it('marks everything with the configured TLP and produces only valid STIX', () => {
    const objects = [cisaIdentity(), tlpMarking('amber'), ...entryToStix(ENTRY, { ...OPTIONS, tlp: 'amber', createInfrastructures: true })];
    for (const object of objects) expect(hasErrors(validateObject(object)), JSON.stringify(validateObject(object))).toBe(false);
    for (const object of objects.slice(2)) expect(object['object_marking_refs']).toEqual([TLP_2.amber.id]);
  });

  it('reads the advisory links out of CISA notes and the release time to the millisecond', () => {
    expect(notesUrls('See: https://a.example/x ; https://b.example/y.html; https://a.example/x')).toEqual(['https://a.example/x', 'https://b.example/y.html']);
    expect(notesUrls(undefined)).toEqual([]);
    expect(notesUrls('see https://nvd.nist.gov/vuln/detail/CVE-2025-5419" and https://vendor.example/EOL＿letter.pdf')).toEqual([
      'https://nvd.nist.gov/vuln/detail/CVE-2025-5419',
      'https://vendor.example/EOL%EF%BC%BFletter.pdf',
    ]);
    expect(releaseTimestamp('2025-08-25T17:04:19.9796Z', new Date(0))).toBe('2025-08-25T17:04:19.979Z');
    expect(releaseTimestamp('soon', new Date(0))).toBe('1970-01-01T00:00:00.000Z');
  });
});
