/**
 * A MISP feed held in memory (a name → text map, as core/exports/mispFeed.ts returns it)
 * served on 127.0.0.1 under /feed/, for tests that read Magpie's own feed back.
 */
import { startLocalServer } from '../../testing/localServer.ts';

export interface ServedFeed {
  /** The feed's base URL, as the connector's `url` setting takes it. */
  url: string;
  close: () => Promise<void>;
}

export async function serveFeedFiles(files: Iterable<{ name: string; text: string }>): Promise<ServedFeed> {
  const bodies = new Map([...files].map((file) => [`/feed/${file.name}`, file.text]));
  const server = await startLocalServer((request, response) => {
    const body = bodies.get(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json' });
    response.end(body ?? 'not found');
  });
  return { url: server.url('/feed'), close: () => server.close() };
}
