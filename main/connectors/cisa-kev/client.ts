/**
 * Downloads the KEV catalog and checks it is one before anything is converted: a moved
 * feed, a proxy's error page or a truncated download must fail the run with a message the
 * analyst can act on, never pass as "0 vulnerabilities".
 */
import { z } from 'zod';
import { CodedError } from '../../../core/errors.ts';
import type { HttpClient } from '../types.ts';

/** 1,404 entries are 1.3 MB; the cap leaves room for years of growth, not for a wrong file. */
const MAX_BYTES = 64 * 1024 * 1024;

export class KevCatalogError extends CodedError<'not-a-catalog' | 'empty-catalog'> {
  constructor(code: 'not-a-catalog' | 'empty-catalog', message: string) {
    super('KevCatalogError', code, message);
  }
}

/** One catalog entry, after CISA's published JSON schema (known_exploited_vulnerabilities_schema.json). */
export const KevEntry = z.looseObject({
  cveID: z.string().regex(/^CVE-\d{4}-\d{4,19}$/),
  vendorProject: z.string().trim().min(1),
  product: z.string().trim().min(1),
  vulnerabilityName: z.string(),
  dateAdded: z.iso.date(),
  shortDescription: z.string(),
  requiredAction: z.string(),
  dueDate: z.iso.date(),
  knownRansomwareCampaignUse: z.string().optional(),
  notes: z.string().optional(),
  cwes: z.array(z.string()).optional(),
});
export type KevEntry = z.infer<typeof KevEntry>;

/** The envelope; entries are checked one by one so one bad entry does not sink the catalog. */
const KevEnvelope = z.looseObject({
  catalogVersion: z.string(),
  dateReleased: z.string(),
  count: z.number().int().optional(),
  vulnerabilities: z.array(z.unknown()),
});

export interface KevCatalog {
  catalogVersion: string;
  dateReleased: string;
  /** Each entry as published (for change detection) with its parsed form, or why it was rejected. */
  entries: ({ raw: unknown; entry: KevEntry } | { raw: unknown; problem: string })[];
  declaredCount: number | undefined;
}

export type KevDownload = { notModified: true } | { notModified: false; catalog: KevCatalog };

export async function downloadCatalog(http: HttpClient, url: string, conditional: boolean): Promise<KevDownload> {
  const response = await http.get(url, { conditional, accept: ['application/json', 'text/plain'], maxBytes: MAX_BYTES });
  if (response.notModified) return { notModified: true };
  return { notModified: false, catalog: parseCatalog(response.json(), url) };
}

export function parseCatalog(json: unknown, url: string): KevCatalog {
  const envelope = KevEnvelope.safeParse(json);
  if (!envelope.success) {
    const fields = envelope.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
    throw new KevCatalogError('not-a-catalog', `${url} is not the CISA KEV catalog (missing or wrong: ${fields}). Check the catalog URL in the connector settings.`);
  }
  const { catalogVersion, dateReleased, count, vulnerabilities } = envelope.data;
  if (vulnerabilities.length === 0) {
    throw new KevCatalogError('empty-catalog', `The KEV catalog at ${url} (version ${catalogVersion}) lists no vulnerabilities; it was left as it is in Magpie.`);
  }
  const entries = vulnerabilities.map((raw) => {
    const parsed = KevEntry.safeParse(raw);
    if (parsed.success) return { raw, entry: parsed.data };
    const cve = typeof raw === 'object' && raw !== null && 'cveID' in raw ? String(raw.cveID) : 'an entry without cveID';
    return { raw, problem: `${cve}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}` };
  });
  const firstProblem = entries.find((item) => 'problem' in item);
  if (firstProblem !== undefined && entries.every((item) => 'problem' in item)) {
    throw new KevCatalogError('not-a-catalog', `None of the ${String(entries.length)} entries at ${url} is a KEV entry (first: ${firstProblem.problem}). Check the catalog URL in the connector settings.`);
  }
  return { catalogVersion, dateReleased, declaredCount: count, entries };
}
