import { describe, expect, it } from 'vitest';
import { openCtiAmberStrict } from '../stix/testing/openctiMarkings.ts';
import { convert } from './index.ts';
import { withholdAbove } from './withhold.ts';
import { domain, sample, secret, toSecret } from './testdata/objects.ts';

describe('the maximum TLP of every export', () => {
  it('withholds and counts a TLP:RED object, and the relationship that would name it', () => {
    for (const to of ['csv', 'txt', 'misp'] as const) {
      const result = convert(sample, { to, maxTlp: 'amber' });
      expect(result.withheld, to).toEqual({ red: 1 });
      expect(result.withheldRelationships, to).toBe(1);
      expect(result.exported, to).toBe(sample.length - 2);
      expect(result.text, to).not.toContain('198.51.100.66');
      expect(result.text, to).not.toContain(String(toSecret['id']));
    }
  });

  it('counts unmarked objects as TLP:CLEAR, and keeps everything without a maximum', () => {
    expect(convert([domain], { to: 'txt', maxTlp: 'clear' })).toMatchObject({ exported: 1, withheld: {} });
    const clear = convert(sample, { to: 'txt', maxTlp: 'clear' });
    expect(clear.withheld).toEqual({ green: 1, amber: 1, red: 1 });
    expect(clear.text.split('\n')).toEqual([
      'd41d8cd98f00b204e9800998ecf8427e', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'evil.example', 'https://evil.example/gate.php', 'phish@evil.example', '',
    ]);
    expect(convert(sample, { to: 'txt' }).text).toContain(String(secret['value']));
  });

  it('withholds an object marked with a TLP definition under another id (OpenCTI\'s own)', () => {
    const object = { type: 'ipv4-addr', spec_version: '2.1', id: 'ipv4-addr--d4ab8f31-1c5e-5d93-9a2c-5e5c2f0d7e11', value: '198.51.100.9', object_marking_refs: [String(openCtiAmberStrict['id'])] };
    const result = withholdAbove([openCtiAmberStrict, object], 'amber');
    expect(result.withheld).toEqual({ 'amber+strict': 1 });
    expect(result.kept.map((kept) => kept['id'])).toEqual([openCtiAmberStrict['id']]);
  });
});
