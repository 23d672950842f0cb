/**
 * Whether a string is a real host name: label syntax, and a top-level domain that the
 * public suffix list knows (tldts), never a hand-written TLD list.
 */
import { parse } from 'tldts';

/** Real TLDs that are also common file extensions, so `log.zip` is usually a file. */
export const FILE_EXTENSION_TLDS: ReadonlySet<string> = new Set([
  'zip', 'mov', 'one', 'py', 'sh', 'pl', 'rs', 'md', 'so', 'ps', 'pm', 'ml', 'ai', 'app', 'run', 'cat', 'ms',
]);

const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;
const TLD_SHAPE = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

export type HostVerdict = 'domain' | 'filename-like' | undefined;

/**
 * Classifies a host as written (any case, no trailing dot). `defanged` relaxes the TLD
 * check to its shape: an author who defanged a name meant it as a host.
 */
/** Verdicts by host as written, one map per `defanged`: a report names its hosts again and again, and tldts's parse is the cost. */
const VERDICTS = [new Map<string, HostVerdict>(), new Map<string, HostVerdict>()] as const;
const MAX_REMEMBERED = 16384;

export function classifyHost(written: string, defanged: boolean): HostVerdict {
  const remembered = VERDICTS[defanged ? 1 : 0];
  const known = remembered.get(written);
  if (known !== undefined || remembered.has(written)) return known;
  const verdict = classifyAsWritten(written, defanged);
  if (remembered.size >= MAX_REMEMBERED) remembered.clear();
  remembered.set(written, verdict);
  return verdict;
}

function classifyAsWritten(written: string, defanged: boolean): HostVerdict {
  if (written.length > 253 || written.length < 3) return undefined;
  const host = written.toLowerCase();
  const labels = host.split('.');
  if (labels.length < 2) return undefined;
  for (const label of labels) if (!LABEL.test(label)) return undefined;
  const tld = labels[labels.length - 1] ?? '';
  if (!TLD_SHAPE.test(tld)) return undefined;
  // `.properties` is Java's configuration file far more often than the gTLD: a host only when defanged.
  if (tld === 'properties' && !defanged) return undefined;
  const writtenTld = written.slice(written.lastIndexOf('.') + 1);
  // `utilities.Run`, `document.Write`: title-case last labels are code or paths, not hosts.
  if (/^[A-Z][a-z]+$/.test(writtenTld) && !/^(?:Com|Net|Org)$/.test(writtenTld)) return undefined;
  const parsed = parse(host, { allowPrivateDomains: true, extractHostname: false, validateHostname: false });
  const known = (parsed.isIcann === true || parsed.isPrivate === true) && parsed.domain !== null;
  if (!known && !defanged) return undefined;
  if (known && parsed.domain === null) return undefined;
  return FILE_EXTENSION_TLDS.has(tld) ? 'filename-like' : 'domain';
}

/** True for a dotted-quad IPv4 address with octets 0–255. */
export function isIPv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255);
}
