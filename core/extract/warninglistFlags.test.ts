import { describe, expect, it } from 'vitest';
import { extractIndicators } from './index.ts';
import type { ExtractOptions } from './types.ts';
import { activeWarninglists } from '../warninglists/index.ts';

function flagsOf(text: string, value: string, options?: ExtractOptions) {
  const found = extractIndicators([{ page: 1, text }], options).indicators.find((indicator) => indicator.value === value);
  if (!found) throw new Error(`${value} was not extracted from ${text}`);
  return found.flags.map((flag) => ({ code: flag.code, detail: flag.detail }));
}

describe('warninglist hits in the extraction result (issue 21)', () => {
  const text = 'The implant resolved via 8.8.8.8 and 1.1.1.1, then beaconed to 45.77.12.9. Advisory: www.jpcert.or.jp and cert.gov. Lure: https://bit.ly/3xYz';

  it('flags the public resolvers and a CERT domain as benign with the list name', () => {
    expect(flagsOf(text, '8.8.8.8')).toEqual([{ code: 'benign', detail: { why: 'warninglist', list: 'List of known IPv4 public DNS resolvers' } }]);
    expect(flagsOf(text, '1.1.1.1')).toEqual([{ code: 'benign', detail: { why: 'warninglist', list: 'List of known IPv4 public DNS resolvers' } }]);
    expect(flagsOf(text, 'cert.gov')).toEqual([{ code: 'benign', detail: { why: 'warninglist', list: "Magpie: security vendors' and CERTs' own domains" } }]);
    expect(flagsOf(text, 'www.jpcert.or.jp')[0]).toEqual({ code: 'benign', detail: { why: 'warninglist', list: "Magpie: security vendors' and CERTs' own domains" } });
    expect(flagsOf(text, '45.77.12.9')).toEqual([]);
  });

  it('flags a link shortener as context only', () => {
    expect(flagsOf(text, 'https://bit.ly/3xYz')).toEqual([{ code: 'context', detail: { why: 'warninglist', list: 'Magpie: common link shorteners' } }]);
  });

  it('follows the lists in force: a list turned off flags nothing', () => {
    const options: ExtractOptions = { warninglists: activeWarninglists({ disabled: ['List of known IPv4 public DNS resolvers'] }) };
    expect(flagsOf(text, '8.8.8.8', options)).toEqual([]);
  });
});
