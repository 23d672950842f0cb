/**
 * Moves the change feed to the stream consumers (issue 8). The feed is read where it is
 * kept (the knowledge-base worker) and the consumers run where the network is (main), so
 * something must carry pages between them: this loop, the same in the app's renderer, in
 * the tests and in the benchmark. It holds no state of its own: every consumer's cursor
 * is main's, so a pump that dies loses nothing and a new one carries on.
 */
import type { ChangeEvent } from './types.ts';

export interface FeedPage {
  /** Create and update events carry the object as it is now; a delete, as it was. */
  events: ChangeEvent[];
  /** The last sequence number the page covers, even where its rows were skipped. */
  through: number;
  /** The newest sequence number in the feed: how far behind a reader at `through` is. */
  head: number;
}

export interface PumpSource {
  head: () => Promise<number>;
  page: (after: number, limit: number) => Promise<FeedPage>;
}

export interface PumpSink {
  ready: (head: number) => Promise<{ id: string; cursor: number }[]>;
  /** `again`: the consumer wants the same events again at once (a refused event, alone). */
  deliver: (id: string, page: FeedPage) => Promise<{ cursor: number; again?: boolean }>;
}

export interface PumpOptions {
  pageSize?: number;
  onError?: (error: unknown) => void;
}

/**
 * Hands pages to every ready consumer until none is ready or none moves (a consumer that
 * is retrying keeps its cursor; its wake-up will start the pump again). Resolves with how
 * many feed rows the consumers passed, delivered or filtered out.
 */
export async function pumpUntilIdle(source: PumpSource, sink: PumpSink, pageSize = 500): Promise<number> {
  let passed = 0;
  const stuck = new Set<string>();
  // Pages by the place they start from. Consumers at the same place (the usual case: all
  // caught up) share one read, and the page after the one being delivered is read
  // meanwhile, so the feed read and the target's network time overlap.
  let pages = new Map<number, Promise<FeedPage>>();
  for (;;) {
    const head = await source.head();
    const ready = (await sink.ready(head)).filter((consumer) => !stuck.has(consumer.id));
    if (ready.length === 0) return passed;
    const next = new Map<number, Promise<FeedPage>>();
    const read = (after: number): Promise<FeedPage> => {
      let page = pages.get(after) ?? next.get(after);
      if (!page) {
        page = source.page(after, pageSize);
        // A read ahead nobody takes must not surface as an unhandled rejection.
        page.catch(() => undefined);
      }
      next.set(after, page);
      return page;
    };
    for (const consumer of ready) {
      const page = await read(consumer.cursor);
      if (page.through < page.head) void read(page.through);
      const { cursor, again = false } = await sink.deliver(consumer.id, page);
      if (cursor <= consumer.cursor && !again) stuck.add(consumer.id);
      else passed += cursor - consumer.cursor;
    }
    pages = next;
  }
}

/**
 * Runs `pumpUntilIdle` whenever kicked (a KB change, a consumer's wake-up), never two at
 * once: kicks during a run make one more run afterwards.
 */
export function createPump(source: PumpSource, sink: PumpSink, options: PumpOptions = {}) {
  let running: Promise<void> | undefined;
  // Kicks that arrive during a run; read after each run, so not a narrowed local.
  const kicks = { pending: false, stopped: false };
  const runAgain = (): boolean => kicks.pending && !kicks.stopped;

  function run(): Promise<void> {
    running = (async () => {
      do {
        kicks.pending = false;
        try {
          await pumpUntilIdle(source, sink, options.pageSize);
        } catch (error) {
          options.onError?.(error);
        }
      } while (runAgain());
      running = undefined;
    })();
    return running;
  }

  return {
    kick(): void {
      if (kicks.stopped) return;
      if (running) kicks.pending = true;
      else void run();
    },
    /** Resolves when no run is going. */
    idle: async (): Promise<void> => {
      while (running) await running;
    },
    stop(): void {
      kicks.stopped = true;
    },
  };
}
