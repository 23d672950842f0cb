/**
 * The analyst's preferences, kept as one JSON file in the profile folder. Writes go to a
 * temporary file that is then renamed over the old one, so a crash mid-write leaves the
 * previous settings intact; writes are queued so two updates never interleave.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Settings, type SettingsPatch } from '../../core/ipc/channels.ts';
import type { Logger } from '../ipc/dispatcher.ts';

export const defaultSettings: Settings = Object.freeze({ language: 'system', theme: 'system' });

export interface SettingsStore {
  get(): Promise<Settings>;
  update(patch: SettingsPatch): Promise<Settings>;
}

export function createSettingsStore(file: string, log: Pick<Logger, 'warn'>): SettingsStore {
  let cached: Settings | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  async function load(): Promise<Settings> {
    if (cached) return cached;
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      cached = defaultSettings;
      return cached;
    }
    let parsed: ReturnType<typeof Settings.safeParse>;
    try {
      // Unknown keys from a newer version are dropped rather than rejecting the file.
      parsed = Settings.strip().safeParse({ ...defaultSettings, ...(JSON.parse(text) as object) });
    } catch {
      parsed = Settings.safeParse(undefined);
    }
    if (parsed.success) {
      cached = parsed.data;
    } else {
      // Keep the unreadable file for the analyst (or a bug report) instead of overwriting it.
      const aside = `${file}.unreadable-${Date.now()}`;
      await rename(file, aside);
      log.warn(`Settings file was unreadable; defaults are used and the old file was kept as ${aside}`);
      cached = defaultSettings;
    }
    return cached;
  }

  async function save(next: Settings): Promise<void> {
    await mkdir(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(next, null, 2)}\n`, { encoding: 'utf8', mode: 0o600 });
    await rename(temporary, file);
    cached = next;
  }

  function serial<T>(task: () => Promise<T>): Promise<T> {
    const result = queue.then(task, task);
    queue = result.catch(() => undefined);
    return result;
  }

  return {
    get: () => serial(load),
    update: (patch) =>
      serial(async () => {
        const next = Settings.parse({ ...(await load()), ...patch });
        await save(next);
        return next;
      }),
  };
}
