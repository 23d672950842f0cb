/**
 * Stream consumers (issue 8, OpenCTI's "stream" connector kind): each follows the
 * knowledge base's change feed from its own persisted cursor, keeps what its filter
 * passes, and hands it to its target (webhook, syslog, Splunk HEC).
 *
 * The feed lives in the renderer's IndexedDB, so the renderer drives: it asks which
 * consumers are ready (`ready`), reads the feed after each one's cursor and hands the page
 * to `deliver`. main owns everything else: targets and their secrets, cursors, retries and
 * dead letters. Delivery is at least once: the cursor moves only past what the target
 * took, and is on disk before the next page is asked for.
 *
 * Two kinds of failure are told apart. A target that cannot be reached (down, 5xx, 429)
 * holds the cursor and is retried with backoff for as long as it takes: its backlog shows
 * as lag and nothing is lost. A target that refuses an event (4xx) gets that event alone
 * again; after `maxAttempts` refusals it goes to the dead letters, which can be retried.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { StreamFilter } from '../../core/streams/filter.ts';
import { passesFilter } from '../../core/streams/filter.ts';
import type { ChangeEvent } from '../../core/streams/types.ts';
import { warninglistIndex } from '../../core/warninglists/compile.ts';
import { defaultWarninglistIndex, type WarninglistIndex } from '../../core/warninglists/index.ts';
import type { Warninglist } from '../../core/warninglists/types.ts';
import { backoffDelay } from '../services/backoff.ts';
import type { SecretStore } from '../services/secretStore.ts';
import { createConsumerStore, initialState, MAX_DEAD_LETTERS, type ConsumerDefinition, type ConsumerState, type DeadLetter } from './consumerStore.ts';
import { addLeftOut, keysToRemember, SEND_LEFT_OUT, sortForStream } from './leaveOut.ts';
import { StreamTargetError, type StreamTarget } from './targets/types.ts';

export interface TargetFactory {
  /** Validates the settings (secrets merged in) and builds the target; throws a message to show. */
  create: (settings: Record<string, unknown>) => StreamTarget;
  /** The secret settings of this target, stored in the SecretStore, never in files. */
  secretFields: (settings: Record<string, unknown>) => readonly string[];
  /** One line for lists: "syslog TCP 127.0.0.1:514 (CEF)". */
  describe: (settings: Record<string, unknown>) => string;
}

export interface FeedPageIn {
  events: ChangeEvent[];
  /** The last seq the page covers (events the KB skipped included). */
  through: number;
  head: number;
}

export type ConsumerStatus = 'stopped' | 'up-to-date' | 'catching-up' | 'retrying';

export interface ConsumerSummary {
  id: string;
  name: string;
  enabled: boolean;
  target: Record<string, unknown>;
  targetDescription: string;
  filter: StreamFilter;
  maxAttempts: number;
  status: ConsumerStatus;
  cursor: number;
  /** Changes in the feed after the cursor (some may be filtered out). */
  lag: number;
  delivered: number;
  lastDelivery: { at: string; seq: number } | null;
  failures: number;
  lastError: string | null;
  retryAt: string | null;
  deadLetters: number;
  /** Dead letters dropped, oldest first, past the cap of 10,000. */
  deadLettersDropped: number;
  /** Events not sent by the leave-out rules (main/streams/leaveOut.ts), by reason. */
  leftOut: ConsumerState['leftOut'];
  createdAt: string;
}

export interface ConsumerInput {
  name: string;
  target: Record<string, unknown>;
  filter: StreamFilter;
  maxAttempts?: number;
  /** Where a new consumer starts: the changes from now on, or the whole feed. */
  startFrom?: 'now' | 'beginning';
}

export interface StreamServiceOptions {
  userData: string;
  secrets: SecretStore;
  targets: TargetFactory;
  now?: () => Date;
  random?: () => number;
  /** The warninglists in force, asked at each page (default: the shipped ones). */
  warninglists?: () => WarninglistIndex;
  /** Called when a consumer becomes ready again (enabled, backoff over): the renderer pumps. */
  onWake?: () => void;
  onChange?: (summary: ConsumerSummary) => void;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

interface Live {
  target?: StreamTarget;
  busy?: Promise<unknown>;
  retryAt?: number;
  timer?: ReturnType<typeof setTimeout>;
}

export class StreamServiceError extends Error {
  readonly code: 'unknown-consumer' | 'invalid-settings';
  constructor(code: 'unknown-consumer' | 'invalid-settings', message: string) {
    super(message);
    this.name = 'StreamServiceError';
    this.code = code;
  }
}

export function createStreamService(options: StreamServiceOptions) {
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const store = createConsumerStore(join(options.userData, 'streams'));
  const live = new Map<string, Live>();
  const states = new Map<string, ConsumerState>();
  const deadCounts = new Map<string, number>();
  const sentKeys = new Map<string, Set<number>>();
  let definitions: ConsumerDefinition[] | undefined;
  let head = 0;
  let closed = false;
  /** The knowledge base's warninglists in force, as the window last sent them; the shipped ones until then. */
  let active: WarninglistIndex | undefined;

  async function all(): Promise<ConsumerDefinition[]> {
    definitions ??= await store.definitions();
    return definitions;
  }

  async function definitionOf(id: string): Promise<ConsumerDefinition> {
    const found = (await all()).find((definition) => definition.id === id);
    if (!found) throw new StreamServiceError('unknown-consumer', `There is no stream consumer "${id}".`);
    return found;
  }

  async function stateOf(id: string): Promise<ConsumerState> {
    let state = states.get(id);
    if (!state) {
      state = await store.state(id);
      states.set(id, state);
    }
    return state;
  }

  async function saveState(id: string, state: ConsumerState): Promise<void> {
    await store.saveState(id, state);
    states.set(id, state);
  }

  async function deadCount(id: string): Promise<number> {
    let count = deadCounts.get(id);
    if (count === undefined) {
      count = (await store.deadLetters(id)).length;
      deadCounts.set(id, count);
    }
    return count;
  }

  async function sentOf(id: string): Promise<Set<number>> {
    let keys = sentKeys.get(id);
    if (!keys) {
      keys = await store.sent(id);
      sentKeys.set(id, keys);
    }
    return keys;
  }

  /** Remembers what a target took, before the cursor passes it, so its later versions follow. */
  async function rememberSent(id: string, events: readonly ChangeEvent[]): Promise<void> {
    const keys = keysToRemember(events);
    await store.appendSent(id, keys);
    const known = await sentOf(id);
    for (const key of keys) known.add(key);
  }

  const secretKey = (id: string, field: string) => `stream:${id}:${field}`;

  async function settingsWithSecrets(definition: ConsumerDefinition): Promise<Record<string, unknown>> {
    const settings = { ...definition.target };
    for (const field of options.targets.secretFields(settings)) {
      const value = await options.secrets.get(secretKey(definition.id, field));
      if (value !== undefined) settings[field] = fromSecret(value);
    }
    return settings;
  }

  async function targetOf(definition: ConsumerDefinition): Promise<StreamTarget> {
    const entry = liveOf(definition.id);
    entry.target ??= options.targets.create(await settingsWithSecrets(definition));
    return entry.target;
  }

  function liveOf(id: string): Live {
    let entry = live.get(id);
    if (!entry) {
      entry = {};
      live.set(id, entry);
    }
    return entry;
  }

  async function closeTarget(id: string): Promise<void> {
    const entry = live.get(id);
    if (!entry) return;
    await entry.busy?.catch(() => undefined);
    if (entry.timer) clearTimeout(entry.timer);
    const target = entry.target;
    live.delete(id);
    await target?.close().catch(() => undefined);
  }

  async function summary(id: string): Promise<ConsumerSummary> {
    const definition = await definitionOf(id);
    const state = await stateOf(id);
    const entry = live.get(id);
    const retryAt = entry?.retryAt !== undefined && entry.retryAt > now().getTime() ? entry.retryAt : undefined;
    const lag = Math.max(0, head - state.cursor);
    const status: ConsumerStatus = !definition.enabled ? 'stopped' : retryAt !== undefined ? 'retrying' : lag > 0 ? 'catching-up' : 'up-to-date';
    return {
      id,
      name: definition.name,
      enabled: definition.enabled,
      target: definition.target,
      targetDescription: describeSafely(definition.target),
      filter: definition.filter,
      maxAttempts: definition.maxAttempts,
      status,
      cursor: state.cursor,
      lag,
      delivered: state.delivered,
      lastDelivery: state.lastDelivery,
      failures: state.failures,
      lastError: state.lastError,
      retryAt: retryAt === undefined ? null : new Date(retryAt).toISOString(),
      deadLetters: await deadCount(id),
      deadLettersDropped: state.deadLettersDropped,
      leftOut: state.leftOut,
      createdAt: definition.createdAt,
    };
  }

  function describeSafely(settings: Record<string, unknown>): string {
    try {
      return options.targets.describe(settings);
    } catch {
      return 'Settings need attention';
    }
  }

  function notify(id: string): void {
    if (!options.onChange) return;
    summary(id).then(options.onChange, () => undefined);
  }

  /** Splits secrets off the settings, checking that the whole makes a valid target. */
  async function storeSettings(id: string, input: Record<string, unknown>, previous?: ConsumerDefinition): Promise<Record<string, unknown>> {
    const secretNames = options.targets.secretFields(input);
    const merged = { ...input };
    // A secret left empty in the form keeps the stored one, as the connectors' forms do.
    for (const name of secretNames) {
      if (isEmpty(merged[name])) {
        const stored = previous ? await options.secrets.get(secretKey(id, name)) : undefined;
        if (stored === undefined) Reflect.deleteProperty(merged, name);
        else merged[name] = fromSecret(stored);
      }
    }
    try {
      await options.targets.create(merged).close();
    } catch (error) {
      throw new StreamServiceError('invalid-settings', errorMessage(error));
    }
    const plain: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(merged)) {
      if (!secretNames.includes(name)) plain[name] = value;
      else if (!isEmpty(value)) await options.secrets.set(secretKey(id, name), toSecret(value));
    }
    return plain;
  }

  function scheduleWake(id: string, delayMs: number): void {
    const entry = liveOf(id);
    if (entry.timer) clearTimeout(entry.timer);
    entry.retryAt = now().getTime() + delayMs;
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      entry.retryAt = undefined;
      notify(id);
      if (!closed) options.onWake?.();
    }, delayMs);
    entry.timer.unref();
  }

  async function deliverPage(definition: ConsumerDefinition, page: FeedPageIn): Promise<void> {
    const id = definition.id;
    const state = await stateOf(id);
    const fresh = page.events.filter((event) => event.seq > state.cursor);
    const passed = fresh.filter((event) => passesFilter(event, definition.filter));
    const sorted = sortForStream(passed, { now: now(), warninglists: (options.warninglists ?? (() => active ?? defaultWarninglistIndex()))(), sent: await sentOf(id), sendAll: definition.target[SEND_LEFT_OUT] === true });
    const wanted = sorted.send;
    const through = Math.max(state.cursor, page.through);
    // Left-out events are counted once the cursor has passed them, so a page sent again after a failure does not count them twice.
    const counted = (after: ConsumerState): ConsumerState => ({ ...after, leftOut: addLeftOut(state.leftOut, sorted.leftOut, state.cursor, after.cursor) });
    if (wanted.length === 0) {
      if (through > state.cursor) await saveState(id, counted({ ...state, cursor: through }));
      return;
    }
    // After a refusal the refused event goes alone, so the next refusal is surely its own.
    const careful = state.refusals !== null && state.refusals.seq === wanted[0]?.seq;
    const batch = careful ? wanted.slice(0, 1) : wanted;
    const target = await targetOf(definition);
    const attemptAt = now().toISOString();
    let taken: number;
    try {
      taken = await target.deliver(batch, new AbortController().signal);
    } catch (error) {
      await saveState(id, counted(await failed(definition, state, batch, error)));
      return;
    }
    await rememberSent(id, batch.slice(0, taken));
    const last = batch[taken - 1];
    const allTaken = taken >= batch.length;
    // Everything up to the first event not taken is passed on, filtered-out ones included.
    const next = allTaken ? (careful ? batch[0]?.seq ?? through : through) : (batch[taken]?.seq ?? through) - 1;
    const after = counted({
      ...state,
      cursor: Math.max(state.cursor, next),
      delivered: state.delivered + taken,
      lastDelivery: last ? { at: attemptAt, seq: last.seq } : state.lastDelivery,
      failures: allTaken ? 0 : state.failures + 1,
      lastError: allTaken ? null : 'The target stopped taking events part-way; the rest will be sent again.',
      refusals: null,
    });
    await saveState(id, after);
    if (!allTaken) scheduleWake(id, backoffDelay(after.failures - 1, { baseDelayMs: options.baseDelayMs ?? 1000, maxDelayMs: options.maxDelayMs ?? 300_000, random }));
  }

  async function failed(definition: ConsumerDefinition, state: ConsumerState, batch: readonly ChangeEvent[], error: unknown): Promise<ConsumerState> {
    const id = definition.id;
    const message = errorMessage(error);
    const first = batch[0];
    const refused = error instanceof StreamTargetError && error.code === 'rejected';
    if (refused && first) {
      const count = state.refusals?.seq === first.seq ? state.refusals.count + 1 : 1;
      if (count >= definition.maxAttempts && batch.length === 1) {
        const letters = await store.deadLetters(id);
        const letter: DeadLetter = { event: first, error: message, attempts: count, at: now().toISOString() };
        const dropped = await store.saveDeadLetters(id, [...letters, letter]);
        deadCounts.set(id, Math.min(letters.length + 1, MAX_DEAD_LETTERS));
        return { ...state, deadLettersDropped: state.deadLettersDropped + dropped, cursor: first.seq, failures: 0, lastError: `Event ${String(first.seq)} was refused ${String(count)} times and moved to the dead letters: ${message}`, refusals: null };
      }
      // Tried again at once, alone; the count climbs only when it is refused alone.
      return { ...state, failures: state.failures + 1, lastError: message, refusals: { seq: first.seq, count: batch.length === 1 ? count : 0 } };
    }
    const failures = state.failures + 1;
    const retryAfter = error instanceof StreamTargetError ? error.retryAfterMs : undefined;
    scheduleWake(id, retryAfter ?? backoffDelay(failures - 1, { baseDelayMs: options.baseDelayMs ?? 1000, maxDelayMs: options.maxDelayMs ?? 300_000, random }));
    // The connection may be half-broken: the next attempt starts from a new one.
    const entry = live.get(id);
    const target = entry?.target;
    if (entry) entry.target = undefined;
    await target?.close().catch(() => undefined);
    return { ...state, failures, lastError: message };
  }

  /** One delivery at a time per consumer; a second call waits for the first. */
  function exclusive<T>(id: string, work: () => Promise<T>): Promise<T> {
    const entry = liveOf(id);
    const previous = entry.busy ?? Promise.resolve();
    const result = previous.catch(() => undefined).then(work);
    entry.busy = result.catch(() => undefined);
    return result;
  }

  return {
    /** The lists in force in the knowledge base (issue 21): turned off or added by the analyst. */
    setWarninglists(lists: readonly Warninglist[]): number {
      active = warninglistIndex(lists);
      return lists.length;
    },
    list: async (): Promise<ConsumerSummary[]> => Promise.all((await all()).map((definition) => summary(definition.id))),
    summary,

    create: async (input: ConsumerInput, feedHead: number): Promise<ConsumerSummary> => {
      head = Math.max(head, feedHead);
      const id = `${slug(input.name)}-${randomBytes(3).toString('hex')}`;
      const target = await storeSettings(id, input.target);
      const definition: ConsumerDefinition = { id, name: input.name.trim(), enabled: true, target, filter: input.filter, maxAttempts: input.maxAttempts ?? 3, createdAt: now().toISOString() };
      await saveState(id, initialState(input.startFrom === 'beginning' ? 0 : feedHead));
      definitions = [...(await all()), definition];
      await store.saveDefinitions(definitions);
      options.onWake?.();
      return summary(id);
    },

    update: async (id: string, input: Omit<ConsumerInput, 'startFrom'>): Promise<ConsumerSummary> => {
      const previous = await definitionOf(id);
      await closeTarget(id);
      const target = await storeSettings(id, input.target, previous);
      const definition: ConsumerDefinition = { ...previous, name: input.name.trim(), target, filter: input.filter, maxAttempts: input.maxAttempts ?? previous.maxAttempts };
      definitions = (await all()).map((existing) => (existing.id === id ? definition : existing));
      await store.saveDefinitions(definitions);
      options.onWake?.();
      return summary(id);
    },

    setEnabled: async (id: string, enabled: boolean): Promise<ConsumerSummary> => {
      const previous = await definitionOf(id);
      // Stopping waits for the page in flight: its cursor is saved, nothing is half-sent.
      if (!enabled) await closeTarget(id);
      definitions = (await all()).map((existing) => (existing.id === id ? { ...previous, enabled } : existing));
      await store.saveDefinitions(definitions);
      if (enabled) options.onWake?.();
      notify(id);
      return summary(id);
    },

    remove: async (id: string): Promise<void> => {
      const definition = await definitionOf(id);
      await closeTarget(id);
      for (const field of options.targets.secretFields(definition.target)) await options.secrets.delete(secretKey(id, field));
      definitions = (await all()).filter((existing) => existing.id !== id);
      await store.saveDefinitions(definitions);
      await store.remove(id);
      states.delete(id);
      deadCounts.delete(id);
      sentKeys.delete(id);
    },

    /** The consumers that want events now, with the cursor to read after. */
    ready: async (feedHead: number): Promise<{ id: string; cursor: number }[]> => {
      head = Math.max(head, feedHead);
      const wanting: { id: string; cursor: number }[] = [];
      for (const definition of await all()) {
        if (!definition.enabled) continue;
        const retryAt = live.get(definition.id)?.retryAt;
        if (retryAt !== undefined && retryAt > now().getTime()) continue;
        const state = await stateOf(definition.id);
        if (state.cursor < feedHead) wanting.push({ id: definition.id, cursor: state.cursor });
      }
      return wanting;
    },

    /**
     * Delivers one page of the feed; resolves with the consumer's cursor afterwards, and
     * `again` when a refused event should be tried again, alone, right away.
     */
    deliver: async (id: string, page: FeedPageIn): Promise<{ cursor: number; again: boolean }> => {
      head = Math.max(head, page.head);
      const result = await exclusive(id, async () => {
        const definition = await definitionOf(id);
        const retryAt = live.get(id)?.retryAt;
        if (!closed && definition.enabled && (retryAt === undefined || retryAt <= now().getTime())) await deliverPage(definition, page);
        const state = await stateOf(id);
        return { cursor: state.cursor, again: state.refusals !== null };
      });
      notify(id);
      return result;
    },

    deadLetters: async (id: string): Promise<DeadLetter[]> => {
      await definitionOf(id);
      return store.deadLetters(id);
    },

    /** Sends the dead letters again, oldest first; those taken leave the list. */
    retryDeadLetters: async (id: string): Promise<{ delivered: number; remaining: number; error: string | null }> =>
      exclusive(id, async () => {
        const definition = await definitionOf(id);
        const letters = await store.deadLetters(id);
        let delivered = 0;
        let error: string | null = null;
        try {
          const target = await targetOf(definition);
          for (const letter of letters) {
            if ((await target.deliver([letter.event], new AbortController().signal)) < 1) break;
            delivered += 1;
          }
        } catch (cause) {
          error = errorMessage(cause);
          // As after any failed delivery: the next attempt starts from a new connection.
          const entry = live.get(id);
          const broken = entry?.target;
          if (entry) entry.target = undefined;
          await broken?.close().catch(() => undefined);
        }
        await rememberSent(id, letters.slice(0, delivered).map((letter) => letter.event));
        const remaining = letters.slice(delivered);
        await store.saveDeadLetters(id, remaining);
        const last = letters[delivered - 1];
        if (last) {
          const state = await stateOf(id);
          await saveState(id, { ...state, delivered: state.delivered + delivered, lastDelivery: { at: now().toISOString(), seq: last.event.seq } });
        }
        deadCounts.set(id, remaining.length);
        notify(id);
        return { delivered, remaining: remaining.length, error };
      }),

    discardDeadLetters: async (id: string): Promise<void> => {
      await definitionOf(id);
      await store.saveDeadLetters(id, []);
      deadCounts.set(id, 0);
      notify(id);
    },

    /** Waits for deliveries in flight, then closes every target. */
    close: async (): Promise<void> => {
      closed = true;
      await Promise.all([...live.keys()].map((id) => closeTarget(id)));
    },
  };
}

export type StreamService = ReturnType<typeof createStreamService>;

/** Secrets are strings; a structured one (the webhook's headers) is kept as tagged JSON. */
const JSON_SECRET = 'json:';

function toSecret(value: unknown): string {
  return typeof value === 'string' ? value : `${JSON_SECRET}${JSON.stringify(value)}`;
}

function fromSecret(stored: string): unknown {
  return stored.startsWith(JSON_SECRET) ? (JSON.parse(stored.slice(JSON_SECRET.length)) as unknown) : stored;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (typeof value === 'object' && Object.keys(value).length === 0);
}

function slug(name: string): string {
  const base = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return base === '' ? 'consumer' : base;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
