import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { resolveLanguage } from './index.ts';
import { ja } from './ja.ts';

function leaves(value: unknown, prefix = ''): [string, unknown][] {
  if (typeof value === 'string' || Array.isArray(value)) return [[prefix, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
}

describe('translations', () => {
  it('Japanese has every English string, none left empty or in English', () => {
    const english = new Map(leaves(en));
    const japanese = new Map(leaves(ja));
    expect([...japanese.keys()].sort()).toEqual([...english.keys()].sort());
    const untranslated = [...japanese].filter(([key, value]) => {
      const source = english.get(key);
      // Product names, acronyms, version placeholders and language names read the same in both.
      return JSON.stringify(value) === JSON.stringify(source) && !/^(app\.name|nav\.shortcut|pages\.settings\.(languages|electron|chrome|node|unavailable)\b|stix\.types\.url$|kb\.columns\.tlp$|kb\.detail\.raw$|investigate\.filterTlp$|investigate\.effective\.fcose$|exports\.formats\.(stix|csv)$|streams\.kinds\.|streams\.fields\.url$)/.test(key);
    });
    expect(untranslated).toEqual([]);
  });

  it('every Japanese list has as many items as the English one', () => {
    const english = new Map(leaves(en));
    for (const [key, value] of leaves(ja)) {
      if (Array.isArray(value)) expect(value.length, key).toBe((english.get(key) as unknown[]).length);
    }
  });
});

describe('resolveLanguage', () => {
  it('uses the chosen language when one is set', () => {
    expect(resolveLanguage('ja', ['en-US'])).toBe('ja');
    expect(resolveLanguage('en', ['ja-JP'])).toBe('en');
  });

  it('follows the first supported OS language for "system"', () => {
    expect(resolveLanguage('system', ['ja-JP', 'en-US'])).toBe('ja');
    expect(resolveLanguage('system', ['fr-FR', 'ja'])).toBe('ja');
    expect(resolveLanguage('system', ['en-GB', 'ja-JP'])).toBe('en');
    expect(resolveLanguage('system', ['de-DE'])).toBe('en');
    expect(resolveLanguage('system', [])).toBe('en');
  });
});
