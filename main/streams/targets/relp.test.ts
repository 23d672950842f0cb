import { describe, expect, it } from 'vitest';
import { createFrameReader, encodeFrame } from './relp.ts';

describe('RELP frames', () => {
  it('writes TXNR SP COMMAND SP DATALEN SP DATA LF, and no data part when empty', () => {
    expect(encodeFrame(7, 'syslog', Buffer.from('héllo')).toString('utf8')).toBe('7 syslog 6 héllo\n');
    expect(encodeFrame(9, 'close', new Uint8Array(0)).toString()).toBe('9 close 0\n');
  });

  it('reads frames split anywhere, with multi-byte data and LFs inside the data', () => {
    const read = createFrameReader();
    const offer = '200 OK\nrelp_version=0\nrelp_software=librelp,1.11.0,http://librelp.adiscon.com\ncommands=syslog';
    const stream = Buffer.from(`1 rsp ${String(Buffer.byteLength(offer))} ${offer}\n2 rsp 6 200 OK\n0 serverclose 0\n`);
    const frames = [];
    for (let i = 0; i < stream.length; i += 5) frames.push(...read(stream.subarray(i, i + 5)));
    expect(frames.map((f) => [f.txnr, f.command, f.data.split('\n')[0]])).toEqual([
      [1, 'rsp', '200 OK'],
      [2, 'rsp', '200 OK'],
      [0, 'serverclose', ''],
    ]);
  });

  it('refuses a stream that is not RELP', () => {
    expect(() => createFrameReader()(Buffer.from('HTTP/1.1 400 Bad Request\r\n'))).toThrow(/not RELP/);
    expect(() => createFrameReader()(Buffer.from('3 rsp 2 OKX'))).toThrow(/LF/);
  });
});
