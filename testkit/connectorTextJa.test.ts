/**
 * Every word a connector shows the analyst has its Japanese (renderer/src/connectors/connectorTextJa.ts):
 * the name, the description, and each setting's title and help, read from the connectors
 * Magpie ships as main describes them to the page.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { connectors } from '../main/connectors/registry.ts';
import { connectorText, connectorTextJa } from '../renderer/src/connectors/connectorTextJa.ts';

function shownTexts(): string[] {
  const texts = new Set<string>();
  for (const connector of connectors) {
    texts.add(connector.name);
    texts.add(connector.description);
    const schema = z.toJSONSchema(connector.config, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, { title?: string; description?: string }> };
    for (const field of Object.values(schema.properties ?? {})) {
      if (field.title) texts.add(field.title);
      if (field.description) texts.add(field.description);
    }
  }
  return [...texts];
}

describe('connector texts in Japanese', () => {
  it('has a translation for every name, description, setting title and help of every connector', () => {
    const texts = shownTexts();
    expect(texts.length).toBeGreaterThan(40);
    expect(texts.filter((text) => connectorTextJa[text] === undefined)).toEqual([]);
  });

  it('shows Japanese in the Japanese UI, the English as written otherwise, and English for a text nobody translated', () => {
    expect(connectorText('Page size', 'ja')).toBe('ページサイズ');
    expect(connectorText('Page size', 'en')).toBe('Page size');
    expect(connectorText('A setting added later', 'ja')).toBe('A setting added later');
    expect(connectorText(undefined, 'ja')).toBeUndefined();
  });
});
