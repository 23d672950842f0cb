/**
 * The knowledge-base worker: the only code that opens IndexedDB. It serves the KB API on
 * every MessagePort it is handed (the UI's, and later main's connectors'), so large
 * imports never run on the UI thread.
 */
import { serveRpc } from '../../../core/rpc/rpc.ts';
import { createKbApi, kbMethods, type KbApi } from './api.ts';
import { KbDatabase, openKnowledgeBase } from './db/KbDatabase.ts';

const params = new URL(self.location.href).searchParams;
const opened = openKnowledgeBase(new KbDatabase(params.get('db') ?? undefined));

/** Every call waits for the database, so an open failure reaches the caller as its error. */
function whenOpen(): KbApi {
  const methods: Record<string, unknown> = {};
  const api = opened.then((db) => createKbApi(db));
  for (const name of kbMethods) {
    methods[name] = async (argument: never, progress: never) => {
      const ready = await api;
      return (ready[name] as (argument: never, progress: never) => Promise<unknown>)(argument, progress);
    };
  }
  return methods as KbApi;
}

const api = whenOpen();

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const data = event.data;
  if (typeof data === 'object' && data !== null && (data as { kb?: unknown }).kb === 'connect' && event.ports[0]) {
    const port = event.ports[0];
    serveRpc(port, api);
    port.start();
  }
});
