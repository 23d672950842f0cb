/**
 * Where stream consumers keep what must survive a restart: their definitions (secrets
 * apart, in the SecretStore), each one's cursor and counters, and its dead letters. One
 * JSON file each, written atomically, so a crash leaves the old cursor or the new one.
 */
import { appendFile, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { StreamFilter } from '../../core/streams/filter.ts';
import type { ChangeEvent } from '../../core/streams/types.ts';
import { readJsonFile, writeJsonAtomic } from '../services/atomicFile.ts';

export const ConsumerDefinition = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,64}$/),
    name: z.string().min(1).max(200),
    enabled: z.boolean(),
    /** The target's settings without its secrets (main/streams/targets). */
    target: z.record(z.string(), z.unknown()),
    filter: StreamFilter,
    /** Refusals of one event before it goes to the dead letters. */
    maxAttempts: z.number().int().min(1).max(100).default(3),
    createdAt: z.string(),
  })
  .strict();
export type ConsumerDefinition = z.infer<typeof ConsumerDefinition>;

export const ConsumerState = z.object({
  /** The last sequence number passed on (delivered, filtered out or dead-lettered). */
  cursor: z.number().int().nonnegative(),
  delivered: z.number().int().nonnegative(),
  lastDelivery: z.object({ at: z.string(), seq: z.number().int() }).nullable(),
  /** Consecutive failed attempts; 0 when the last one went through. */
  failures: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  /** Refusals of the event right after the cursor, by its seq. */
  refusals: z.object({ seq: z.number().int(), count: z.number().int() }).nullable(),
  /** Dead letters dropped, oldest first, to keep the list under MAX_DEAD_LETTERS. */
  deadLettersDropped: z.number().int().nonnegative().default(0),
  /** Events passed over by the leave-out rules (main/streams/leaveOut.ts), by reason. */
  leftOut: z
    .object({ revoked: z.number().int().nonnegative(), expired: z.number().int().nonnegative(), warninglisted: z.number().int().nonnegative() })
    .default({ revoked: 0, expired: 0, warninglisted: 0 }),
});
export type ConsumerState = z.infer<typeof ConsumerState>;

export interface DeadLetter {
  event: ChangeEvent;
  error: string;
  attempts: number;
  at: string;
}

/** Dead letters kept per consumer; older ones are dropped first, and counted. */
export const MAX_DEAD_LETTERS = 10_000;

export function initialState(cursor: number): ConsumerState {
  return { cursor, delivered: 0, lastDelivery: null, failures: 0, lastError: null, refusals: null, deadLettersDropped: 0, leftOut: { revoked: 0, expired: 0, warninglisted: 0 } };
}

export function createConsumerStore(folder: string) {
  const definitionsFile = join(folder, 'consumers.json');
  const stateFile = (id: string) => join(folder, `${id}.state.json`);
  const deadFile = (id: string) => join(folder, `${id}.dead.json`);
  // Append-only: a page's keys are one small write, whatever the stream has sent before.
  const sentFile = (id: string) => join(folder, `${id}.sent`);

  return {
    async definitions(): Promise<ConsumerDefinition[]> {
      const stored = await readJsonFile(definitionsFile);
      return z.array(ConsumerDefinition).parse(stored ?? []);
    },
    saveDefinitions: (definitions: readonly ConsumerDefinition[]) => writeJsonAtomic(definitionsFile, definitions),
    async state(id: string): Promise<ConsumerState> {
      const stored = await readJsonFile(stateFile(id));
      return stored === undefined ? initialState(0) : ConsumerState.parse(stored);
    },
    saveState: (id: string, state: ConsumerState) => writeJsonAtomic(stateFile(id), state),
    async deadLetters(id: string): Promise<DeadLetter[]> {
      return ((await readJsonFile(deadFile(id))) as DeadLetter[] | undefined) ?? [];
    },
    /** Resolves with how many of the oldest were dropped to stay under the cap. */
    async saveDeadLetters(id: string, letters: readonly DeadLetter[]): Promise<number> {
      await writeJsonAtomic(deadFile(id), letters.slice(-MAX_DEAD_LETTERS));
      return Math.max(0, letters.length - MAX_DEAD_LETTERS);
    },
    /** The keys (main/streams/leaveOut.ts `sentKey`) of what the stream has sent. */
    async sent(id: string): Promise<Set<number>> {
      const text = await readFile(sentFile(id), 'utf8').catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
        throw error;
      });
      const keys = new Set<number>();
      for (const line of text.split('\n')) if (/^[0-9a-f]{1,14}$/.test(line)) keys.add(Number.parseInt(line, 16));
      return keys;
    },
    async appendSent(id: string, keys: readonly number[]): Promise<void> {
      if (keys.length === 0) return;
      await mkdir(folder, { recursive: true });
      await appendFile(sentFile(id), keys.map((key) => `${key.toString(16).padStart(14, '0')}\n`).join(''));
    },
    async remove(id: string): Promise<void> {
      await rm(sentFile(id), { force: true });
      await rm(stateFile(id), { force: true });
      await rm(deadFile(id), { force: true });
    },
  };
}

export type ConsumerStore = ReturnType<typeof createConsumerStore>;
