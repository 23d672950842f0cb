import { describe, expect, it } from 'vitest';
import { typeLook } from '../../knowledge/stixTypes.ts';
import { graphStylesheet } from './cyStyle.ts';
import { nodeColour, nodeShape, styledTypes } from './nodeLooks.ts';

describe('the graph stylesheet', () => {
  it('gives every STIX type its own colour and icon, in both themes', () => {
    expect(new Set(styledTypes.map(nodeColour)).size).toBe(styledTypes.length);
    for (const scheme of ['light', 'dark'] as const) {
      const blocks = graphStylesheet(scheme).filter((block): block is { selector: string; style: Record<string, unknown> } => 'selector' in block && block.selector.startsWith('node[type = '));
      expect(blocks).toHaveLength(styledTypes.length);
      const icons = blocks.map((block) => block.style['background-image']);
      expect(icons.every((icon) => typeof icon === 'string' && icon.startsWith('data:image/svg+xml'))).toBe(true);
      expect(new Set(icons).size).toBe(styledTypes.length);
    }
  });

  it('tells SDOs, observables and containers apart by shape', () => {
    expect(nodeShape('intrusion-set')).toBe('ellipse');
    expect(nodeShape('ipv4-addr')).toBe('round-rectangle');
    expect(nodeShape('report')).toBe('round-hexagon');
    expect(new Set([nodeShape('malware'), nodeShape('file'), nodeShape('grouping')]).size).toBe(3);
  });

  it('draws the TLP colour on the border of marked nodes', () => {
    const red = graphStylesheet('light').find((block) => 'selector' in block && block.selector === 'node[tlp = "red"]');
    expect(red && 'style' in red ? red.style : undefined).toMatchObject({ 'border-color': '#ff2b2b' });
  });
});

describe('type icons', () => {
  it('differ in drawing, not only in colour, between the types an analyst sees side by side', () => {
    const byIcon = new Map<unknown, string[]>();
    for (const type of styledTypes) byIcon.set(typeLook(type).icon, [...(byIcon.get(typeLook(type).icon) ?? []), type]);
    expect([...byIcon.values()].filter((types) => types.length > 1)).toEqual([]);
  });
});

describe('labels on the WebGL renderer', () => {
  it('are drawn only for selected and found nodes, since WebGL ignores min-zoomed-font-size', () => {
    const sheet = graphStylesheet('dark', 'selected');
    const blocks = sheet.filter((block): block is { selector: string; style: Record<string, unknown> } => 'selector' in block);
    expect(blocks.find((block) => block.selector === 'node, edge')?.style['label']).toBe('');
    expect(blocks.find((block) => block.selector === 'node:selected, node.match')?.style['label']).toBe('data(label)');
    expect(graphStylesheet('dark').some((block) => 'selector' in block && block.selector === 'node, edge')).toBe(false);
  });
});
