/**
 * Turns the local API on for a profile (issue 18, point 3): a new token each start, the
 * server on 127.0.0.1, and `<profile>/api.json` (mode 0600) telling the local `magpie kb`
 * client where it is and with which token. The file goes when the API stops, so a CLI
 * finding none knows no Magpie is serving this profile.
 */
import { randomBytes } from 'node:crypto';
import { appendFile, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { API_FILE_NAME, ApiFile } from '../../core/localApi/protocol.ts';
import type { KbBroker } from './kbBroker.ts';
import { startLocalApiServer } from './server.ts';

export interface LocalApi {
  url: string;
  apiFile: string;
  stop(): Promise<void>;
}

export interface LocalApiOptions {
  profileDir: string;
  broker: Pick<KbBroker, 'request'>;
  port?: number;
  version: string;
  now?: () => Date;
}

async function writePrivateJson(path: string, value: unknown): Promise<void> {
  const temporary = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(JSON.stringify(value, null, 2), 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, path);
}

export async function startLocalApi(options: LocalApiOptions): Promise<LocalApi> {
  const now = options.now ?? (() => new Date());
  const token = randomBytes(32).toString('base64url');
  const logFile = join(options.profileDir, 'logs', 'local-api.log');
  await mkdir(join(options.profileDir, 'logs'), { recursive: true });
  let logging: Promise<void> = Promise.resolve();
  const server = await startLocalApiServer({
    broker: options.broker,
    token,
    port: options.port ?? 0,
    version: options.version,
    log: (line) => {
      logging = logging.then(() => appendFile(logFile, `${now().toISOString()} ${line}\n`, { mode: 0o600 })).catch(() => undefined);
    },
  });
  const apiFile = join(options.profileDir, API_FILE_NAME);
  await writePrivateJson(apiFile, ApiFile.parse({ url: server.url, token, pid: process.pid, startedAt: now().toISOString() }));
  return {
    url: server.url,
    apiFile,
    async stop() {
      await server.close();
      await logging;
      // Another Magpie may have started on the profile since; its file stays.
      const current = ApiFile.safeParse(JSON.parse(await readFile(apiFile, 'utf8').catch(() => 'null')));
      if (current.success && current.data.token === token) await rm(apiFile, { force: true });
    },
  };
}
