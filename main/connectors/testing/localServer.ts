/**
 * A throwaway HTTP server on 127.0.0.1 for connector tests: tests serve fixtures or faults
 * from it and never send traffic anywhere else.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface LocalServer {
  /** `http://127.0.0.1:<port>` without a trailing slash. */
  origin: string;
  url: (path: string) => string;
  /** Every request received, in order. */
  requests: IncomingMessage[];
  server: Server;
  close: () => Promise<void>;
}

/** May return the response (`(req, res) => res.end()`) or a promise; a rejection destroys the response. */
export type LocalHandler = (request: IncomingMessage, response: ServerResponse) => unknown;

export async function startLocalServer(handler: LocalHandler): Promise<LocalServer> {
  const requests: IncomingMessage[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    requests.push(request);
    Promise.resolve(handler(request, response)).catch((error: unknown) => {
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${String(port)}`;
  return {
    origin,
    url: (path) => `${origin}${path.startsWith('/') ? path : `/${path}`}`,
    requests,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        // Hanging test requests must not keep the server (and the test run) alive.
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
