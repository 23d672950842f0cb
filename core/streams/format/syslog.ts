/**
 * RFC 5424 syslog messages: `<PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID [SD] MSG`.
 * The event's seq, id, type and op travel as structured data under `magpie@32473` (32473
 * is the enterprise number RFC 5612 reserves for documentation; an SD-ID with `@` is a
 * private one, §6.3.2), so a receiver can dedupe or resume without parsing MSG.
 *
 * MSG is written as MSG-ANY by default — UTF-8 with no BOM. RFC 5424 §6.4 allows both; the
 * BOM only helps receivers that guess encodings, while rsyslog keeps it as three bytes at the
 * start of `%msg%`, which breaks a JSON or CEF parser reading the line behind it. `bom: true`
 * writes MSG-UTF8 for receivers that ask for it.
 */
import type { ChangeEvent } from '../types.ts';

export const SYSLOG_FACILITIES = {
  kern: 0, user: 1, mail: 2, daemon: 3, auth: 4, syslog: 5, lpr: 6, news: 7, uucp: 8, cron: 9, authpriv: 10, ftp: 11,
  local0: 16, local1: 17, local2: 18, local3: 19, local4: 20, local5: 21, local6: 22, local7: 23,
} as const;
export const SYSLOG_SEVERITIES = { emerg: 0, alert: 1, crit: 2, err: 3, warning: 4, notice: 5, info: 6, debug: 7 } as const;
export type SyslogFacility = keyof typeof SYSLOG_FACILITIES;
export type SyslogSeverity = keyof typeof SYSLOG_SEVERITIES;

export const MAGPIE_SD_ID = 'magpie@32473';
const BOM = '\uFEFF';

export interface SyslogHeader {
  facility: SyslogFacility;
  severity: SyslogSeverity;
  hostname: string;
  appName: string;
  procId: string;
  bom: boolean;
}

export const SYSLOG_HEADER_DEFAULTS: SyslogHeader = { facility: 'local0', severity: 'info', hostname: '-', appName: 'magpie', procId: '-', bom: false };

/** §6.3.3: inside a PARAM-VALUE, `"`, `\` and `]` are escaped with a backslash. */
export function escapeSdValue(value: string): string {
  return value.replace(/["\\\]]/g, (c) => `\\${c}`);
}

/**
 * A header field (§6.2): printable US-ASCII without spaces, at most `max` characters, or
 * the NILVALUE `-` when nothing is left. Anything else is replaced rather than rejected so
 * a badly configured host name never stops a stream.
 */
export function headerField(value: string, max: number): string {
  const clean = value.replace(/[^\x21-\x7e]/g, '_').slice(0, max);
  return clean === '' ? '-' : clean;
}

/** §6.2.3: RFC 3339 with at most six fractional digits; NILVALUE when `at` is unreadable. */
export function syslogTimestamp(at: string): string {
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? '-' : new Date(ms).toISOString();
}

export function structuredData(event: ChangeEvent): string {
  const params: [string, string][] = [['seq', String(event.seq)], ['op', event.op], ['id', event.id], ['type', event.type]];
  return `[${MAGPIE_SD_ID} ${params.map(([name, value]) => `${name}="${escapeSdValue(value)}"`).join(' ')}]`;
}

export interface SyslogMessage {
  /** The whole message as bytes, MSG cut to fit `maxBytes`. */
  bytes: Uint8Array;
  /** Whether MSG was cut. */
  truncated: boolean;
}

const encoder = new TextEncoder();

/**
 * The end of the longest prefix of `bytes` not over `limit` that does not split a UTF-8
 * sequence (a continuation byte is 10xxxxxx).
 */
export function utf8Boundary(bytes: Uint8Array, limit: number): number {
  if (bytes.length <= limit) return bytes.length;
  let end = Math.max(0, limit);
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end -= 1;
  return end;
}

/**
 * One RFC 5424 message. `maxBytes` bounds the whole message (a UDP datagram, or rsyslog's
 * `maxMessageSize`); §6.1 lets a sender truncate MSG, and the structured data — what a
 * receiver needs to resume — always survives, because only MSG is cut.
 */
export function formatSyslog(event: ChangeEvent, body: string, header: SyslogHeader, maxBytes: number): SyslogMessage {
  const pri = SYSLOG_FACILITIES[header.facility] * 8 + SYSLOG_SEVERITIES[header.severity];
  const msgId = headerField(event.op, 32);
  const head = `<${String(pri)}>1 ${syslogTimestamp(event.at)} ${headerField(header.hostname, 255)} ${headerField(header.appName, 48)} ${headerField(header.procId, 128)} ${msgId} ${structuredData(event)} ${header.bom ? BOM : ''}`;
  const headBytes = encoder.encode(head);
  const msgBytes = encoder.encode(body);
  const room = maxBytes - headBytes.length;
  if (room < 0) throw new RangeError(`A syslog message cannot fit in ${String(maxBytes)} bytes: its header alone takes ${String(headBytes.length)}.`);
  const end = utf8Boundary(msgBytes, room);
  const bytes = new Uint8Array(headBytes.length + end);
  bytes.set(headBytes, 0);
  bytes.set(msgBytes.subarray(0, end), headBytes.length);
  return { bytes, truncated: end < msgBytes.length };
}
