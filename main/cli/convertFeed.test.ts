import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { feedBundle } from '../../core/exports/testdata/feedBundle.ts';
import { runConvert } from './convert.ts';
import { convertOptions } from './convertArgs.ts';
import type { CliIo } from './io.ts';

function captureIo(): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', stdout: (text: string) => void (io.out += text), stderr: (text: string) => void (io.err += text), readStdin: () => Promise.resolve(new Uint8Array()) };
  return io;
}

describe('magpie convert --to misp-feed', () => {
  it('writes a MISP feed folder: manifest.json, hashes.csv and one <uuid>.json per event, the same uuids on a second run', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'magpie-misp-feed-'));
    const input = join(dir, 'bundle.json');
    await writeFile(input, JSON.stringify({ type: 'bundle', id: 'bundle--6f1c1b4e-2c4d-4f4a-9c1e-0a2b3c4d5e6f', objects: feedBundle() }));
    const out = join(dir, 'feed');
    const io = captureIo();
    expect(await runConvert({ input, options: convertOptions({ to: 'misp-feed', out, org: 'ACME CERT' }) }, io)).toBe(0);
    expect(io.out).toBe('');
    expect(io.err).toMatch(/wrote a MISP feed of 3 event\(s\)/);
    const names = (await readdir(out)).sort();
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Record<string, { Orgc: { name: string } }>;
    expect(names).toEqual(['hashes.csv', 'manifest.json', ...Object.keys(manifest).map((uuid) => `${uuid}.json`)].sort());
    expect(Object.values(manifest).every((entry) => entry.Orgc.name === 'ACME CERT')).toBe(true);
    const event = JSON.parse(await readFile(join(out, `${Object.keys(manifest)[0] ?? ''}.json`), 'utf8')) as { Event: { uuid: string } };
    expect(event.Event.uuid).toBe(Object.keys(manifest)[0]);

    const again = join(dir, 'again');
    expect(await runConvert({ input, options: convertOptions({ to: 'misp-feed', out: again, org: 'ACME CERT' }) }, captureIo())).toBe(0);
    expect((await readdir(again)).sort()).toEqual(names);
    expect(await readFile(join(again, 'hashes.csv'), 'utf8')).toBe(await readFile(join(out, 'hashes.csv'), 'utf8'));
  });

  it('withholds what is marked above --max-tlp and says so on stderr', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'magpie-misp-feed-'));
    const input = join(dir, 'bundle.json');
    await writeFile(input, JSON.stringify({ type: 'bundle', id: 'bundle--6f1c1b4e-2c4d-4f4a-9c1e-0a2b3c4d5e6f', objects: feedBundle() }));
    const io = captureIo();
    expect(await runConvert({ input, options: convertOptions({ to: 'misp-feed', out: join(dir, 'feed'), 'max-tlp': 'clear' }) }, io)).toBe(0);
    expect(io.err).toMatch(/withheld \d+ marked TLP:GREEN/);
    // Only the observable no report holds is unmarked: the feed holds it alone.
    const manifest = JSON.parse(await readFile(join(dir, 'feed', 'manifest.json'), 'utf8')) as Record<string, { info: string }>;
    expect(Object.values(manifest).map((entry) => entry.info)).toEqual(['Magpie export']);
  });

  it('needs --out, and --out and --org belong to misp-feed only', () => {
    expect(() => convertOptions({ to: 'misp-feed' })).toThrow(/needs --out <folder>/);
    expect(() => convertOptions({ to: 'csv', out: 'x' })).toThrow(/--out applies to --to misp-feed only/);
    expect(() => convertOptions({ to: 'misp', org: 'x' })).toThrow(/--org applies to --to misp-feed only/);
    expect(convertOptions({ to: 'misp-feed', out: 'feed', info: 'Loose ends', 'max-tlp': 'amber' })).toMatchObject({ to: 'misp-feed', out: 'feed', info: 'Loose ends', maxTlp: 'amber' });
  });
});
