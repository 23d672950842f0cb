import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalApiMethod } from '../../core/localApi/protocol.ts';
import { KbRequestError } from './kbBroker.ts';
import { startLocalApiServer, type LocalApiServer } from './server.ts';

const token = 'a'.repeat(43);
let server: LocalApiServer | undefined;
afterEach(async () => server?.close());

function fakeBroker(answers: Partial<Record<LocalApiMethod, (params: never) => unknown>>, seen: Array<{ method: string; params: unknown }> = []) {
  return {
    request: (method: LocalApiMethod, params: unknown) => {
      seen.push({ method, params });
      const answer = answers[method];
      if (!answer) return Promise.reject(new KbRequestError('No Magpie window is open to answer.', 'no-window'));
      return Promise.resolve(answer(params as never));
    },
  } as never;
}

async function start(answers: Parameters<typeof fakeBroker>[0], seen?: Array<{ method: string; params: unknown }>, log: string[] = []) {
  server = await startLocalApiServer({ broker: fakeBroker(answers, seen), token, port: 0, version: '0.1.0', log: (line) => log.push(line) });
  return server;
}

const auth = { authorization: `Bearer ${token}` };

describe('the local API server', () => {
  it('answers a search with the knowledge base\'s hits and logs the request', async () => {
    const seen: Array<{ method: string; params: unknown }> = [];
    const log: string[] = [];
    const { url } = await start({ search: () => ({ hits: [{ id: 'attack-pattern--6a5848a8-6201-4a2c-8a6a-ca5af8c6f3df', type: 'attack-pattern', name: 'Phishing', modified: '2024-01-01T00:00:00.000Z', score: 3, labels: [], tlp: null, revoked: false }] }) }, seen, log);
    const response = await fetch(`${url}search?q=T1566&limit=5&type=attack-pattern`, { headers: auth });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { hits: { name: string }[] }).hits.map((hit) => hit.name)).toEqual(['Phishing']);
    expect(seen).toEqual([{ method: 'search', params: { query: 'T1566', limit: 5, types: ['attack-pattern'] } }]);
    expect(log.join('\n')).toMatch(/GET \/api\/v1\/search 200 1 objects/);
  });

  it('refuses requests without the token, with a wrong one, from a web page or to another host name', async () => {
    const { url } = await start({ search: () => ({ hits: [] }) });
    const none = await fetch(`${url}search?q=x`);
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: string }).error).toMatch(/api\.json/);
    expect((await fetch(`${url}search?q=x`, { headers: { authorization: `Bearer ${'b'.repeat(43)}` } })).status).toBe(401);
    expect((await fetch(`${url}search?q=x`, { headers: { ...auth, origin: 'http://evil.example' } })).status).toBe(403);
    const port = new URL(url).port;
    const rebound = await new Promise<number>((resolve, reject) => {
      httpRequest({ host: '127.0.0.1', port, path: '/api/v1/search?q=x', headers: { ...auth, host: `attacker.example:${port}` } }, (response) => resolve(response.statusCode ?? 0)).on('error', reject).end();
    });
    expect(rebound).toBe(421);
  });

  it('says what is wrong with a request: an empty query, an unknown object, a missing window', async () => {
    const { url } = await start({ get: () => ({ object: null }) });
    const empty = await fetch(`${url}search?q=%20`, { headers: auth });
    expect(empty.status).toBe(422);
    expect(((await empty.json()) as { error: string }).error).toMatch(/Give a search query/);
    const missing = await fetch(`${url}objects/${encodeURIComponent('malware--00000000-0000-4000-8000-000000000000')}`, { headers: auth });
    expect(missing.status).toBe(404);
    const noWindow = await fetch(`${url}search?q=x`, { headers: auth });
    expect(noWindow.status).toBe(503);
    expect(((await noWindow.json()) as { error: string }).error).toMatch(/No Magpie window/);
    expect((await fetch(`${url}export`, { headers: auth })).status).toBe(405);
  });

  it('hands an import\'s file to the knowledge base as text, unparsed', async () => {
    const seen: Array<{ method: string; params: unknown }> = [];
    const { url } = await start({ import: () => ({ created: 2, updated: 0, unchanged: 0, rejected: 1, warnings: 0, sourceId: 'source--1' }) }, seen);
    const body = '{"type":"bundle", not even JSON';
    const response = await fetch(`${url}import?name=${encodeURIComponent('レポート.json')}`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body });
    expect(response.status).toBe(200);
    expect(seen).toEqual([{ method: 'import', params: { name: 'レポート.json', text: body } }]);
  });

  it('refuses a body over the cap from its declared length, before reading it', async () => {
    const seen: Array<{ method: string; params: unknown }> = [];
    const { url } = await start({ export: () => ({ bundle: '{}', exported: 0, withheld: {}, withheldRelationships: 0 }) }, seen);
    const { port } = new URL(url);
    // Declares 1 GB and sends a few bytes: the answer comes without the rest ever arriving.
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest({ host: '127.0.0.1', port, path: '/api/v1/import', method: 'POST', headers: { ...auth, 'content-length': String(1024 ** 3) } }, (response) => resolve(response.statusCode ?? 0));
      request.on('error', reject);
      request.write('{"type":"bundle"');
    });
    expect(status).toBe(413);
    const big = await fetch(`${url}export`, { method: 'POST', headers: auth, body: JSON.stringify({ query: 'x'.repeat(70_000) }) });
    expect(big.status).toBe(413);
    expect(seen).toEqual([]);
  });
});

describe('the MISP feed a running Magpie serves (issue 20, point 4)', () => {
  it('serves the feed\'s manifest, hashes and events as MISP pulls them, up to the TLP asked for', async () => {
    const seen: Array<{ method: string; params: unknown }> = [];
    const event = 'b5e0b0b4-1b1a-5c6e-8e0f-9c7d5a6b4c3d';
    const files = [
      { name: 'manifest.json', text: JSON.stringify({ [event]: { info: 'PlugX campaign', timestamp: 1 } }) },
      { name: 'hashes.csv', text: `0f3c1b0a5c5e5d1f9b1e4a0d2c3b4a59,${event}\n` },
      { name: `${event}.json`, text: JSON.stringify({ Event: { uuid: event, Attribute: [] } }) },
    ];
    const { url } = await start({ mispFeed: () => ({ files }) }, seen);
    const manifest = await fetch(`${url}misp-feed/manifest.json?max_tlp=green`, { headers: auth });
    expect(manifest.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await manifest.json()).toEqual({ [event]: { info: 'PlugX campaign', timestamp: 1 } });
    const hashes = await fetch(`${url}misp-feed/hashes.csv`, { headers: auth });
    expect(hashes.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(await hashes.text()).toBe(`0f3c1b0a5c5e5d1f9b1e4a0d2c3b4a59,${event}\n`);
    expect(await (await fetch(`${url}misp-feed/${event}.json`, { headers: auth })).json()).toMatchObject({ Event: { uuid: event } });
    const missing = await fetch(`${url}misp-feed/nothing.json`, { headers: auth });
    expect(missing.status).toBe(404);
    expect(seen.map((request) => request.params)).toEqual([{ maxTlp: 'green' }, { maxTlp: 'amber' }, { maxTlp: 'amber' }, { maxTlp: 'amber' }]);
    expect((await fetch(`${url}misp-feed/manifest.json`)).status).toBe(401);
  });
});
