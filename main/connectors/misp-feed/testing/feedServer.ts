/**
 * A MISP feed served from a folder on 127.0.0.1, for the connector's tests and benchmark:
 * manifest.json (with an ETag, answering 304 to a matching If-None-Match) and one
 * `<uuid>.json` per event. The manifest is narrowed to the events whose files exist, as a
 * published feed would be, and tests can add events or break files while it runs.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startLocalServer, type LocalServer } from '../../testing/localServer.ts';

type Json = Record<string, unknown>;

export interface FeedServer {
  /** The feed's base URL (what the analyst types), without a trailing slash. */
  url: string;
  local: LocalServer;
  manifest: Json;
  /** Paths requested so far, in order (`/feed/manifest.json`, `/feed/<uuid>.json`). */
  paths: () => string[];
  /** Lists an event in the manifest and serves its file (a body of `undefined` removes it). */
  putEvent: (uuid: string, entry: Json, body: string | undefined) => void;
  /** Serves this text instead of the manifest (a broken feed). */
  breakManifest: (text: string) => void;
  close: () => Promise<void>;
}

export async function serveFeedFolder(folder: string): Promise<FeedServer> {
  const listed = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')) as Json;
  const manifest: Json = Object.fromEntries(Object.entries(listed).filter(([uuid]) => existsSync(join(folder, `${uuid}.json`))));
  const bodies = new Map<string, string | undefined>();
  let brokenManifest: string | undefined;

  const local = await startLocalServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/feed/manifest.json') {
      const text = brokenManifest ?? JSON.stringify(manifest);
      const etag = `"${createHash('sha1').update(text).digest('hex')}"`;
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, { etag }).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json', etag }).end(text);
      return;
    }
    const uuid = /^\/feed\/([0-9a-f-]{36})\.json$/.exec(path)?.[1];
    const body = uuid === undefined ? undefined : bodies.has(uuid) ? bodies.get(uuid) : existsSync(join(folder, `${uuid}.json`)) ? await readFile(join(folder, `${uuid}.json`), 'utf8') : undefined;
    if (body === undefined) response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    // GitHub raw and most static hosts say text/plain for .json files.
    else response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(body);
  });
  return {
    url: local.url('/feed'),
    local,
    manifest,
    paths: () => local.requests.map((request) => new URL(request.url ?? '/', 'http://127.0.0.1').pathname),
    putEvent: (uuid, entry, body) => {
      manifest[uuid] = entry;
      bodies.set(uuid, body);
    },
    breakManifest: (text) => {
      brokenManifest = text;
    },
    close: () => local.close(),
  };
}
