import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../core/stix/model/properties.ts';
import { StreamFilter } from '../../core/streams/filter.ts';
import { pumpUntilIdle, type FeedPage, type PumpSource } from '../../core/streams/pump.ts';
import type { ChangeEvent, ChangeOp } from '../../core/streams/types.ts';
import { createMemorySecretStore } from '../services/secretStore.ts';
import { SHIPPED_WARNINGLISTS } from '../../core/warninglists/shipped.ts';
import { createStreamService, type TargetFactory } from './service.ts';
import { StreamTargetError, type StreamTarget } from './targets/types.ts';

const T = '2026-01-01T00:00:00.000Z';
let clock = new Date('2026-06-01T00:00:00.000Z');

function indicator(n: number, value: string, extra: JsonObject = {}): JsonObject {
  const id = `indicator--${String(n).padStart(8, '0')}-1111-4111-8111-111111111111`;
  return { type: 'indicator', spec_version: '2.1', id, created: T, modified: T, pattern: `[ipv4-addr:value = '${value}']`, pattern_type: 'stix', valid_from: T, ...extra };
}

/** The change feed the test writes, as the knowledge base's would be. */
class Feed {
  events: ChangeEvent[] = [];
  add(object: JsonObject, op: ChangeOp = 'create'): void {
    const seq = this.events.length + 1;
    this.events.push({ seq, op, at: T, id: String(object['id']), type: String(object['type']), object });
  }
  source(): PumpSource {
    const head = () => this.events.at(-1)?.seq ?? 0;
    return {
      head: () => Promise.resolve(head()),
      page: (after, limit): Promise<FeedPage> => {
        const page = this.events.filter((event) => event.seq > after).slice(0, limit);
        return Promise.resolve({ events: page, through: page.at(-1)?.seq ?? after, head: head() });
      },
    };
  }
}

/** A target that keeps what it is sent, or is down. */
class Capture {
  got: ChangeEvent[] = [];
  down = false;
  target(): StreamTarget {
    return {
      deliver: (events) => {
        if (this.down) return Promise.reject(new StreamTargetError('unavailable', 'Connection refused'));
        this.got.push(...events);
        return Promise.resolve(events.length);
      },
      close: () => Promise.resolve(),
    };
  }
  values(): string[] {
    return this.got.map((event) => `${event.object['revoked'] === true ? 'revoked ' : ''}${String(event.object['pattern'] ?? event.object['value'])}`);
  }
}

let folder: string;
let capture: Capture;
let feed: Feed;
const factory: TargetFactory = { create: () => capture.target(), secretFields: () => [], describe: () => 'capture' };

function service() {
  return createStreamService({ userData: folder, secrets: createMemorySecretStore(), targets: factory, now: () => clock, baseDelayMs: 1, maxDelayMs: 5, random: () => 1 });
}

async function consumer(streams: ReturnType<typeof service>, target: Record<string, unknown> = { kind: 'capture' }): Promise<string> {
  return (await streams.create({ name: 'SIEM', target, filter: StreamFilter.parse({}), startFrom: 'beginning' }, 0)).id;
}

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'magpie-stream-leave-out-'));
  capture = new Capture();
  feed = new Feed();
  clock = new Date('2026-06-01T00:00:00.000Z');
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('streams leave out revoked, expired and warninglisted indicators by default (issue 21)', () => {
  it('does not send an indicator first seen revoked or expired, nor 8.8.8.8, and counts each by reason', async () => {
    feed.add(indicator(1, '45.77.12.9'));
    feed.add(indicator(2, '203.0.113.7', { revoked: true }));
    feed.add(indicator(3, '198.51.100.4', { valid_until: '2026-05-01T00:00:00.000Z' }));
    feed.add(indicator(4, '8.8.8.8'));
    feed.add({ type: 'ipv4-addr', spec_version: '2.1', id: 'ipv4-addr--2c2b6c5e-2a55-5e6a-9c1e-000000000008', value: '8.8.8.8' });
    feed.add({ type: 'ipv4-addr', spec_version: '2.1', id: 'ipv4-addr--2c2b6c5e-2a55-5e6a-9c1e-000000000009', value: '45.77.12.9' });
    const streams = service();
    const id = await consumer(streams);
    await pumpUntilIdle(feed.source(), streams);
    expect(capture.values()).toEqual(["[ipv4-addr:value = '45.77.12.9']", '45.77.12.9']);
    expect(await streams.summary(id)).toMatchObject({ cursor: 6, lag: 0, delivered: 2, leftOut: { revoked: 1, expired: 1, warninglisted: 2 } });
    await streams.close();
  });

  it('sends the revoking version of an indicator it sent before, and its expiry, so the receiver can drop them', async () => {
    const streams = service();
    const id = await consumer(streams);
    feed.add(indicator(1, '45.77.12.9'));
    feed.add(indicator(2, '45.77.12.10', { valid_until: '2026-07-01T00:00:00.000Z' }));
    await pumpUntilIdle(feed.source(), streams);
    feed.add(indicator(1, '45.77.12.9', { revoked: true, modified: '2026-06-02T00:00:00.000Z' }), 'update');
    // Its valid_until passes: the next version the stream sees is expired.
    clock = new Date('2026-08-01T00:00:00.000Z');
    feed.add(indicator(2, '45.77.12.10', { valid_until: '2026-07-01T00:00:00.000Z', labels: ['seen'] }), 'update');
    // One it never sent stays out, update or not.
    feed.add(indicator(3, '45.77.12.11', { revoked: true }), 'update');
    await pumpUntilIdle(feed.source(), streams);
    expect(capture.values()).toEqual(["[ipv4-addr:value = '45.77.12.9']", "[ipv4-addr:value = '45.77.12.10']", "revoked [ipv4-addr:value = '45.77.12.9']", "[ipv4-addr:value = '45.77.12.10']"]);
    expect(capture.got.map((event) => event.op)).toEqual(['create', 'create', 'update', 'update']);
    expect((await streams.summary(id)).leftOut).toEqual({ revoked: 1, expired: 0, warninglisted: 0 });
    await streams.close();

    // What it sent is remembered across a restart of Magpie.
    const again = service();
    feed.add(indicator(2, '45.77.12.10', { revoked: true }), 'update');
    await pumpUntilIdle(feed.source(), again);
    expect(capture.values().at(-1)).toBe("revoked [ipv4-addr:value = '45.77.12.10']");
    await again.close();
  });

  it('sends everything when the target asks for revoked, expired and warninglisted indicators too', async () => {
    feed.add(indicator(1, '45.77.12.9'));
    feed.add(indicator(2, '203.0.113.7', { revoked: true }));
    feed.add(indicator(3, '198.51.100.4', { valid_until: '2026-05-01T00:00:00.000Z' }));
    feed.add(indicator(4, '8.8.8.8'));
    const streams = service();
    const id = await consumer(streams, { kind: 'capture', sendLeftOut: true });
    await pumpUntilIdle(feed.source(), streams);
    expect(capture.got.map((event) => event.seq)).toEqual([1, 2, 3, 4]);
    expect((await streams.summary(id)).leftOut).toEqual({ revoked: 0, expired: 0, warninglisted: 0 });
    await streams.close();
  });

  it('counts a left-out event once, even when its page is read again after the target was down', async () => {
    feed.add(indicator(1, '203.0.113.7', { revoked: true }));
    feed.add(indicator(2, '45.77.12.9'));
    const streams = service();
    const id = await consumer(streams);
    capture.down = true;
    await pumpUntilIdle(feed.source(), streams);
    expect((await streams.summary(id)).leftOut.revoked).toBe(0);
    capture.down = false;
    for (let round = 0; round < 50 && capture.got.length === 0; round++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      await pumpUntilIdle(feed.source(), streams);
    }
    expect(capture.got.map((event) => event.seq)).toEqual([2]);
    expect(await streams.summary(id)).toMatchObject({ cursor: 2, leftOut: { revoked: 1, expired: 0, warninglisted: 0 } });
    await streams.close();
  });

  it("follows the knowledge base's warninglists: a list the analyst turned off no longer holds a value back", async () => {
    feed.add(indicator(1, '8.8.8.8'));
    feed.add(indicator(2, '192.168.1.20'));
    const streams = service();
    await consumer(streams);
    // As the window sends them: the shipped lists without the public DNS resolvers.
    const kept = SHIPPED_WARNINGLISTS.filter((list) => !list.name.includes('public DNS resolvers'));
    expect(streams.setWarninglists(kept)).toBe(kept.length);
    await pumpUntilIdle(feed.source(), streams);
    expect(capture.values()).toEqual(["[ipv4-addr:value = '8.8.8.8']"]);
    await streams.close();
  });
});
