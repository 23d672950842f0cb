/**
 * ArcSight Common Event Format (CEF) version 0, as the "Implementing ArcSight CEF" guide
 * (revision 25) defines it: `CEF:0|Vendor|Product|Version|Class ID|Name|Severity|Extension`.
 * Header fields escape `\` and `|`; extension values escape `\` and `=` and write line
 * breaks as `\n` / `\r`. Custom string fields cs1..cs6 carry the STIX facts that have no
 * standard CEF key, each with its csNLabel.
 */
import { tlpOf, type JsonObject } from '../../stix/index.ts';
import type { ChangeEvent } from '../types.ts';

export interface CefOptions {
  /** Magpie's version, the header's Device Version. */
  version: string;
}

/** Used when the object carries neither x_opencti_score nor confidence: the middle of 0..10. */
export const CEF_DEFAULT_SEVERITY = 5;

export function escapeCefHeader(value: string): string {
  // Line breaks are not allowed in the header at all, so they become spaces.
  return value.replace(/[\\|]/g, (c) => `\\${c}`).replace(/\r\n|[\r\n]/g, ' ');
}

export function escapeCefExtension(value: string): string {
  return value.replace(/[\\=]/g, (c) => `\\${c}`).replace(/\r\n|\n/g, '\\n').replace(/\r/g, '\\r');
}

/** 0..10 from an OpenCTI score or STIX confidence (both 0..100), the score first. */
export function cefSeverity(object: Readonly<JsonObject>): number {
  const raw = typeof object.x_opencti_score === 'number' ? object.x_opencti_score : typeof object.confidence === 'number' ? object.confidence : undefined;
  if (raw === undefined || !Number.isFinite(raw)) return CEF_DEFAULT_SEVERITY;
  return Math.min(10, Math.max(0, Math.round(raw / 10)));
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** What the analyst would call the object: its name, else its value, else its pattern, else its id. */
function displayName(event: ChangeEvent): string {
  const o = event.object;
  return text(o.name) ?? text(o.value) ?? text(o.pattern) ?? event.id;
}

function fileHash(object: Readonly<JsonObject>): string | undefined {
  const hashes = object.hashes;
  if (typeof hashes !== 'object' || hashes === null) return undefined;
  const table = hashes as Record<string, unknown>;
  return text(table['SHA-256']) ?? text(table['SHA-1']) ?? text(table.MD5);
}

/** Standard CEF keys where an observable maps onto one; SIEM rules match these, not cs fields. */
function standardFields(event: ChangeEvent): [string, string][] {
  const o = event.object;
  const value = text(o.value);
  const fields: [string, string][] = [];
  switch (event.type) {
    case 'ipv4-addr':
      // dst holds one IPv4 address; a CIDR range stays in cs3 only.
      if (value !== undefined && !value.includes('/')) fields.push(['dst', value]);
      break;
    case 'ipv6-addr':
      if (value !== undefined && !value.includes('/')) fields.push(['c6a3', value], ['c6a3Label', 'Destination IPv6 Address']);
      break;
    case 'domain-name':
      if (value !== undefined) fields.push(['dhost', value]);
      break;
    case 'url':
      if (value !== undefined) fields.push(['request', value]);
      break;
    case 'file': {
      const hash = fileHash(o);
      if (hash !== undefined) fields.push(['fileHash', hash]);
      const name = text(o.name);
      if (name !== undefined) fields.push(['fname', name]);
      break;
    }
    default:
      break;
  }
  return fields;
}

export function formatCef(event: ChangeEvent, options: CefOptions): string {
  const o = event.object;
  const header = ['CEF:0', 'Magpie', 'Magpie', options.version, `${event.op}:${event.type}`, displayName(event), String(cefSeverity(o))]
    .map((field, index) => (index === 0 ? field : escapeCefHeader(field)))
    .join('|');
  const at = Date.parse(event.at);
  const labels = Array.isArray(o.labels) ? o.labels.filter((l): l is string => typeof l === 'string') : [];
  const tlp = tlpOf(o);
  const fields: [string, string][] = [
    ...(Number.isNaN(at) ? [] : [['rt', String(at)] as [string, string]]),
    ['act', event.op],
    ['cn1Label', 'seq'],
    ['cn1', String(event.seq)],
    ['cs1Label', 'stixId'],
    ['cs1', event.id],
    ['cs2Label', 'stixType'],
    ['cs2', event.type],
  ];
  const valueOrPattern = text(o.value) ?? text(o.pattern);
  if (valueOrPattern !== undefined) fields.push(['cs3Label', text(o.value) !== undefined ? 'value' : 'pattern'], ['cs3', valueOrPattern]);
  if (labels.length > 0) fields.push(['cs4Label', 'labels'], ['cs4', labels.join(',')]);
  if (tlp !== undefined) fields.push(['cs5Label', 'tlp'], ['cs5', `TLP:${tlp.toUpperCase()}`]);
  const created = text(o.created_by_ref);
  if (created !== undefined) fields.push(['cs6Label', 'createdBy'], ['cs6', created]);
  fields.push(...standardFields(event));
  return `${header}|${fields.map(([key, value]) => `${key}=${escapeCefExtension(value)}`).join(' ')}`;
}
