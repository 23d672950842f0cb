import { describe, expect, it } from 'vitest';
import { lookupGroup, pastedValues } from './pastedValues.ts';
const SHA = '2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881';

describe('the values of a pasted list', () => {
  it('finds and refangs values in text of any shape, and names the warninglists that hold them', () => {
    const text = 'ticket 4411: beacon to evil-c2[.]example via hxxps://drop[.]badsite[.]com/a.php\nresolver,8.8.8.8\nhash;' + SHA + '\n';
    const values = pastedValues(text);
    const byValue = new Map(values.map((value) => [value.value, value]));
    expect(byValue.get('evil-c2.example')).toMatchObject({ type: 'domain-name', defanged: true, warninglists: [] });
    expect(byValue.get('https://drop.badsite.com/a.php')).toMatchObject({ type: 'url', defanged: true });
    expect(byValue.get(SHA)).toMatchObject({ type: 'file', hash_type: 'SHA-256', defanged: false });
    const resolver = byValue.get('8.8.8.8');
    expect(resolver?.warninglists.length).toBeGreaterThan(0);
    expect(lookupGroup(false, resolver?.warninglists ?? [])).toBe('warninglist');
    expect(lookupGroup(true, resolver?.warninglists ?? [])).toBe('known');
    expect(lookupGroup(false, [])).toBe('unknown');
  });

  it('finds nothing in text without values', () => {
    expect(pastedValues('nothing to see here, just words.')).toEqual([]);
  });
});
