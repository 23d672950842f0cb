/**
 * Reads an exported CSV back as a user's import would: an RFC 4180 reader (papaparse)
 * that also undoes the exporter's formula guard. For tests; expects the OpenCTI columns.
 */
import Papa from 'papaparse';
import { expect } from 'vitest';
import { CSV_COLUMNS } from '../csv.ts';

export function readCsv(text: string, separator: ';' | ','): Record<string, string>[] {
  const parsed = Papa.parse<string[]>(text, { delimiter: separator, newline: '\r\n', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [header, ...rows] = parsed.data;
  expect(header).toEqual([...CSV_COLUMNS]);
  const unguard = (cell: string): string => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);
  return rows.map((cells) => Object.fromEntries(CSV_COLUMNS.map((column, index) => [column, unguard(cells[index] ?? '')])));
}
