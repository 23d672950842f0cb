import { describe, expect, it } from 'vitest';
import { assemblePageText, type PdfTextItem, type PdfViewport } from './pdfLayout.ts';

/** A US-letter page at scale 1: user space y up → viewport y down. */
const page: PdfViewport = { width: 612, height: 792, transform: [1, 0, 0, -1, 0, 792] };

/** An item at (x, y-from-top) in a 10 pt font, 5 pt per character. */
function item(str: string, x: number, top: number, options: { size?: number; hasEOL?: boolean; charWidth?: number } = {}): PdfTextItem {
  const size = options.size ?? 10;
  return { str, transform: [size, 0, 0, size, x, 792 - top], width: str.length * (options.charWidth ?? size / 2), height: size, hasEOL: options.hasEOL ?? false };
}

describe('assemblePageText', () => {
  it('joins the items of one line with spaces where they stand apart', () => {
    expect(assemblePageText([item('C2 server', 72, 100), item('198.51.100.7', 72 + 45 + 5, 100)], page)).toBe('C2 server 198.51.100.7');
  });

  it('adds no space inside a word pdf.js split into several items', () => {
    // "evil" + "-domain[.]com" touching: one token for the extraction engine.
    const items = [item('evil', 72, 100), item('-domain', 92, 100), item('[.]com', 127, 100)];
    expect(assemblePageText(items, page)).toBe('evil-domain[.]com');
  });

  it('keeps a footnote mark apart from the URL it follows', () => {
    const items = [item('https://45.43.192.172:8443/OxGN', 72, 100), item('3', 72 + 31 * 5, 97, { size: 6 })];
    expect(assemblePageText(items, page)).toBe('https://45.43.192.172:8443/OxGN 3');
  });

  it('keeps a space pdf.js reports as its own item', () => {
    const items = [item('alpha', 72, 100), item(' ', 97, 100), item('beta', 99, 100)];
    expect(assemblePageText(items, page)).toBe('alpha beta');
  });

  it('ends each layout line with a line break, so wrapped indicators can be re-joined', () => {
    const items = [item('Contacts icloud-', 72, 100, { hasEOL: true }), item('', 0, 0, { hasEOL: true }), item('iphonesecurity[.]com was used', 72, 112)];
    expect(assemblePageText(items, page)).toBe('Contacts icloud-\niphonesecurity[.]com was used');
  });

  it('keeps content order, which is reading order for a column written before the next', () => {
    const items = [0, 1, 2, 3, 4].flatMap((i) => [item(`left ${i} with a long line of prose text`, 72, 100 + i * 12)]);
    items.push(...[0, 1, 2, 3, 4].map((i) => item(`right ${i} with a long line of prose text`, 330, 100 + i * 12)));
    expect(assemblePageText(items, page).split('\n')).toEqual([...items.map((one) => one.str)]);
  });

  it('separates paragraphs with a blank line', () => {
    const items = [item('one', 72, 100), item('two', 72, 112), item('end of paragraph.', 72, 124), item('Next paragraph', 72, 150)];
    expect(assemblePageText(items, page)).toBe('one\ntwo\nend of paragraph.\n\nNext paragraph');
  });

  it('reads a table row by row with its cells apart', () => {
    const rows = ['ipv4', 'domain', 'md5', 'url', 'sha1'].map((type, i) => [item(type, 72, 100 + i * 12), item(`value-${i}`, 200, 100 + i * 12), item('C2', 400, 100 + i * 12)]);
    const text = assemblePageText(rows.flat(), page);
    expect(text.split('\n')[0]).toBe('ipv4 value-0 C2');
    expect(text.split('\n')).toHaveLength(5);
  });

  it('reads a two-column body column by column, interleaved stream order notwithstanding', () => {
    const items: PdfTextItem[] = [item('A report title that spans the whole page width of the body text', 72, 60)];
    for (let i = 0; i < 6; i++) {
      // Left and right column lines, written row by row as some generators do.
      items.push(item(`left column line ${i} has prose text here`, 72, 100 + i * 12));
      items.push(item(`right column line ${i} has prose text here`, 330, 100 + i * 12));
    }
    items.push(item('Footer: https://publisher.example/ page 1 of 4 and a long footer line', 72, 760));
    const lines = assemblePageText(items, page).split('\n').filter((line) => line !== '');
    expect(lines[0]).toMatch(/^A report title/);
    expect(lines.slice(1, 7)).toEqual([0, 1, 2, 3, 4, 5].map((i) => `left column line ${i} has prose text here`));
    expect(lines.slice(7, 13)).toEqual([0, 1, 2, 3, 4, 5].map((i) => `right column line ${i} has prose text here`));
    expect(lines[13]).toMatch(/^Footer/);
  });

  it('applies the viewport: a page rotated by 90° reads like an upright one', () => {
    // /Rotate 90: the viewport maps user (x, y) → (y, x); text runs along user y.
    const rotated: PdfViewport = { width: 792, height: 612, transform: [0, 1, 1, 0, 0, 0] };
    const at = (str: string, x: number, y: number): PdfTextItem => ({ str, transform: [0, 10, -10, 0, x, y], width: str.length * 5, height: 10, hasEOL: false });
    expect(assemblePageText([at('line', 100, 72), at('one', 100, 94.5), at('line two', 112, 72)], rotated)).toBe('line one\nline two');
  });

  it('returns an empty string for a page without text', () => {
    expect(assemblePageText([item('', 0, 0, { hasEOL: true }), item('   ', 72, 100)], page)).toBe('');
  });

  it('keeps CJK characters without inserted spaces', () => {
    const items = [item('攻撃者は', 72, 100, { charWidth: 10 }), item('「syncnode-cdn[.]jp」', 112, 100, { charWidth: 10 }), item('を使用した。', 302, 100, { charWidth: 10 })];
    expect(assemblePageText(items, page)).toBe('攻撃者は「syncnode-cdn[.]jp」を使用した。');
  });
});
