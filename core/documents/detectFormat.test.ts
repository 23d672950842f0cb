import { describe, expect, it } from 'vitest';
import { detectFormat } from './detectFormat.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('detectFormat', () => {
  it('knows a PDF by its header, whatever its name', () => {
    expect(detectFormat('report.bin', bytes('%PDF-1.7\n%âãÏÓ'))).toEqual({ kind: 'document', format: 'pdf' });
    expect(detectFormat('report.pdf', bytes('junk before %PDF-1.4'))).toEqual({ kind: 'document', format: 'pdf' });
    expect(detectFormat('report.pdf', bytes('<html>not a pdf</html>')).kind).toBe('unsupported');
  });

  it('knows a bundle whose writer sorted its keys, putting the objects before "type"', () => {
    const sorted = `{"id": "bundle--44af6c39-c09b-49c5-9de2-394224b04982", "objects": [${'{"type": "indicator", "id": "indicator--x"},'.repeat(3000)}{}], "type": "bundle"}`;
    expect(detectFormat('export.json', new TextEncoder().encode(sorted.slice(0, 65_536)))).toEqual({ kind: 'stix-bundle' });
    expect(detectFormat('small.json', new TextEncoder().encode('{"objects": [{"type": "indicator"}], "type": "bundle"}'))).toEqual({ kind: 'stix-bundle' });
  });

  it('tells a STIX bundle from a MISP event from other JSON', () => {
    expect(detectFormat('a.json', bytes('{"type": "bundle", "id": "bundle--1", "objects": []}'))).toEqual({ kind: 'stix-bundle' });
    expect(detectFormat('a.json', bytes('{"id":"bundle--1","type":"bundle","objects":[{"type":"indicator"}]}'))).toEqual({ kind: 'stix-bundle' });
    expect(detectFormat('a.json', bytes('{"spec_version": "2.0", "objects": [{"type": "bundle"}]}'))).toEqual({ kind: 'stix-bundle' });
    expect(detectFormat('a.json', bytes('{"Event": {"info": "x", "Attribute": []}}'))).toEqual({ kind: 'misp-event' });
    expect(detectFormat('a.json', bytes('{"response": [{"Event": {"info": "x"}}]}'))).toEqual({ kind: 'misp-event' });
    expect(detectFormat('no-extension', bytes('\ufeff{"type":"bundle","id":"bundle--1"}'))).toEqual({ kind: 'stix-bundle' });
    expect(detectFormat('a.json', bytes('{"hello": "world"}')).kind).toBe('unsupported');
  });

  it('knows a MISP event in each shape MISP, PyMISP and misp-stix write, whatever the key order', () => {
    const bare = '{"uuid": "5c7cdc3b-2f40-4dca-8200-276c0a00020f", "Attribute": [{"type": "ip-dst", "value": "198.51.100.7"}], "info": "x"}';
    expect(detectFormat('a.json', bytes(`{"Event": ${bare}}`))).toEqual({ kind: 'misp-event' });
    expect(detectFormat('a.json', bytes(bare))).toEqual({ kind: 'misp-event' });
    expect(detectFormat('event', bytes('{"Attribute": [], "Object": [], "date": "2024-01-01", "info": "x"}'))).toEqual({ kind: 'misp-event' });
    expect(detectFormat('a.json', bytes(`{"response": [${bare}]}`))).toEqual({ kind: 'misp-event' });
    expect(detectFormat('a.json', bytes(`[${bare}, ${bare}]`))).toEqual({ kind: 'misp-event' });
    expect(detectFormat('a.json', bytes(`[{"Event": ${bare}}]`))).toEqual({ kind: 'misp-event' });
    // A huge first attribute list cut off by the sniffed head: the keys before it decide.
    const long = `{"info": "big", "uuid": "5c7cdc3b-2f40-4dca-8200-276c0a00020f", "Attribute": [${'{"type": "domain", "value": "a.example"},'.repeat(5000)}{}]}`;
    expect(detectFormat('big.json', bytes(long.slice(0, 65_536)))).toEqual({ kind: 'misp-event' });
    // Quotes, braces and keys inside strings are text, not structure.
    expect(detectFormat('a.json', bytes('{"comment": "say \\"Attribute\\": [ {", "note": {"Attribute": []}}')).kind).toBe('unsupported');
    expect(detectFormat('a.json', bytes('{"info": "a \\"quoted\\" {title}", "date": "2024-01-01"}'))).toEqual({ kind: 'misp-event' });
    expect(detectFormat('a.json', bytes('[{"info": "a title alone"}]')).kind).toBe('unsupported');
    expect(detectFormat('a.json', bytes('{"list": [{"Attribute": []}]}')).kind).toBe('unsupported');
  });

  it('reads the format of text documents from the extension, then the content', () => {
    expect(detectFormat('a.md', bytes('# Title'))).toEqual({ kind: 'document', format: 'markdown' });
    expect(detectFormat('a.TXT', bytes('x'))).toEqual({ kind: 'document', format: 'text' });
    expect(detectFormat('a.htm', bytes('x'))).toEqual({ kind: 'document', format: 'html' });
    expect(detectFormat('a.tsv', bytes('a\tb'))).toEqual({ kind: 'document', format: 'csv' });
    expect(detectFormat('a.eml', bytes('x'))).toEqual({ kind: 'document', format: 'eml' });
    expect(detectFormat('saved', bytes('<!DOCTYPE html><html>'))).toEqual({ kind: 'document', format: 'html' });
    expect(detectFormat('message', bytes('Received: from x\nFrom: a@b.example\nSubject: hi\n\nbody'))).toEqual({ kind: 'document', format: 'eml' });
    expect(detectFormat('notes', bytes('198.51.100.7'))).toEqual({ kind: 'document', format: 'text' });
  });

  it('refuses binaries and archives with a reason', () => {
    const zip = detectFormat('report.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]));
    expect(zip).toEqual({ kind: 'unsupported', reason: expect.stringContaining('save it as PDF') as unknown, refusal: { code: 'binary-format', what: 'office-zip' } });
    expect(detectFormat('x.txt', new Uint8Array([0x41, 0, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47])).kind).toBe('unsupported');
    expect(detectFormat('empty.txt', new Uint8Array()).kind).toBe('unsupported');
  });
});
