/**
 * The knowledge-base worker: the only code that opens IndexedDB. It serves the KB API on
 * every MessagePort it is handed (the UI's, and later main's connectors'), so large
 * imports never run on the UI thread. The first connection names the database.
 */
import { serveRpc } from '../../../core/rpc/rpc.ts';
import { createKbApi, type KbApi } from './api.ts';
import { KbDatabase, openKnowledgeBase } from './db/KbDatabase.ts';
import { kbMethods } from './methods.ts';

let opened: Promise<KbApi> | null = null;

/** Every call waits for the database, so an open failure reaches the caller as its error. */
function api(database: string | null): KbApi {
  opened ??= openKnowledgeBase(new KbDatabase(database ?? undefined)).then((db) => createKbApi(db));
  const ready = opened;
  const methods: Record<string, unknown> = {};
  for (const name of kbMethods) {
    methods[name] = async (argument: never, progress: never) => {
      const implementation = await ready;
      return (implementation[name] as (argument: never, progress: never) => Promise<unknown>)(argument, progress);
    };
  }
  return methods as KbApi;
}

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const data = event.data;
  const port = event.ports[0];
  if (typeof data !== 'object' || data === null || (data as { kb?: unknown }).kb !== 'connect' || !port) return;
  const database = (data as { database?: unknown }).database;
  serveRpc(port, api(typeof database === 'string' ? database : null));
  port.start();
});
