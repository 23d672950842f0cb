/**
 * CSV with OpenCTI's conventions: one row per object under a header row, every field
 * quoted, `;` between fields by default (`,` on request), lists comma-joined inside their
 * field, hashes expanded into one column per algorithm. Rows end in CRLF (RFC 4180).
 */
import { displayName } from '../knowledge/objectFacts.ts';
import { tlpOf } from '../stix/markings.ts';
import { isObject, type JsonObject } from '../stix/model/properties.ts';
import { fileHashes } from './values.ts';

export interface CsvOptions {
  /** `;` (default, as OpenCTI and European Excel expect) or `,`. */
  readonly separator?: ';' | ',';
  /** Start with a UTF-8 byte order mark, so Excel reads the file as UTF-8 rather than the ANSI code page. */
  readonly bom?: boolean;
}

export const CSV_COLUMNS = [
  'id', 'type', 'name', 'description', 'created', 'modified', 'labels', 'tlp', 'confidence', 'created_by_ref',
  'md5', 'sha1', 'sha256', 'sha512', 'external_ids', 'pattern', 'source_ref', 'target_ref', 'relationship_type',
] as const;

type Column = (typeof CSV_COLUMNS)[number];

export const BOM = '\uFEFF';

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

function list(value: unknown): string {
  return Array.isArray(value) ? value.map(text).filter((item) => item !== '').join(',') : '';
}

function externalIds(object: JsonObject): string {
  const references = object['external_references'];
  if (!Array.isArray(references)) return '';
  return list(references.map((reference: unknown) => (isObject(reference) ? reference['external_id'] : undefined)));
}

function row(object: JsonObject): Record<Column, string> {
  const hashes = fileHashes(object['hashes']);
  const tlp = tlpOf(object);
  return {
    id: text(object['id']),
    type: text(object['type']),
    name: displayName(object),
    description: text(object['description']),
    created: text(object['created']),
    modified: text(object['modified']),
    labels: list(object['labels']),
    tlp: tlp === undefined ? '' : `TLP:${tlp.toUpperCase()}`,
    confidence: text(object['confidence']),
    created_by_ref: text(object['created_by_ref']),
    md5: hashes.md5 ?? '',
    sha1: hashes.sha1 ?? '',
    sha256: hashes.sha256 ?? '',
    sha512: hashes.sha512 ?? '',
    external_ids: externalIds(object),
    pattern: text(object['pattern']),
    source_ref: text(object['source_ref'] ?? object['sighting_of_ref']),
    target_ref: text(object['target_ref']),
    relationship_type: text(object['relationship_type']),
  };
}

/**
 * One quoted field. A cell starting with = + - @ (or a tab or carriage return) is one a
 * spreadsheet runs as a formula — CSV injection — so it gets a leading `'`, as OWASP's
 * "CSV Injection" page recommends: the cell then shows as text. Values that merely
 * contain these characters are left alone.
 */
export function csvCell(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${guarded.replaceAll('"', '""')}"`;
}

export function toCsv(objects: readonly JsonObject[], options: CsvOptions = {}): string {
  const separator = options.separator ?? ';';
  const lines = [CSV_COLUMNS.map(csvCell).join(separator), ...objects.map((object) => {
    const cells = row(object);
    return CSV_COLUMNS.map((column) => csvCell(cells[column])).join(separator);
  })];
  return `${options.bom === true ? BOM : ''}${lines.join('\r\n')}\r\n`;
}
