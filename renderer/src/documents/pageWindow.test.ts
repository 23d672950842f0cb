import { describe, expect, it } from 'vitest';
import { AROUND, pageWindow } from './pageWindow.ts';

describe('pageWindow', () => {
  it('returns a short page whole, split around the value', () => {
    const pages = [{ page: 2, text: 'Beacons to evil.example every hour.' }];
    expect(pageWindow(pages, 2, 11, 12)).toEqual({ before: 'Beacons to ', match: 'evil.example', after: ' every hour.', cutBefore: 0, cutAfter: 0 });
  });

  it('cuts a 20 MB page to whole lines around the value and counts what it leaves out', () => {
    const line = `${'x'.repeat(79)}\n`;
    const text = `${line.repeat(125_000)}c2.deep.example\n${line.repeat(125_000)}`;
    const offset = text.indexOf('c2.deep.example');
    const window = pageWindow([{ page: 1, text }], 1, offset, 15);
    expect(window?.match).toBe('c2.deep.example');
    expect(window?.before.length).toBeLessThanOrEqual(AROUND * 1.5);
    expect(window?.after.length).toBeLessThanOrEqual(AROUND * 1.5);
    expect(window?.before.startsWith('x')).toBe(true);
    expect(window?.after.endsWith('x')).toBe(true);
    expect((window?.cutBefore ?? 0) + (window?.before.length ?? 0) + 15 + (window?.after.length ?? 0) + (window?.cutAfter ?? 0)).toBe(text.length);
  });

  it('is null for a page or range the document does not have', () => {
    const pages = [{ page: 1, text: 'short' }];
    expect(pageWindow(pages, 3, 0, 1)).toBeNull();
    expect(pageWindow(pages, 1, 4, 5)).toBeNull();
  });
});
