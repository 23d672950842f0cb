import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExtract } from './extract.ts';
import type { CliIo } from './io.ts';

function captureIo(stdin = ''): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
    readStdin: () => Promise.resolve(new TextEncoder().encode(stdin)),
  };
  return io;
}

// A bare event as PyMISP's to_json and misp-stix write it: keys in their order, not "info" first.
const EVENT = {
  uuid: '5c7cdc3b-2f40-4dca-8200-276c0a00020f',
  Attribute: [
    { uuid: 'a1b2c3d4-0000-4000-8000-000000000001', type: 'ip-dst', category: 'Network activity', value: '198.51.100.7', to_ids: true },
    { uuid: 'a1b2c3d4-0000-4000-8000-000000000002', type: 'domain', category: 'Network activity', value: 'c2.example.net', to_ids: false },
  ],
  Object: [
    {
      uuid: 'a1b2c3d4-0000-4000-8000-000000000003', name: 'file', 'meta-category': 'file',
      Attribute: [
        { uuid: 'a1b2c3d4-0000-4000-8000-000000000004', type: 'filename', object_relation: 'filename', category: 'Payload delivery', value: 'dropper.exe' },
        { uuid: 'a1b2c3d4-0000-4000-8000-000000000005', type: 'md5', object_relation: 'md5', category: 'Payload delivery', value: 'd41d8cd98f00b204e9800998ecf8427e' },
        { uuid: 'a1b2c3d4-0000-4000-8000-000000000006', type: 'sha256', object_relation: 'sha256', category: 'Payload delivery', value: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
      ],
    },
  ],
  info: 'Shapes test',
  date: '2024-05-01',
  timestamp: '1714521600',
  Orgc: { name: 'Example CERT' },
};

const SHAPES: Record<string, unknown> = {
  'wrapped {"Event": …}': { Event: EVENT },
  'bare event': EVENT,
  'REST {"response": [ … ]}': { response: [{ Event: EVENT }] },
  'list of events': [EVENT],
};

async function write(name: string, json: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'magpie-extract-misp-'));
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(json));
  return path;
}

const now = (): Date => new Date('2024-06-01T00:00:00.000Z');

describe('magpie extract on a MISP event', () => {
  for (const [shape, json] of Object.entries(SHAPES)) {
    it(`reads a MISP event given as ${shape}, keeping the file object as one file SCO`, async () => {
      const path = await write('event.json', json);
      const io = captureIo();
      expect(await runExtract([path], 'stix', io, now)).toBe(0);
      const bundle = JSON.parse(io.out) as { objects: Record<string, unknown>[] };
      const files = bundle.objects.filter((object) => object['type'] === 'file');
      expect(files).toEqual([expect.objectContaining({ name: 'dropper.exe', hashes: { MD5: 'd41d8cd98f00b204e9800998ecf8427e', 'SHA-256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' } })]);
      expect(bundle.objects.filter((object) => object['type'] === 'report').map((object) => object['name'])).toEqual(['Shapes test']);
      expect(bundle.objects.find((object) => object['type'] === 'ipv4-addr')?.['value']).toBe('198.51.100.7');

      const txt = captureIo();
      expect(await runExtract([path], 'txt', txt, now)).toBe(0);
      expect(txt.out.trim().split('\n').sort()).toEqual(['198.51.100.7', 'c2.example.net', 'd41d8cd98f00b204e9800998ecf8427e', 'dropper.exe', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']);
    });
  }

  it('reads a MISP event piped to stdin, and names a JSON file that is no event', async () => {
    const io = captureIo(JSON.stringify(EVENT));
    expect(await runExtract(['-'], 'json', io, now)).toBe(0);
    const result = JSON.parse(io.out) as { format: string; indicators: { type: string; value: string }[]; objects?: unknown };
    expect(result.format).toBe('misp');
    expect(result.objects).toBeUndefined();
    expect(result.indicators).toContainEqual(expect.objectContaining({ type: 'file', value: 'dropper.exe', kind: 'name' }));

    const other = captureIo();
    expect(await runExtract([await write('other.json', { hello: 'world' })], 'stix', other, now)).toBe(1);
    expect(other.err).toContain('neither a STIX 2.x bundle nor a MISP event');
  });
});
