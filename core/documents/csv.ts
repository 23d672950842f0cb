/**
 * CSV/TSV → one line per row, cells tab-separated, so an indicator never runs into its
 * neighbour cell and the engine's context shows the row. papaparse guesses the delimiter
 * and handles quoted cells with commas and line breaks (RFC 4180).
 */
import Papa from 'papaparse';

export function csvToText(text: string): string {
  const result = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', delimiter: '' });
  return result.data.map((row) => row.map((cell) => cell.replace(/\s+/g, ' ').trim()).join('\t')).join('\n');
}
