import { describe, expect, it } from 'vitest';
import { parseCatalog } from './client.ts';

const URL = 'https://feeds.example/kev.json';
const entry = (cve: string): Record<string, unknown> => ({
  cveID: cve, vendorProject: 'Acme', product: 'Widget', vulnerabilityName: 'Acme Widget RCE', dateAdded: '2024-01-02',
  shortDescription: 'Remote code execution.', requiredAction: 'Patch.', dueDate: '2024-01-23', knownRansomwareCampaignUse: 'Unknown',
});
const catalog = (vulnerabilities: unknown[]): Record<string, unknown> => ({ catalogVersion: '2024.01.02', dateReleased: '2024-01-02T12:00:00.000Z', count: vulnerabilities.length, vulnerabilities });

describe('reading the KEV catalog', () => {
  it('refuses a document that is not the catalog, naming what is wrong, instead of importing nothing', () => {
    expect(() => parseCatalog({ message: 'Access denied' }, URL)).toThrow(/is not the CISA KEV catalog.*vulnerabilities/);
    expect(() => parseCatalog([entry('CVE-2024-0001')], URL)).toThrow(expect.objectContaining({ code: 'not-a-catalog' }));
  });

  it('refuses an empty catalog rather than reporting zero vulnerabilities', () => {
    expect(() => parseCatalog(catalog([]), URL)).toThrow(expect.objectContaining({ code: 'empty-catalog' }));
  });

  it('refuses a catalog none of whose entries are KEV entries', () => {
    expect(() => parseCatalog(catalog([{ id: 1 }, { id: 2 }]), URL)).toThrow(/None of the 2 entries/);
  });

  it('keeps the good entries and names the malformed one', () => {
    const parsed = parseCatalog(catalog([entry('CVE-2024-0001'), { ...entry('CVE-2024-0002'), dateAdded: 'yesterday' }]), URL);
    expect(parsed.entries).toHaveLength(2);
    expect(parsed.entries[0]).toMatchObject({ entry: { cveID: 'CVE-2024-0001' } });
    expect(parsed.entries[1]).toMatchObject({ problem: expect.stringMatching(/^CVE-2024-0002: dateAdded/) as unknown });
  });
});
