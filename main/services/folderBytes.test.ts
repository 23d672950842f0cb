import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderBytes } from './folderBytes.ts';

describe('folderBytes', () => {
  it('sums the files of a folder and its sub-folders, without following links', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'magpie-bytes-'));
    await mkdir(join(folder, 'chromium', 'IndexedDB'), { recursive: true });
    await writeFile(join(folder, 'settings.json'), 'x'.repeat(100));
    await writeFile(join(folder, 'chromium', 'IndexedDB', '000003.log'), Buffer.alloc(4096));
    await symlink(join(folder, 'settings.json'), join(folder, 'link.json'));
    expect(await folderBytes(folder)).toBe(4196);
  });

  it('counts a folder that does not exist as empty', async () => {
    expect(await folderBytes(join(tmpdir(), `magpie-none-${crypto.randomUUID()}`))).toBe(0);
  });
});
