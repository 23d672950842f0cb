import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createSettingsStore, defaultSettings } from './settingsStore.ts';

async function profile() {
  const dir = await mkdtemp(join(tmpdir(), 'magpie-settings-'));
  return { dir, file: join(dir, 'settings.json') };
}

describe('settings store', () => {
  it('starts from the defaults when no file exists yet', async () => {
    const { file } = await profile();
    await expect(createSettingsStore(file, { warn: vi.fn() }).get()).resolves.toEqual(defaultSettings);
  });

  it('keeps a change across restarts', async () => {
    const { file } = await profile();
    await createSettingsStore(file, { warn: vi.fn() }).update({ language: 'ja' });
    await expect(createSettingsStore(file, { warn: vi.fn() }).get()).resolves.toEqual({ language: 'ja', theme: 'system' });
  });

  it('applies concurrent updates one after the other, losing none', async () => {
    const { file } = await profile();
    const store = createSettingsStore(file, { warn: vi.fn() });
    await Promise.all([store.update({ language: 'en' }), store.update({ theme: 'dark' }), store.update({ language: 'ja' })]);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ language: 'ja', theme: 'dark' });
  });

  it('sets an unreadable file aside instead of failing or overwriting it', async () => {
    const { dir, file } = await profile();
    await writeFile(file, '{"language": "ja", "theme": ');
    const warn = vi.fn();
    await expect(createSettingsStore(file, { warn }).get()).resolves.toEqual(defaultSettings);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('unreadable'));
    const kept = (await readdir(dir)).filter((name) => name.includes('unreadable'));
    expect(kept).toHaveLength(1);
    expect(await readFile(join(dir, kept[0] ?? ''), 'utf8')).toBe('{"language": "ja", "theme": ');
  });

  it('keeps known values from a file written by a newer version', async () => {
    const { file } = await profile();
    await writeFile(file, JSON.stringify({ language: 'ja', theme: 'dark', graphRenderer: 'webgl' }));
    await expect(createSettingsStore(file, { warn: vi.fn() }).get()).resolves.toEqual({ language: 'ja', theme: 'dark' });
  });

  it('leaves no temporary files behind', async () => {
    const { dir, file } = await profile();
    const store = createSettingsStore(file, { warn: vi.fn() });
    await store.update({ theme: 'light' });
    expect(await readdir(dir)).toEqual(['settings.json']);
  });
});
