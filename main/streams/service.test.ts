import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StreamFilter } from '../../core/streams/filter.ts';
import { pumpUntilIdle, type FeedPage, type PumpSource } from '../../core/streams/pump.ts';
import type { ChangeEvent } from '../../core/streams/types.ts';
import { TLP_2 } from '../../core/stix/markings.ts';
import { createMemorySecretStore } from '../services/secretStore.ts';
import { createConsumerStore, MAX_DEAD_LETTERS } from './consumerStore.ts';
import { createStreamService, type TargetFactory } from './service.ts';
import { createTargetFactory } from './targetFactory.ts';
import { StreamTargetError, type StreamTarget } from './targets/types.ts';

/** A receiver the test controls: what it got, and how it should answer next. */
class Receiver {
  got: ChangeEvent[] = [];
  secrets: unknown[] = [];
  down = false;
  refuse = new Set<number>();
  /** Takes only this many of the next batch, then fails, as a connection cut mid-batch would. */
  cutAfter: number | undefined;

  target(settings: Record<string, unknown>): StreamTarget {
    this.secrets.push(settings['token']);
    return {
      deliver: (events) => {
        if (this.down) return Promise.reject(new StreamTargetError('unavailable', 'Connection refused'));
        const bad = events.find((event) => this.refuse.has(event.seq));
        if (bad) return Promise.reject(new StreamTargetError('rejected', `Refused event ${String(bad.seq)}`));
        const taken = this.cutAfter === undefined ? events.length : Math.min(this.cutAfter, events.length);
        this.cutAfter = undefined;
        this.got.push(...events.slice(0, taken));
        return Promise.resolve(taken);
      },
      close: () => Promise.resolve(),
    };
  }
}

function feed(count: number): ChangeEvent[] {
  return Array.from({ length: count }, (_, index) => {
    const seq = index + 1;
    const red = seq % 10 === 0;
    const object = { type: 'ipv4-addr', id: `ipv4-addr--${String(seq)}`, value: `45.77.${String(Math.floor(seq / 250))}.${String(seq % 250)}`, ...(red ? { object_marking_refs: [TLP_2.red.id] } : {}) };
    return { seq, op: 'create' as const, at: '2026-01-01T00:00:00.000Z', id: object.id, type: object.type, object };
  });
}

function source(events: ChangeEvent[]): PumpSource {
  return {
    head: () => Promise.resolve(events.at(-1)?.seq ?? 0),
    page: (after, limit): Promise<FeedPage> => {
      const page = events.filter((event) => event.seq > after).slice(0, limit);
      return Promise.resolve({ events: page, through: page.at(-1)?.seq ?? after, head: events.at(-1)?.seq ?? 0 });
    },
  };
}

let folder: string;
let receiver: Receiver;
const factory = (): TargetFactory => ({
  create: (settings) => {
    if (settings['url'] === 'bad') throw new Error('Enter a URL that starts with https://');
    return receiver.target(settings);
  },
  secretFields: () => ['token'],
  describe: (settings) => `test ${String(settings['url'])}`,
});
const secrets = createMemorySecretStore();

function service(baseDelayMs = 1) {
  return createStreamService({ userData: folder, secrets, targets: factory(), baseDelayMs, maxDelayMs: 5, random: () => 1 });
}

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'magpie-streams-'));
  receiver = new Receiver();
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const seqs = (events: ChangeEvent[]) => events.map((event) => event.seq);

describe('stream consumers', () => {
  it('delivers every change its filter passes, in order, once, and never TLP:RED', async () => {
    const events = feed(1200);
    const streams = service();
    const consumer = await streams.create({ name: 'SIEM', target: { url: 'https://siem.example', token: 's3cret' }, filter: StreamFilter.parse({}), startFrom: 'beginning' }, 0);
    await pumpUntilIdle(source(events), streams, 250);
    expect(seqs(receiver.got)).toEqual(seqs(events.filter((event) => event.seq % 10 !== 0)));
    expect(await streams.summary(consumer.id)).toMatchObject({ cursor: 1200, lag: 0, delivered: 1080, status: 'up-to-date', deadLetters: 0 });
    expect(receiver.secrets).toContain('s3cret');
    expect(JSON.stringify(consumer)).not.toContain('s3cret');
    await streams.close();
  });

  it('starts from the current end of the feed unless asked for the whole of it', async () => {
    const events = feed(50);
    const streams = service();
    await streams.create({ name: 'From now', target: { url: 'x' }, filter: StreamFilter.parse({ maxTlp: 'red' }) }, 40);
    await pumpUntilIdle(source(events), streams);
    expect(seqs(receiver.got)).toEqual([41, 42, 43, 44, 45, 46, 47, 48, 49, 50]);
    await streams.close();
  });

  it('refuses settings its target cannot use, with the target’s own message', async () => {
    await expect(service().create({ name: 'Bad', target: { url: 'bad' }, filter: StreamFilter.parse({}) }, 0)).rejects.toThrow('Enter a URL that starts with https://');
  });

  it('catches up from its cursor after being stopped half-way, or after a restart of Magpie', async () => {
    const events = feed(1000);
    const first = service();
    const { id } = await first.create({ name: 'SIEM', target: { url: 'x' }, filter: StreamFilter.parse({ maxTlp: 'red' }), startFrom: 'beginning' }, 0);
    const halfway = { ...source(events), head: () => Promise.resolve(500) };
    await pumpUntilIdle(halfway, first, 100);
    await first.setEnabled(id, false);
    await pumpUntilIdle(source(events), first, 100);
    expect(receiver.got).toHaveLength(500);
    await first.close();

    const second = service();
    await second.setEnabled(id, true);
    await pumpUntilIdle(source(events), second, 100);
    expect(seqs(receiver.got)).toEqual(seqs(events));
    await second.close();
  });

  it('holds its cursor while the target is down and delivers everything once it is back', async () => {
    const events = feed(300);
    const streams = service();
    const { id } = await streams.create({ name: 'SIEM', target: { url: 'x' }, filter: StreamFilter.parse({ maxTlp: 'red' }), startFrom: 'beginning' }, 0);
    await pumpUntilIdle({ ...source(events), head: () => Promise.resolve(100) }, streams, 50);
    receiver.down = true;
    await pumpUntilIdle(source(events), streams, 50);
    expect(await streams.summary(id)).toMatchObject({ cursor: 100, lag: 200, failures: 1, lastError: 'Connection refused', deadLetters: 0 });
    receiver.down = false;
    receiver.cutAfter = 7;
    for (let round = 0; round < 50 && receiver.got.length < 300; round++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      await pumpUntilIdle(source(events), streams, 50);
    }
    expect(seqs(receiver.got)).toEqual(seqs(events));
    expect(await streams.summary(id)).toMatchObject({ cursor: 300, lag: 0, failures: 0, lastError: null });
    await streams.close();
  });

  it('moves an event the target keeps refusing to the dead letters, goes on, and can send it again', async () => {
    const events = feed(40);
    const streams = service();
    const { id } = await streams.create({ name: 'SIEM', target: { url: 'x' }, filter: StreamFilter.parse({ maxTlp: 'red' }), maxAttempts: 3, startFrom: 'beginning' }, 0);
    receiver.refuse.add(17);
    await pumpUntilIdle(source(events), streams, 10);
    expect(seqs(receiver.got)).toEqual(seqs(events).filter((seq) => seq !== 17));
    const summary = await streams.summary(id);
    expect(summary).toMatchObject({ cursor: 40, deadLetters: 1 });
    const [letter] = await streams.deadLetters(id);
    expect(letter).toMatchObject({ attempts: 3, error: 'Refused event 17', event: { seq: 17 } });

    expect(await streams.retryDeadLetters(id)).toMatchObject({ delivered: 0, remaining: 1, error: 'Refused event 17' });
    receiver.refuse.clear();
    expect(await streams.retryDeadLetters(id)).toEqual({ delivered: 1, remaining: 0, error: null });
    expect(receiver.got.at(-1)?.seq).toBe(17);
    expect(await streams.summary(id)).toMatchObject({ delivered: 40, deadLetters: 0, lastDelivery: { seq: 17 } });
    await streams.close();
  });

  it('keeps secrets out of its files and keeps the stored one when the form leaves it empty', async () => {
    const streams = service();
    const { id } = await streams.create({ name: 'Webhook', target: { url: 'x', token: 'first' }, filter: StreamFilter.parse({}) }, 0);
    await streams.update(id, { name: 'Webhook 2', target: { url: 'y', token: '' }, filter: StreamFilter.parse({}) });
    await pumpUntilIdle(source(feed(1)), streams);
    expect(receiver.secrets.at(-1)).toBe('first');
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(join(folder, 'streams', 'consumers.json'), 'utf8')).not.toContain('first');
    await streams.close();
  });
});

describe('the pump', () => {
  it('reads the feed once for consumers at the same place', async () => {
    const events = feed(100);
    const streams = service();
    for (const name of ['One', 'Two', 'Three']) await streams.create({ name, target: { url: 'x' }, filter: StreamFilter.parse({ maxTlp: 'red' }), startFrom: 'beginning' }, 0);
    const base = source(events);
    let reads = 0;
    await pumpUntilIdle({ ...base, page: (after, limit) => ((reads += 1), base.page(after, limit)) }, streams, 50);
    expect(receiver.got).toHaveLength(300);
    expect(reads).toBe(2);
    await streams.close();
  });
});

describe('webhook settings', () => {
  it('keeps extra headers (where API keys go) with the secrets, out of files and summaries', async () => {
    const store = createMemorySecretStore();
    const streams = createStreamService({ userData: folder, secrets: store, targets: createTargetFactory('test') });
    const summary = await streams.create({ name: 'Hook', target: { kind: 'webhook', url: 'https://siem.example/hook', headers: { 'X-Api-Key': 'k-123' } }, filter: StreamFilter.parse({}) }, 0);
    expect(JSON.stringify(summary)).not.toContain('k-123');
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(join(folder, 'streams', 'consumers.json'), 'utf8')).not.toContain('k-123');
    expect(await store.get(`stream:${summary.id}:headers`)).toContain('k-123');
    // Saved again with the headers left empty: they are kept.
    await streams.update(summary.id, { name: 'Hook', target: { kind: 'webhook', url: 'https://siem.example/hook', headers: {} }, filter: StreamFilter.parse({}) });
    expect(await store.get(`stream:${summary.id}:headers`)).toContain('k-123');
    await streams.close();
  });
});

describe('dead letters', () => {
  it('keeps the newest 10,000 and says how many older ones were dropped', async () => {
    const store = createConsumerStore(join(folder, 'streams'));
    const letters = feed(MAX_DEAD_LETTERS + 2).map((event) => ({ event, error: 'Refused', attempts: 3, at: event.at }));
    expect(await store.saveDeadLetters('siem', letters)).toBe(2);
    const kept = await store.deadLetters('siem');
    expect(kept).toHaveLength(MAX_DEAD_LETTERS);
    expect(kept[0]?.event.seq).toBe(3);
  });
});
