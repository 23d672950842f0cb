import { describe, expect, it } from 'vitest';
import { csvToText } from './csv.ts';

describe('csvToText', () => {
  it('gives one line per row with tab-separated cells, quoted commas and line breaks kept in their cell', () => {
    const csv = 'type,value,comment\r\nipv4,198.51.100.7,"C2, primary"\r\ndomain,evil[.]example,"two\nlines"\r\n\r\n';
    expect(csvToText(csv)).toBe('type\tvalue\tcomment\nipv4\t198.51.100.7\tC2, primary\ndomain\tevil[.]example\ttwo lines');
  });

  it('detects semicolons and tabs as delimiters', () => {
    expect(csvToText('a;b\n1;2')).toBe('a\tb\n1\t2');
    expect(csvToText('a\tb\n1\t2')).toBe('a\tb\n1\t2');
  });
});
