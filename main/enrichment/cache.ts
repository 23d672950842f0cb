/**
 * The answers enrichment connectors received, kept 24 hours (issue 8: the same lookup
 * within a day costs no request). Raw HTTP answers are kept rather than STIX, so a cached
 * lookup is converted again against the observable as it is now (its id, its markings).
 * One file per answer under `userData/enrichment/cache/<connector>/`, written atomically;
 * the oldest are removed past `maxEntries` per connector.
 */
import { createHash } from 'node:crypto';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { isTemporaryName, readJsonFile, writeJsonAtomic } from '../services/atomicFile.ts';
import type { HttpResponse } from '../connectors/types.ts';

export const CACHE_TTL_MS = 24 * 60 * 60 * 1000;

const Entry = z.object({ url: z.string(), at: z.number(), status: z.number(), headers: z.record(z.string(), z.string()), body: z.string() });

export interface ResponseCache {
  get: (connectorId: string, url: string) => Promise<HttpResponse | undefined>;
  put: (connectorId: string, url: string, response: HttpResponse) => Promise<void>;
}

export interface CacheOptions {
  ttlMs?: number;
  maxEntries?: number;
}

function response(url: string, status: number, headers: Record<string, string>, body: Uint8Array): HttpResponse {
  const text = (): string => new TextDecoder('utf-8').decode(body);
  return { url, status, notModified: false, headers, body, text, json: () => JSON.parse(text()) as unknown };
}

export function createResponseCache(folder: string, now: () => Date, options: CacheOptions = {}): ResponseCache {
  const ttlMs = options.ttlMs ?? CACHE_TTL_MS;
  const maxEntries = options.maxEntries ?? 500;
  // Keyed by a hash: the file name must not carry the observable (a URL, a domain) in clear.
  const pathOf = (connectorId: string, url: string): string =>
    join(folder, connectorId, `${createHash('sha256').update(`${connectorId}\n${url}`).digest('hex')}.json`);

  async function prune(connectorId: string): Promise<void> {
    const dir = join(folder, connectorId);
    const names = (await readdir(dir)).filter((name) => name.endsWith('.json') && !isTemporaryName(name));
    if (names.length <= maxEntries) return;
    const dated = await Promise.all(names.map(async (name) => ({ name, at: (await stat(join(dir, name)).catch(() => undefined))?.mtimeMs ?? 0 })));
    dated.sort((a, b) => a.at - b.at);
    // Down to 90 %, so a full cache is not pruned on every write.
    const excess = names.length - Math.floor(maxEntries * 0.9);
    await Promise.all(dated.slice(0, excess).map(({ name }) => rm(join(dir, name), { force: true })));
  }

  return {
    get: async (connectorId, url) => {
      const path = pathOf(connectorId, url);
      const parsed = Entry.safeParse(await readJsonFile(path).catch(() => undefined));
      if (!parsed.success || parsed.data.url !== url) return undefined;
      if (now().getTime() - parsed.data.at >= ttlMs || parsed.data.at > now().getTime()) {
        await rm(path, { force: true });
        return undefined;
      }
      return response(url, parsed.data.status, parsed.data.headers, Buffer.from(parsed.data.body, 'base64'));
    },
    put: async (connectorId, url, answer) => {
      await writeJsonAtomic(pathOf(connectorId, url), {
        url, at: now().getTime(), status: answer.status,
        // Only what reading the body needs: no cookies or server details on disk.
        headers: answer.headers['content-type'] === undefined ? {} : { 'content-type': answer.headers['content-type'] }, body: Buffer.from(answer.body).toString('base64'),
      });
      await prune(connectorId);
    },
  };
}
