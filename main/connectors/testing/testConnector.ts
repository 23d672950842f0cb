/**
 * A small import connector for the runtime's and the CLI's tests: it emits `batches`
 * batches of IPv4 observables continuing from its cursor, and can fail or stall part-way,
 * so delivery, cursors and recovery can be checked without any real feed.
 */
import { z } from 'zod';
import { generateScoId, type JsonObject } from '../../../core/stix/index.ts';
import type { ImportConnector } from '../types.ts';

const configSchema = z.object({
  batches: z.number().int().min(0).default(2).meta({ title: 'Batches per run' }),
  perBatch: z.number().int().min(1).default(3).meta({ title: 'Objects per batch' }),
  /** Throw after emitting this many batches (-1: never). */
  failAfter: z.number().int().default(-1).meta({ title: 'Fail after' }),
  feedUrl: z.string().default('').meta({ title: 'Feed URL', widget: 'url', description: 'Fetched once per run when set.' }),
  apiKey: z.string().min(4).meta({ title: 'API key', secret: true }),
});

export function ipv4(value: string): JsonObject {
  return { type: 'ipv4-addr', spec_version: '2.1', id: generateScoId('ipv4-addr', { value }), value };
}

export interface TestConnectorControls {
  /** Resolving it lets a stalled run continue; runs stall after their first batch while set. */
  stall?: Promise<void>;
}

export function createTestConnector(controls: TestConnectorControls = {}): ImportConnector<typeof configSchema> {
  return {
    id: 'test-feed',
    kind: 'external-import',
    name: 'Test feed',
    description: 'Numbered IPv4 observables, for tests.',
    config: configSchema,
    defaultSchedule: 'PT6H',
    run: async ({ config, cursor, emit, http, log }) => {
      if (config.feedUrl !== '') await http.get(config.feedUrl, { conditional: true, auth: { type: 'bearer', token: config.apiKey } });
      let next = typeof cursor.next === 'number' ? cursor.next : 0;
      log.info(`Starting at ${String(next)} with key ${config.apiKey}`);
      for (let batch = 0; batch < config.batches; batch += 1) {
        if (batch === config.failAfter) throw new Error(`Feed broke after ${String(batch)} batches`);
        await emit(Array.from({ length: config.perBatch }, (_, index) => ipv4(`10.0.${String(Math.floor((next + index) / 256))}.${String((next + index) % 256)}`)));
        next += config.perBatch;
        if (batch === 0 && controls.stall) await controls.stall;
      }
      return { cursor: { next }, summary: `${String(config.batches * config.perBatch)} addresses` };
    },
  };
}
