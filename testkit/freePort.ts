/** A TCP port free on 127.0.0.1 right now, for a peer process told which port to listen on. */
import { createServer } from 'node:net';

export async function freeTcpPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('No free TCP port on 127.0.0.1.');
  return address.port;
}
