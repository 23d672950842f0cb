/**
 * Bare domain names and e-mail addresses. Every pattern starts only where the preceding
 * character cannot continue the token (a lookbehind), so a long run such as `a.a.a.…`
 * is tried once, not once per position: the scan stays linear.
 */
import { classifyHost } from '../hostnames.ts';
import { isDefanged, type MappedText } from '../mappedText.ts';
import { eachMatchNear, type Candidate } from './candidate.ts';

export const DOMAIN = /(?<![A-Za-z0-9_.\-@/\\])[A-Za-z0-9_-]{1,63}(?:\.[A-Za-z0-9_-]{1,63}){1,126}(?![A-Za-z0-9_-])/g;
/**
 * A `.` followed by a label character: every domain holds one within its first 64
 * characters, and a sentence's full stop (followed by a space or a line end) is not one,
 * so prose costs no search (issue 16, speed).
 */
export const DOMAIN_ANCHOR = /\.[A-Za-z0-9_-]/g;
export const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@([A-Za-z0-9_-]{1,63}(?:\.[A-Za-z0-9_-]{1,63}){1,126})(?![A-Za-z0-9_-])/g;

/** A protocol's field in a detection rule: Suricata's `http.host`, `dns.query`, `tls.sni`. */
const PROTOCOL_FIELD = /^(?:https?|dns|tls|ssl|smtp|ftp|smb|ssh|file|ja3s?)\.[a-z_]+$/i;
/** A Java package or Android application id, written the other way round: `com.fakeapp.update.net`. */
const REVERSED_NAME = /^(?:com|org|net|edu|gov|io)\.[^.]+\.[^.]+/i;

/** Dotted names of code and rules that a TLD list would take for hosts. A defanged one is a host whatever its shape. */
function notAHost(written: string): boolean {
  return PROTOCOL_FIELD.test(written) || REVERSED_NAME.test(written);
}

/** Domain names not preceded by `@`, `/` or `\` (e-mail, path and URL parts are found elsewhere). */
export function scanDomains(mapped: MappedText): Candidate[] {
  const found: Candidate[] = [];
  eachMatchNear(DOMAIN, mapped.text, DOMAIN_ANCHOR, 64, (match) => {
    let written = match[0];
    let start = match.index;
    const lead = /^-+/.exec(written);
    if (lead !== null) {
      written = written.slice(lead[0].length);
      start += lead[0].length;
    }
    const end = start + written.length;
    const defanged = isDefanged(mapped, start, end);
    if (!defanged && notAHost(written)) return;
    const verdict = classifyHost(written, defanged);
    if (verdict === undefined) return;
    found.push({ type: 'domain-name', value: written.toLowerCase(), start, end, filenameLike: verdict === 'filename-like' });
  });
  return found;
}

/** E-mail addresses, plus their domains as `domain-name` candidates. */
export function scanEmails(mapped: MappedText): Candidate[] {
  const found: Candidate[] = [];
  // The local part is at most 64 characters: every match holds its `@` within 65.
  eachMatchNear(EMAIL, mapped.text, '@', 65, (match) => {
    const host = match[1] ?? '';
    let start = match.index;
    let local = match[0].slice(0, match[0].length - host.length - 1);
    const lead = /^[.-]+/.exec(local);
    if (lead !== null) {
      local = local.slice(lead[0].length);
      start += lead[0].length;
    }
    if (local === '' || local.endsWith('.') || local.includes('..')) return;
    const hostStart = match.index + match[0].length - host.length;
    const end = hostStart + host.length;
    if (classifyHost(host, isDefanged(mapped, start, end)) === undefined) return;
    // Local parts are case-insensitive at every real provider; one spelling per mailbox.
    found.push({ type: 'email-addr', value: `${local}@${host}`.toLowerCase(), start, end });
    found.push({ type: 'domain-name', value: host.toLowerCase(), start: hostStart, end });
  });
  return found;
}
