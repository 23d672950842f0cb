import { describe, expect, it } from 'vitest';
import { BOM, convert, CSV_COLUMNS, csvCell, toCsv } from './index.ts';
import { file, indicator, ip, resolves, sample } from './testdata/objects.ts';

/** Splits our own output back into cells: every cell is quoted, so `"<sep>"` only occurs between cells. */
function cells(line: string, separator = ';'): string[] {
  return line.slice(1, -1).split(`"${separator}"`).map((cell) => cell.replaceAll('""', '"'));
}

function rowOf(csv: string, id: unknown, separator = ';'): Record<string, string> {
  const lines = csv.replace(BOM, '').split('\r\n');
  const header = cells(lines[0] ?? '', separator);
  const line = lines.find((candidate) => candidate.startsWith(`"${String(id)}"`)) ?? '';
  const values = cells(line, separator);
  return Object.fromEntries(header.map((name, index) => [name, values[index] ?? '']));
}

describe('CSV export', () => {
  it('writes a header and one fully quoted row per object, ; separated, CRLF ended', () => {
    const csv = toCsv(sample);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.map((column) => `"${column}"`).join(';'));
    expect(lines).toHaveLength(sample.length + 2);
    expect(lines.at(-1)).toBe('');
    expect(csv.startsWith(BOM)).toBe(false);
  });

  it('uses , on request and starts with a BOM for Excel when asked', () => {
    const csv = convert(sample, { to: 'csv', separator: ',', bom: true }).text;
    expect(csv.startsWith(`${BOM}"id","type","name"`)).toBe(true);
    expect(rowOf(csv, ip['id'], ',')['name']).toBe('203.0.113.9');
  });

  it('expands hashes into their own columns and joins lists with commas', () => {
    const row = rowOf(toCsv(sample), file['id']);
    expect(row).toMatchObject({ name: 'dropper.exe', sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', md5: 'd41d8cd98f00b204e9800998ecf8427e', sha1: '', sha512: '' });
    const indicatorRow = rowOf(toCsv(sample), indicator['id']);
    expect(indicatorRow).toMatchObject({ labels: 'malicious-activity,apt', external_ids: 'T1071,CVE-2021-44228', tlp: 'TLP:AMBER', confidence: '80', pattern: String(indicator['pattern']) });
  });

  it('doubles quotes and guards cells a spreadsheet would run as a formula', () => {
    const row = rowOf(toCsv(sample), indicator['id']);
    expect(row['name']).toBe('\'=HYPERLINK("http://x")');
    expect(row['description']).toBe('Beacon "gate", seen twice');
    expect(csvCell('+1')).toBe('"\'+1"');
    expect(csvCell('@SUM(A1)')).toBe('"\'@SUM(A1)"');
    expect(csvCell('-2+3')).toBe('"\'-2+3"');
    expect(csvCell('a=b')).toBe('"a=b"');
  });

  it('gives relationships their source, target and type', () => {
    expect(rowOf(toCsv(sample), resolves['id'])).toMatchObject({ source_ref: indicator['id'], target_ref: ip['id'], relationship_type: 'indicates', name: 'indicates' });
  });
});
