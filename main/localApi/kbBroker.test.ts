import { describe, expect, it } from 'vitest';
import type { KbRequestEvent } from '../../core/localApi/protocol.ts';
import { createKbBroker } from './kbBroker.ts';

describe("main's requests to the window's knowledge base", () => {
  it('matches each answer to its request and checks it against the method\'s result', async () => {
    const sent: KbRequestEvent[] = [];
    const broker = createKbBroker({ send: (event) => (sent.push(event), true) });
    const first = broker.request('get', { id: 'malware--00000000-0000-4000-8000-000000000001' });
    const second = broker.request('search', { query: 'emotet' });
    expect(sent.map((event) => event.method)).toEqual(['get', 'search']);
    expect(sent[1]?.params).toEqual({ query: 'emotet', limit: 50 });
    expect(broker.answer({ requestId: sent[1]?.requestId ?? '', ok: true, result: { hits: [] } })).toBe(true);
    expect(broker.answer({ requestId: sent[0]?.requestId ?? '', ok: true, result: { object: 'not an object' } })).toBe(true);
    await expect(second).resolves.toEqual({ hits: [] });
    await expect(first).rejects.toThrow(/something unexpected/);
    // Answered already: a second answer is not taken.
    expect(broker.answer({ requestId: sent[0]?.requestId ?? '', ok: true, result: { object: null } })).toBe(false);
  });

  it('fails at once when no window is open, and after the timeout when the window says nothing', async () => {
    await expect(createKbBroker({ send: () => false }).request('search', { query: 'x' })).rejects.toThrow(/No Magpie window is open/);
    const silent = createKbBroker({ send: () => true, timeoutMs: () => 20 });
    await expect(silent.request('search', { query: 'x' })).rejects.toThrow(/did not answer/);
  });

  it('passes the window\'s refusal on, and fails what waits when Magpie closes', async () => {
    const sent: KbRequestEvent[] = [];
    const broker = createKbBroker({ send: (event) => (sent.push(event), true) });
    const refused = broker.request('import', { name: 'x.json', text: '{}' });
    broker.answer({ requestId: sent[0]?.requestId ?? '', ok: false, error: 'The file is not a STIX bundle.' });
    await expect(refused).rejects.toThrow('The file is not a STIX bundle.');
    const waiting = broker.request('search', { query: 'x' });
    broker.close();
    await expect(waiting).rejects.toThrow(/closing/);
  });
});
