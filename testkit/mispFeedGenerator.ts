/**
 * PyMISP's own feed generator (pymisp/tools/feed.py, ../shared/peers/misp/py): given a
 * folder of `{"Event": …}` files, it writes the manifest.json and hashes.csv MISP's feeds
 * read. Tests compare Magpie's MISP feed with what it writes for the same events. Reached
 * through the MISP peer's setup (testkit/mispPeer.ts), so it is skipped where that is.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { mispPeerSetup, MISP } from './mispPeer.ts';
import { peerPath } from './peers.ts';

const run = promisify(execFile);

const SCRIPT = `
import logging, sys
logging.disable(logging.CRITICAL)
from pathlib import Path
from pymisp.tools.feed import feed_meta_generator
feed_meta_generator(Path(sys.argv[1]))
`;

export interface GeneratedMeta {
  manifest: Record<string, unknown>;
  /** hashes.csv's lines, as written. */
  hashes: string[];
}

/** Runs PyMISP's feed_meta_generator over the event files given by name. */
export async function pymispFeedMeta(events: readonly { name: string; text: string }[]): Promise<GeneratedMeta> {
  const reason = await mispPeerSetup();
  if (reason !== undefined) throw new Error(reason);
  const folder = await mkdtemp(join(tmpdir(), 'magpie-pymisp-feed-'));
  try {
    for (const event of events) await writeFile(join(folder, event.name), event.text);
    await run('python3', ['-c', SCRIPT, folder], { env: { ...process.env, PYTHONPATH: peerPath(MISP, 'py'), PYTHONDONTWRITEBYTECODE: '1' }, timeout: 120_000 });
    const manifest = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    const hashes = (await readFile(join(folder, 'hashes.csv'), 'utf8')).split('\n').filter((line) => line !== '');
    return { manifest, hashes };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
