import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createArchiveWriter } from './archiveWriter.ts';
import { createBackupScheduler } from './schedule.ts';

describe('backup archive files', () => {
  it('writes to <name>.partial and renames it only when committed', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'magpie-backup-'));
    const writer = createArchiveWriter();
    const id = await writer.begin(join(folder, 'b.zip'), false);
    await writer.write(id, new Uint8Array([1, 2, 3]));
    expect(await readdir(folder)).toEqual(['b.zip.partial']);
    expect(await writer.commit(id)).toMatchObject({ path: join(folder, 'b.zip'), bytes: 3 });
    expect(await readdir(folder)).toEqual(['b.zip']);
  });

  it('a full disk stops the backup with what to do and leaves nothing behind', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'magpie-backup-'));
    // /dev/full answers every write with ENOSPC, as a full disk does.
    await symlink('/dev/full', join(folder, 'b.zip.partial'));
    const writer = createArchiveWriter();
    const id = await writer.begin(join(folder, 'b.zip'), false);
    const failure = await writer.write(id, new Uint8Array(1024)).then(() => writer.commit(id)).catch((error: unknown) => error);
    expect(String(failure)).toContain('The disk is full');
    expect(String(failure)).toContain('free some space or choose another folder');
    expect(await readdir(folder)).toEqual([]);
  });

  it('a cancelled backup leaves no file', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'magpie-backup-'));
    const writer = createArchiveWriter();
    const id = await writer.begin(join(folder, 'b.zip'), false);
    await writer.write(id, new Uint8Array(10));
    expect(await writer.abort(id)).toBe(true);
    expect(await readdir(folder)).toEqual([]);
  });
});

describe('scheduled backups', () => {
  it('keeps the newest N scheduled backups and records the last one', async () => {
    const profile = await mkdtemp(join(tmpdir(), 'magpie-profile-'));
    const scheduler = createBackupScheduler({ userData: profile, onDue: () => undefined, onChange: () => undefined, now: () => new Date('2026-01-03T00:00:02.000Z'), log: { warn: () => undefined } });
    await scheduler.setSchedule({ frequency: 'daily', keep: 2, folder: null });
    const folder = await scheduler.folder();
    const names = ['magpie-backup-20260101T000000Z.zip', 'magpie-backup-20260102T000000Z.zip', 'magpie-backup-20260103T000000Z.zip', 'notes.txt'];
    for (const name of names) await writeFile(join(folder, name), 'x');
    const status = await scheduler.recorded({ at: '2026-01-03T00:00:01.000Z', bytes: 1, path: join(folder, names[2] ?? ''), scheduled: true });
    scheduler.stop();
    expect((await readdir(folder)).sort()).toEqual([names[1], names[2], 'notes.txt']);
    expect(status.last).toMatchObject({ at: '2026-01-03T00:00:01.000Z', bytes: 1 });
    expect(status.nextAt).toBe('2026-01-04T00:00:01.000Z');
    expect(JSON.parse(await readFile(join(profile, 'backups.json'), 'utf8'))).toMatchObject({ schedule: { frequency: 'daily', keep: 2 } });
    expect(existsSync(folder)).toBe(true);
  });
});
