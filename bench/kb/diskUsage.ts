/** Bytes a browser profile spends on one origin's IndexedDB, as `du` counts them. */
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

async function allocated(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.blocks * 512;
  let sum = info.blocks * 512;
  for (const entry of await readdir(path)) sum += await allocated(join(path, entry));
  return sum;
}

/**
 * Every IndexedDB folder of the profile whose name carries the host (Chromium names them
 * `http_<host>_<port>.indexeddb.leveldb` and `….indexeddb.blob`), summed.
 */
export async function bytesOnDisk(profile: string, host: string): Promise<{ bytes: number; folders: string[] }> {
  const folders: string[] = [];
  const walk = async (path: string, depth: number): Promise<void> => {
    if (depth > 6) return;
    for (const entry of await readdir(path, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const child = join(path, entry.name);
      if (entry.name.includes('.indexeddb.') && entry.name.includes(host)) folders.push(child);
      else await walk(child, depth + 1);
    }
  };
  await walk(profile, 0);
  let bytes = 0;
  for (const folder of folders) bytes += await allocated(folder);
  return { bytes, folders: folders.map((folder) => relative(profile, folder)) };
}
