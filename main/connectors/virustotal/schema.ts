/**
 * The parts of VirusTotal API v3 answers the converter reads, as lax zod schemas: unknown
 * fields pass, fields VirusTotal leaves out for some objects are optional, and a wrong type
 * in a field we read is an error naming it. Object endpoints (`/files/{hash}`,
 * `/ip_addresses/{ip}`, `/domains/{domain}`, `/urls/{id}`) answer `{ data: { type, id,
 * attributes } }`; msticpy's test data stores the inner object alone, so both are accepted.
 * https://docs.virustotal.com/reference/objects
 */
import { z } from 'zod';
import { CodedError } from '../../../core/errors.ts';

export type VirusTotalErrorCode = 'bad-response' | 'wrong-observable';

/** A VirusTotal answer the converter cannot read, or an observable it was not asked about. */
export class VirusTotalError extends CodedError<VirusTotalErrorCode> {
  constructor(code: VirusTotalErrorCode, message: string) {
    super('VirusTotalError', code, message);
  }
}

const text = z.string().nullish().transform((value) => value ?? undefined);
const count = z.number().int().nonnegative().nullish().transform((value) => value ?? 0);
/** Unix seconds, as every VirusTotal date is. */
const unixTime = z.number().int().nonnegative().nullish().transform((value) => value ?? undefined);
const strings = z.array(z.string()).nullish().transform((list) => list ?? []);

/** `last_analysis_stats`: engines per verdict; absent categories count as none. */
export const AnalysisStats = z.looseObject({
  harmless: count,
  malicious: count,
  suspicious: count,
  undetected: count,
  timeout: count,
});
export type AnalysisStats = z.infer<typeof AnalysisStats>;

export const EngineResult = z.looseObject({
  category: z.string(),
  engine_name: text,
  result: text,
});
export type EngineResult = z.infer<typeof EngineResult>;

/** Common to files, IPs, domains and URLs. */
const analysed = {
  tags: strings,
  last_analysis_stats: AnalysisStats.nullish().transform((value) => value ?? undefined),
  last_analysis_results: z.record(z.string(), EngineResult).nullish().transform((value) => value ?? {}),
  last_analysis_date: unixTime,
  last_modification_date: unixTime,
  reputation: z.number().nullish().transform((value) => value ?? undefined),
};

/** Vendor → category (`{ "Webroot": "Malware Sites" }`). */
const categories = z.record(z.string(), z.string()).nullish().transform((value) => value ?? {});

export const FileAttributes = z.looseObject({
  ...analysed,
  md5: z.string().regex(/^[a-f0-9]{32}$/i, 'expected an MD5 digest'),
  sha1: z.string().regex(/^[a-f0-9]{40}$/i, 'expected a SHA-1 digest'),
  sha256: z.string().regex(/^[a-f0-9]{64}$/i, 'expected a SHA-256 digest'),
  size: z.number().int().nonnegative().nullish().transform((value) => value ?? undefined),
  meaningful_name: text,
  names: strings,
  type_description: text,
  exiftool: z.looseObject({ MIMEType: text }).nullish().transform((value) => value ?? undefined),
  popular_threat_classification: z.looseObject({ suggested_threat_label: text }).nullish().transform((value) => value ?? undefined),
});
export type FileAttributes = z.infer<typeof FileAttributes>;

export const IpAttributes = z.looseObject({
  ...analysed,
  asn: z.number().int().nonnegative().nullish().transform((value) => value ?? undefined),
  as_owner: text,
  country: text,
  regional_internet_registry: text,
  network: text,
});
export type IpAttributes = z.infer<typeof IpAttributes>;

export const DnsRecord = z.looseObject({ type: z.string(), value: z.string() });

export const DomainAttributes = z.looseObject({
  ...analysed,
  categories,
  registrar: text,
  creation_date: unixTime,
  last_dns_records: z.array(DnsRecord).nullish().transform((list) => list ?? []),
  last_dns_records_date: unixTime,
});
export type DomainAttributes = z.infer<typeof DomainAttributes>;

export const UrlAttributes = z.looseObject({
  ...analysed,
  categories,
  url: text,
  last_final_url: text,
  threat_names: strings,
});
export type UrlAttributes = z.infer<typeof UrlAttributes>;

function vtObject<Attributes extends z.ZodType>(type: string, attributes: Attributes) {
  return z.looseObject({ type: z.literal(type), id: z.string().min(1), attributes });
}

export const VtFile = vtObject('file', FileAttributes);
export const VtIpAddress = vtObject('ip_address', IpAttributes);
export const VtDomain = vtObject('domain', DomainAttributes);
export const VtUrl = vtObject('url', UrlAttributes);
export type VtFile = z.infer<typeof VtFile>;
export type VtIpAddress = z.infer<typeof VtIpAddress>;
export type VtDomain = z.infer<typeof VtDomain>;
export type VtUrl = z.infer<typeof VtUrl>;

/**
 * One entry of `/ip_addresses/{ip}/resolutions` or `/domains/{domain}/resolutions`: a host
 * name seen resolving to an address, `date` the time of that resolution.
 * https://docs.virustotal.com/reference/resolution-object
 */
export const Resolution = z.looseObject({
  attributes: z.looseObject({ host_name: z.string().min(1), ip_address: z.string().min(1), date: unixTime }),
});
export type Resolution = z.infer<typeof Resolution>;

export const Resolutions = z.looseObject({ data: z.array(Resolution) });

function describe(error: z.ZodError): string {
  const first = error.issues.slice(0, 3).map((issue) => `${issue.path.length === 0 ? '(top level)' : issue.path.join('.')}: ${issue.message}`);
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return `${first.join('; ')}${more}`;
}

function parse<Schema extends z.ZodType>(schema: Schema, what: string, json: unknown): z.infer<Schema> {
  const result = schema.safeParse(json);
  if (!result.success) throw new VirusTotalError('bad-response', `VirusTotal ${what} response not understood: ${describe(result.error)}`);
  return result.data;
}

/** The object of an object endpoint's answer, wrapped in `data` (the API) or not (msticpy's copies). */
function unwrap(json: unknown): unknown {
  return typeof json === 'object' && json !== null && !Array.isArray(json) && 'data' in json ? json.data : json;
}

export const parseFile = (json: unknown): VtFile => parse(VtFile, 'file', unwrap(json));
export const parseIpAddress = (json: unknown): VtIpAddress => parse(VtIpAddress, 'IP address', unwrap(json));
export const parseDomain = (json: unknown): VtDomain => parse(VtDomain, 'domain', unwrap(json));
export const parseUrl = (json: unknown): VtUrl => parse(VtUrl, 'URL', unwrap(json));
export const parseResolutions = (json: unknown): Resolution[] => parse(Resolutions, 'resolutions', json).data;
