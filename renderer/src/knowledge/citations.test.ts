import { describe, expect, it } from 'vitest';
import { citationsOf, isSafeLink, linkCitations } from './citations.ts';

describe('citations', () => {
  const citations = citationsOf([
    { source_name: 'mitre-attack', external_id: 'G0016', url: 'https://attack.mitre.org/groups/G0016' },
    { source_name: 'Mandiant No Easy Breach', url: 'http://www.slideshare.net/MatthewDunwoody1/no-easy-breach' },
    { source_name: 'Evil', url: 'javascript:alert(1)' },
  ]);

  it('turns each citation naming a reference into a numbered link and leaves unknown ones as text', () => {
    expect(linkCitations('APT29 is a group.(Citation: Mandiant No Easy Breach)(Citation: Nobody)', citations)).toBe(
      'APT29 is a group.[\\[2\\]](#cite-2)(Citation: Nobody)',
    );
  });

  it('keeps only http(s) links: a javascript: reference is a citation without a link', () => {
    expect(citations[2]).toMatchObject({ number: 3, name: 'Evil', url: null });
    expect(isSafeLink('data:text/html,<script>alert(1)</script>')).toBe(false);
    expect(isSafeLink('JAVASCRIPT:alert(1)')).toBe(false);
    expect(isSafeLink('https://example.org/a')).toBe(true);
  });
});
