/**
 * Starts medallion, the OASIS TAXII 2.1 reference server (../shared/peers/medallion), on a
 * free loopback port with the memory backend, one API root and one read/write collection,
 * from a data file written here; stops it at the end. Its page size (`max_page_size`) is
 * a parameter so that paging can be exercised with few objects.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { freeTcpPort } from './freePort.ts';
import { peerPath } from './peers.ts';

export const MEDALLION = 'medallion';

export interface MedallionOptions {
  maxPageSize?: number;
  /** The API root's max_content_length, so that a publish needs several envelopes. */
  maxContentLength?: number;
  users?: Readonly<Record<string, string>>;
}

export interface Medallion {
  url: string;
  discoveryUrl: string;
  /** The id of the one read/write collection of the example data. */
  collectionId: string;
  stop: () => Promise<void>;
}

const STARTUP_MS = 45_000;
/** What medallion imports beyond its own folder. */
const NEEDED = ['flask', 'jsonschema', 'pytz', 'appdirs', 'attr', 'packaging', 'six'];
/** Where to look for a Python that has them: MAGPIE_PYTHON, the one on PATH, Debian's. */
const PYTHONS = [process.env['MAGPIE_PYTHON'], 'python3', '/usr/bin/python3'].filter((candidate): candidate is string => candidate !== undefined && candidate !== '');

/**
 * The PATH under which medallion's `run` script (which calls `python3`) finds a Python with
 * its modules: a pyenv Python may lack pytz while Debian's has it.
 */
function pythonPath(): string {
  const path = process.env['PATH'] ?? '';
  for (const python of PYTHONS) {
    if (spawnSync(python, ['-c', `import ${NEEDED.join(', ')}`], { stdio: 'ignore' }).status !== 0) continue;
    return python.includes('/') ? `${dirname(python)}:${path}` : path;
  }
  throw new Error(`No Python here can run medallion: it needs ${NEEDED.join(', ')} (Debian: apt-get install python3-flask python3-jsonschema python3-tz python3-appdirs python3-attr python3-packaging python3-six), or set MAGPIE_PYTHON to a python3 that has them.`);
}

export async function startMedallion(options: MedallionOptions = {}): Promise<Medallion> {
  const folder = await mkdtemp(join(tmpdir(), 'magpie-medallion-'));
  const port = await freeTcpPort();
  const example = await readFile(peerPath(MEDALLION, 'example-data.json'), 'utf8');
  const data = JSON.parse(example.replaceAll('PORT', String(port))) as { api1: { information: Record<string, unknown>; collections: { id: string }[] } };
  if (options.maxContentLength !== undefined) data.api1.information['max_content_length'] = options.maxContentLength;
  const collectionId = data.api1.collections[0]?.id ?? '';
  await writeFile(join(folder, 'data.json'), JSON.stringify(data));
  const conf = {
    backend: { module_class: 'MemoryBackend', filename: join(folder, 'data.json') },
    users: options.users ?? { analyst: 'change-me' },
    taxii: { max_page_size: options.maxPageSize ?? 100 },
  };
  await writeFile(join(folder, 'conf.json'), JSON.stringify(conf));
  const child = spawn(peerPath(MEDALLION, 'run'), ['--host', '127.0.0.1', '--port', String(port), '--no-conf-dir', '--conf-file', join(folder, 'conf.json'), '--log-level', 'WARN'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, PATH: pythonPath() },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = `${stderr}${chunk.toString('utf8')}`.slice(-4000);
  });
  const url = `http://127.0.0.1:${String(port)}`;
  const stop = async (): Promise<void> => {
    await stopChild(child);
    await rm(folder, { recursive: true, force: true });
  };
  try {
    await waitUntilListening(`${url}/taxii2/`, child, () => stderr);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, discoveryUrl: `${url}/taxii2/`, collectionId, stop };
}

/** Any HTTP answer (401 included: discovery wants credentials) means Flask is serving. */
async function waitUntilListening(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`medallion exited (${String(child.exitCode)}) before serving: ${stderr()}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await delay(100);
    }
  }
  throw new Error(`medallion did not answer at ${url} within ${String(STARTUP_MS / 1000)} s: ${stderr()}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await Promise.race([exited, delay(3000).then(() => child.kill('SIGKILL'))]);
}
