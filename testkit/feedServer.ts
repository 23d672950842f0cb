/**
 * A feed server for tests, on 127.0.0.1 only: serves fixed files at fixed paths with an
 * ETag, answers conditional requests with 304, and records every request so a test can
 * assert what a connector downloaded.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FeedServer {
  url: string;
  /** Every request: its path and the status it got. */
  requests: { path: string; status: number }[];
  /** Replaces what a path serves (the feed changed upstream). */
  set: (path: string, body: string | Buffer, contentType?: string) => void;
  close: () => Promise<void>;
}

export async function startFeedServer(files: Record<string, { body: string | Buffer; contentType?: string }>): Promise<FeedServer> {
  const routes = new Map(Object.entries(files).map(([path, file]) => [path, file]));
  const requests: FeedServer['requests'] = [];
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const file = routes.get(path);
    if (!file) {
      requests.push({ path, status: 404 });
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
      return;
    }
    const etag = `"${createHash('sha256').update(file.body).digest('hex').slice(0, 32)}"`;
    if (request.headers['if-none-match'] === etag) {
      requests.push({ path, status: 304 });
      response.writeHead(304, { etag });
      response.end();
      return;
    }
    requests.push({ path, status: 200 });
    response.writeHead(200, { 'content-type': file.contentType ?? 'application/json', etag });
    response.end(file.body);
  });
  await new Promise<void>((done, failed) => {
    server.once('error', failed);
    server.listen(0, '127.0.0.1', done);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    set: (path, body, contentType) => routes.set(path, { body, ...(contentType ? { contentType } : {}) }),
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
