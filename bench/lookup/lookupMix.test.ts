import { describe, expect, it } from 'vitest';
import { pastedValues } from '../../core/lookup/pastedValues.ts';
import { defang, lookupMix } from './lookupMix.ts';

const known = [
  { type: 'ipv4-addr', value: '45.77.12.9' },
  { type: 'domain-name', value: 'secure-login.top' },
  { type: 'url', value: 'https://update-cloud.xyz/panel/gate.php' },
  { type: 'file', value: 'a'.repeat(64) },
] as const;

describe('the bench:lookup list', () => {
  it('defangs as reports do, and the engine refangs it to the stored value', () => {
    expect(defang(known[0])).toBe('45[.]77[.]12[.]9');
    expect(defang(known[2])).toBe('hxxps://update-cloud[.]xyz/panel/gate.php');
    const found = pastedValues(known.slice(0, 3).map(defang).join('\n'));
    expect(found.filter((value) => value.defanged).map((value) => value.value)).toEqual(expect.arrayContaining(['45.77.12.9', 'secure-login.top', 'https://update-cloud.xyz/panel/gate.php']));
  });

  it('is the same list for the same seed, with each kind in its share', () => {
    const pool = Array.from({ length: 4000 }, (_, index) => ({ type: 'domain-name' as const, value: `host${index}.example.org` }));
    const first = lookupMix(pool, 1000, 7);
    expect(lookupMix(pool, 1000, 7)).toEqual(first);
    expect(first.lines).toHaveLength(1000);
    expect(first.classes.known).toBeGreaterThan(340);
    expect(first.classes.warninglisted).toBeGreaterThan(110);
    expect(pastedValues(first.lines.join('\n')).filter((value) => value.warninglists.length > 0).length).toBe(first.classes.warninglisted);
  });
});
