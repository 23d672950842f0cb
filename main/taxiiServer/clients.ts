/**
 * The TAXII server's clients (issue 18, point 2): each has its own token, shown once when
 * made and kept only as its SHA-256, revocable, with rights per collection; and a request
 * budget per minute, so one client's loop cannot starve the others or the analyst's window.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Right, ServedCollection, ServerClient } from './config.ts';

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** A new token: 32 random bytes, URL-safe. */
export const newToken = (): string => `magpie_${randomBytes(32).toString('base64url')}`;

/** The client a bearer token belongs to; null for an unknown or revoked token. */
export function authenticate(clients: readonly ServerClient[], token: string): ServerClient | null {
  const presented = Buffer.from(hashToken(token), 'hex');
  let found: ServerClient | null = null;
  // Every stored hash is compared, so the time taken does not tell which one was close.
  for (const client of clients) {
    if (timingSafeEqual(presented, Buffer.from(client.tokenSha256, 'hex')) && client.revokedAt === null) found = client;
  }
  return found;
}

export function rightTo(client: ServerClient, collection: ServedCollection): { read: boolean; write: boolean } {
  const right: Right | undefined = client.rights[collection.id];
  return { read: right !== undefined, write: right === 'read-write' && collection.writable };
}

/** A fixed window per client and minute; `take` says whether the request may go on, and when to retry if not. */
export function createRateLimiter(perMinute: number, now: () => number = Date.now): { take: (clientId: string) => { allowed: boolean; retryAfterSeconds: number } } {
  const windows = new Map<string, { start: number; used: number }>();
  return {
    take(clientId) {
      const time = now();
      const window = windows.get(clientId);
      if (!window || time - window.start >= 60_000) {
        windows.set(clientId, { start: time, used: 1 });
        return { allowed: true, retryAfterSeconds: 0 };
      }
      window.used += 1;
      return window.used <= perMinute ? { allowed: true, retryAfterSeconds: 0 } : { allowed: false, retryAfterSeconds: Math.ceil((window.start + 60_000 - time) / 1000) };
    },
  };
}
