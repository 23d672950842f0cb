/**
 * Serves a built folder on 127.0.0.1 with the renderer's headers (the same responder as
 * main's app:// handler). The harness serves the app with it, the benchmarks their pages.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createStaticFileServer, type StaticResponse } from '../../main/protocol/staticFiles.ts';

export interface LoopbackServer {
  origin: string;
  close: () => Promise<void>;
}

/** `extra` may answer a path itself (test data, say) before the folder is looked at. */
export async function serveOnLoopback(root: string, extra?: (path: string) => StaticResponse | undefined): Promise<LoopbackServer> {
  const serveFile = createStaticFileServer(root);
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const answer = extra?.(path);
    (answer ? Promise.resolve(answer) : serveFile(path)).then(
      (file) => {
        response.writeHead(file.status, file.headers);
        response.end(file.body);
      },
      () => {
        response.writeHead(500);
        response.end();
      },
    );
  });
  // Loopback only: nothing here is reachable from another machine.
  await new Promise<void>((done, failed) => {
    server.once('error', failed);
    server.listen(0, '127.0.0.1', done);
  });
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
