import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { escapeXml, graphToSvg, type SvgEdge, type SvgNode, type SvgScene } from './svg.ts';

interface Element {
  name: string;
  attribs: Record<string, string>;
  text: string;
}

/** Every element with its decoded attributes and text, and whether the tags nested properly. */
function parseSvg(svg: string): { elements: Element[]; wellFormed: boolean } {
  const elements: Element[] = [];
  const open: Element[] = [];
  const mismatches: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const element = { name, attribs, text: '' };
        elements.push(element);
        open.push(element);
      },
      ontext(data) {
        const current = open[open.length - 1];
        if (current !== undefined) current.text += data;
      },
      onclosetag(name, isImplied) {
        // In XML mode a self-closing tag reports an implied close; a mismatched one does not match.
        const current = open.pop();
        if (current?.name !== name || (isImplied && !/^(line|circle|image|rect|path)$/.test(name))) mismatches.push(name);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(svg);
  parser.end();
  return { elements, wellFormed: mismatches.length === 0 && open.length === 0 };
}

const named = (elements: Element[], name: string): Element[] => elements.filter((e) => e.name === name);

function node(overrides: Partial<SvgNode> = {}): SvgNode {
  return { id: 'indicator--1', x: 50, y: 50, size: 30, label: 'evil.example', fill: '#ff8800', border: '#333333', borderWidth: 2, labelColor: '#111111', ...overrides };
}

function edge(overrides: Partial<SvgEdge> = {}): SvgEdge {
  return { source: { x: 50, y: 50, radius: 17 }, target: { x: 150, y: 50, radius: 17 }, label: 'indicates', color: '#999999', width: 1.5, arrow: true, ...overrides };
}

function scene(overrides: Partial<SvgScene> = {}): SvgScene {
  return { width: 200, height: 120, background: '#ffffff', nodes: [node(), node({ id: 'malware--2', x: 150, label: 'Emotet' })], edges: [edge()], fontFamily: '"Noto Sans", sans-serif', ...overrides };
}

const PNG = 'data:image/png;base64,iVBORw0KGgo=';

describe('graphToSvg', () => {
  it('writes a standalone document with namespace, viewBox and title', () => {
    const svg = graphToSvg(scene({ title: 'Case 7' }));
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const { elements, wellFormed } = parseSvg(svg);
    expect(wellFormed).toBe(true);
    const root = elements[0];
    expect(root?.name).toBe('svg');
    expect(root?.attribs).toMatchObject({ xmlns: 'http://www.w3.org/2000/svg', viewBox: '0 0 200 120', width: '200', height: '120', 'font-family': '"Noto Sans", sans-serif' });
    expect(named(elements, 'title').map((e) => e.text)).toEqual(['Case 7']);
    expect(named(elements, 'rect')[0]?.attribs['fill']).toBe('#ffffff');
  });

  it('draws edges before nodes: a line and a label per edge, a circle and a label per node', () => {
    const svg = graphToSvg(scene());
    const { elements } = parseSvg(svg);
    expect(named(elements, 'line')).toHaveLength(1);
    expect(named(elements, 'circle')).toHaveLength(2);
    expect(named(elements, 'text').map((e) => e.text)).toEqual(['indicates', 'evil.example', 'Emotet']);
    expect(svg.indexOf('<line')).toBeLessThan(svg.indexOf('<circle'));
  });

  it('stops edges at the node rims so the arrowhead shows, with one marker per colour', () => {
    const { elements } = parseSvg(graphToSvg(scene({ edges: [edge(), edge({ label: 'uses' }), edge({ color: '#ff0000', arrow: true }), edge({ arrow: false, color: '#00ff00' })] })));
    const lines = named(elements, 'line');
    expect(lines[0]?.attribs).toMatchObject({ x1: '67', x2: '133', 'marker-end': 'url(#arrow-0)' });
    expect(lines[2]?.attribs['marker-end']).toBe('url(#arrow-1)');
    expect(lines[3]?.attribs['marker-end']).toBeUndefined();
    expect(named(elements, 'marker').map((m) => m.attribs['id'])).toEqual(['arrow-0', 'arrow-1']);
  });

  it('places the edge label at the midpoint and the node label below the node', () => {
    const texts = named(parseSvg(graphToSvg(scene())).elements, 'text');
    expect(texts[0]?.attribs).toMatchObject({ x: '100', y: '50' });
    expect(texts[1]?.attribs).toMatchObject({ x: '50', 'text-anchor': 'middle' });
    expect(Number(texts[1]?.attribs['y'])).toBeGreaterThan(50 + 15 + 2);
  });

  it('draws an edge from a node to itself as a loop', () => {
    const { elements } = parseSvg(graphToSvg(scene({ edges: [edge({ target: { x: 50, y: 50, radius: 17 } })] })));
    expect(named(elements, 'line')).toHaveLength(0);
    expect(named(elements, 'path').filter((p) => p.attribs['marker-end'] !== undefined)).toHaveLength(1);
  });

  it('centres an icon at 60% of the node size', () => {
    const image = named(parseSvg(graphToSvg(scene({ nodes: [node({ iconDataUri: PNG })] }))).elements, 'image')[0];
    expect(image?.attribs).toEqual({ href: PNG, x: '41', y: '41', width: '18', height: '18' });
  });

  it('keeps SVG and PNG data URIs and drops any other icon', () => {
    const icons = ['data:image/svg+xml;utf8,<svg xmlns="http://www.w3.org/2000/svg"/>', PNG, 'javascript:alert(1)', 'https://tracker.example/p.png', 'data:text/html,<script>alert(1)</script>', 'data:image/pngx,AAAA'];
    const { elements, wellFormed } = parseSvg(graphToSvg(scene({ nodes: icons.map((iconDataUri, i) => node({ id: `n${i}`, iconDataUri })) })));
    expect(wellFormed).toBe(true);
    expect(named(elements, 'image').map((e) => e.attribs['href'])).toEqual(icons.slice(0, 2));
  });

  it('leaves hostile labels inert text', () => {
    const hostile = ['</text><script>alert(1)</script>', '"><script href="x"/>', "' onload='alert(1)", ']]><!--', '&lt;&amp;'];
    const svg = graphToSvg(scene({
      title: '</title><script>alert(2)</script>',
      nodes: hostile.map((label, i) => node({ id: `"${i}"><script>`, label })),
      edges: [edge({ label: '<script>alert(3)</script>' })],
      fontFamily: '"/><script>x</script>',
    }));
    const { elements, wellFormed } = parseSvg(svg);
    expect(wellFormed).toBe(true);
    expect(named(elements, 'script')).toHaveLength(0);
    expect(svg).not.toMatch(/<script/i);
    expect(named(elements, 'text').map((e) => e.text)).toEqual(['<script>alert(3)</script>', ...hostile]);
    expect(named(elements, 'title')[0]?.text).toBe('</title><script>alert(2)</script>');
    expect(elements.every((e) => Object.keys(e.attribs).every((name) => !name.startsWith('on')))).toBe(true);
  });

  it('replaces paints that are not colours, so nothing is fetched on open', () => {
    const svg = graphToSvg(scene({ background: 'url(https://tracker.example/bg)', nodes: [node({ fill: 'url(https://tracker.example/x)', border: 'rgb(10, 20, 30)' })], edges: [edge({ color: 'red;x' })] }));
    expect(svg).not.toContain('tracker.example');
    const { elements } = parseSvg(svg);
    expect(named(elements, 'rect')).toHaveLength(0);
    expect(named(elements, 'circle')[0]?.attribs).toMatchObject({ fill: '#888888', stroke: 'rgb(10, 20, 30)' });
  });

  it('keeps Japanese labels as UTF-8 text', () => {
    const label = '標的型攻撃メール（APT）';
    const svg = graphToSvg(scene({ nodes: [node({ label })] }));
    expect(svg).toContain(label);
    expect(named(parseSvg(svg).elements, 'text').map((e) => e.text)).toContain(label);
  });

  it('writes broken coordinates as 0 and rounds the rest to hundredths', () => {
    const circle = named(parseSvg(graphToSvg(scene({ nodes: [node({ x: Number.NaN, y: 1 / 3 })], edges: [] }))).elements, 'circle')[0];
    expect(circle?.attribs).toMatchObject({ cx: '0', cy: '0.33' });
  });

  it('writes an empty scene', () => {
    const { elements, wellFormed } = parseSvg(graphToSvg(scene({ nodes: [], edges: [] })));
    expect(wellFormed).toBe(true);
    expect(named(elements, 'circle')).toHaveLength(0);
  });
});

describe('escapeXml', () => {
  it('drops characters XML cannot carry and round-trips the rest (seeded)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (label) => {
        const { elements, wellFormed } = parseSvg(`<svg><text a="${escapeXml(label)}">${escapeXml(label)}</text></svg>`);
        const expected = label.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
        expect(wellFormed).toBe(true);
        expect(elements[1]?.text ?? '').toBe(expected);
        expect(elements[1]?.attribs['a']).toBe(expected);
      }),
      { seed: 4242, numRuns: 200 },
    );
  });
});
