/**
 * A stand-in for Malpedia's API on 127.0.0.1, answering from the made-up library in
 * ../testdata in the shapes Malpedia documents (https://malpedia.caad.fkie.fraunhofer.de/usage/api).
 * As Malpedia does, it gives anonymous callers the public data only (TLP:WHITE YARA rules,
 * no samples), refuses a wrong token on every path, and answers unknown actors with 404.
 */
import { readFileSync } from 'node:fs';
import { startLocalServer, type LocalServer } from '../../testing/localServer.ts';

const testdata = (name: string): unknown => JSON.parse(readFileSync(new URL(`../testdata/${name}`, import.meta.url), 'utf8'));

export interface MalpediaServer extends LocalServer {
  /** The version `get/version` reports; change it to publish a new library version. */
  version: number;
  /** Answers one API path (`get/families`) with this body instead of the library. */
  override: (path: string, body: string) => void;
  /** Answers the next `times` requests for one API path with 429, as Malpedia's throttle does. */
  throttle: (path: string, times: number) => void;
  /** The API path and Authorization header of every request, in order. */
  calls: { path: string; authorization: string | undefined }[];
}

export async function serveMalpedia(options: { version: number; apiKey: string }): Promise<MalpediaServer> {
  const families = testdata('families.json') as Record<string, unknown>;
  const actors = testdata('actors.json') as Record<string, unknown>;
  const yara = testdata('yara.json') as Record<string, Record<string, unknown>>;
  const samples = testdata('samples.json') as Record<string, unknown>;
  const overrides = new Map<string, string>();
  const throttled = new Map<string, number>();
  const calls: MalpediaServer['calls'] = [];
  const state = { version: options.version };

  const answer = (path: string, keyed: boolean): [number, unknown] => {
    if (path === 'get/version') return [200, { version: state.version, date: '2025-06-01 08:30:00' }];
    if (path === 'check/apikey') return keyed ? [200, { detail: 'Valid token.' }] : [403, { detail: 'Authentication credentials were not provided.' }];
    if (path === 'get/families') return [200, families];
    if (path === 'list/actors') return [200, testdata('actorList.json')];
    const [, kind, id = ''] = /^(get\/actor|get\/yara|list\/samples)\/(.+)$/.exec(path) ?? [];
    if (kind === 'get/actor') return Object.hasOwn(actors, id) ? [200, actors[id]] : [404, { detail: 'No Actor matches the given query.' }];
    if (kind === 'get/yara') {
      if (!Object.hasOwn(families, id)) return [404, { detail: 'Not found.' }];
      const folders = Object.entries(yara[id] ?? {}).filter(([folder]) => keyed || folder === 'tlp_white');
      return [200, Object.fromEntries(folders)];
    }
    if (kind === 'list/samples') {
      if (!keyed) return [403, { detail: 'Authentication credentials were not provided.' }];
      return [200, samples[id] ?? []];
    }
    return [404, { detail: 'Not found.' }];
  };

  const local = await startLocalServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname.replace(/^\/api\//, '').replace(/\/$/, ''));
    const authorization = request.headers.authorization;
    calls.push({ path, authorization });
    const send = (status: number, body: unknown): void => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (authorization !== undefined && authorization !== `apitoken ${options.apiKey}`) return send(403, { detail: 'Invalid token.' });
    const throttles = throttled.get(path) ?? 0;
    if (throttles > 0) {
      throttled.set(path, throttles - 1);
      return send(429, { detail: 'Request was throttled. Expected available in 30 seconds.', available_in: '30 seconds' });
    }
    const override = overrides.get(path);
    if (override !== undefined) return send(200, override);
    const [status, body] = answer(path, authorization !== undefined);
    return send(status, body);
  });
  const server = Object.assign(local, {
    calls,
    version: 0,
    override: (path: string, body: string) => void overrides.set(path, body),
    throttle: (path: string, times: number) => void throttled.set(path, times),
  });
  // An accessor, so a test's `server.version = 8` is what the next get/version answers.
  Object.defineProperty(server, 'version', { get: () => state.version, set: (value: number) => { state.version = value; } });
  return server;
}
