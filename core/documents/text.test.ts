import { describe, expect, it } from 'vitest';
import { decodeText } from './text.ts';

const japanese = '攻撃者は「syncnode-cdn[.]jp」を使用した。C2 は 198.51.100.7 です。';

function encode(label: string, text: string): Uint8Array {
  // Node has no Shift_JIS/EUC-JP encoder; these byte strings were produced with iconv.
  const known: Record<string, Record<string, number[]>> = {
    shift_jis: { '日本語のテキスト 198.51.100.7': [0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea, 0x82, 0xcc, 0x83, 0x65, 0x83, 0x4c, 0x83, 0x58, 0x83, 0x67, 0x20, ...Array.from('198.51.100.7', (c) => c.charCodeAt(0))] },
    'euc-jp': { '日本語のテキスト 198.51.100.7': [0xc6, 0xfc, 0xcb, 0xdc, 0xb8, 0xec, 0xa4, 0xce, 0xa5, 0xc6, 0xa5, 0xad, 0xa5, 0xb9, 0xa5, 0xc8, 0x20, ...Array.from('198.51.100.7', (c) => c.charCodeAt(0))] },
  };
  const bytes = known[label]?.[text];
  if (!bytes) throw new Error(`no sample for ${label}`);
  return new Uint8Array(bytes);
}

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const bytes = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(bytes.buffer);
  let offset = 0;
  if (bom) {
    view.setUint16(0, 0xfeff, littleEndian);
    offset = 2;
  }
  for (let i = 0; i < text.length; i++) view.setUint16(offset + i * 2, text.charCodeAt(i), littleEndian);
  return bytes;
}

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM, dropping the BOM', () => {
    const plain = new TextEncoder().encode(japanese);
    expect(decodeText(plain)).toEqual({ text: japanese, encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...plain]))).toEqual({ text: japanese, encoding: 'utf-8' });
  });

  it('reads UTF-16 by its BOM, and ASCII-heavy UTF-16 without one', () => {
    expect(decodeText(utf16(japanese, true, true))).toEqual({ text: japanese, encoding: 'utf-16le' });
    expect(decodeText(utf16(japanese, false, true))).toEqual({ text: japanese, encoding: 'utf-16be' });
    expect(decodeText(utf16('C2: 198.51.100.7 evil[.]example', true, false)).text).toBe('C2: 198.51.100.7 evil[.]example');
  });

  it.each(['shift_jis', 'euc-jp'])('falls back to %s for Japanese legacy files', (label) => {
    expect(decodeText(encode(label, '日本語のテキスト 198.51.100.7'))).toEqual({ text: '日本語のテキスト 198.51.100.7', encoding: label });
  });

  it('reads other non-UTF-8 bytes as windows-1252 rather than failing', () => {
    expect(decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9]))).toEqual({ text: 'café', encoding: 'windows-1252' });
  });
});
