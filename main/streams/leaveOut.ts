/**
 * What a stream leaves out (issue 21, point 3): by the same rules as the exports
 * (core/exports/leaveOut.ts `leaveOutReason`), a stream does not send a revoked or expired
 * indicator, nor an indicator or observable whose every value is on a false-positive
 * warninglist, unless its target's settings ask for them (`sendLeftOut`).
 *
 * A stream is not an export, though: its receiver keeps what it was sent. An indicator a
 * SIEM got while it was live must reach it again when it is revoked or expires, or the
 * SIEM goes on alerting on it. So each stream remembers what it has sent, and an object it
 * has sent is followed through all its later versions — the revoking one, an expired one,
 * one whose value a newer warninglist now names, and its deletion — so the receiver can
 * drop it. An object it has never sent is never first sent revoked, expired or
 * warninglisted: a feed's backlog of dead indicators does not reach the SIEM at all.
 */
import { leaveOutReason, noneLeftOut, type LeaveOutReason } from '../../core/exports/leaveOut.ts';
import type { ChangeEvent } from '../../core/streams/types.ts';
import type { WarninglistIndex } from '../../core/warninglists/index.ts';

/** The target setting that sends everything (default off). */
export const SEND_LEFT_OUT = 'sendLeftOut';

/** The types `leaveOutReason` can speak of: only their ids need remembering. */
const FOLLOWED_TYPES = new Set(['indicator', 'ipv4-addr', 'ipv6-addr', 'domain-name', 'url', 'email-addr']);

/**
 * A sent object's key: a 53-bit hash of its id (cyrb53), as a number. A set of numbers
 * keeps a million sent indicators in tens of MB; two ids sharing a key (about one chance
 * in ten thousand at a million) only means one dead indicator might be sent once.
 */
export function sentKey(id: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < id.length; index++) {
    const code = id.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export interface SortedPage {
  /** The events to hand to the target, in feed order. */
  send: ChangeEvent[];
  /** The events left out, each with its reason (counted once the cursor passes them). */
  leftOut: { seq: number; reason: LeaveOutReason }[];
}

export interface SortOptions {
  now: Date;
  warninglists: WarninglistIndex;
  /** The ids this stream has sent (by `sentKey`). */
  sent: ReadonlySet<number>;
  /** The target's `sendLeftOut`: send everything. */
  sendAll: boolean;
}

/** Splits the events a filter passed into those to send and those to leave out. */
export function sortForStream(events: readonly ChangeEvent[], options: SortOptions): SortedPage {
  if (options.sendAll) return { send: [...events], leftOut: [] };
  const send: ChangeEvent[] = [];
  const leftOut: SortedPage['leftOut'] = [];
  for (const event of events) {
    const reason = FOLLOWED_TYPES.has(event.type) ? leaveOutReason(event.object, options.now, options.warninglists) : undefined;
    if (reason !== undefined && !options.sent.has(sentKey(event.id))) leftOut.push({ seq: event.seq, reason });
    else send.push(event);
  }
  return { send, leftOut };
}

/** The keys of the sent events a stream must remember: those a later version could leave out. */
export function keysToRemember(events: readonly ChangeEvent[]): number[] {
  return events.filter((event) => FOLLOWED_TYPES.has(event.type)).map((event) => sentKey(event.id));
}

/** Adds the left-out events up to `through` (the cursor after delivery) to the counts. */
export function addLeftOut(counts: Readonly<Record<LeaveOutReason, number>>, leftOut: SortedPage['leftOut'], after: number, through: number): Record<LeaveOutReason, number> {
  const next = { ...noneLeftOut(), ...counts };
  for (const { seq, reason } of leftOut) if (seq > after && seq <= through) next[reason] += 1;
  return next;
}
