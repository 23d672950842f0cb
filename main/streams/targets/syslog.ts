/**
 * Syslog delivery: RFC 5424 messages over UDP (RFC 5426, one datagram each), TCP (RFC 6587
 * §3.4.1 octet counting: `LEN SP MSG`), TLS (RFC 5425, the same framing over node:tls) or
 * RELP (relp.ts: acknowledged, exactly once across receiver restarts).
 *
 * What "delivered" can mean here. UDP has no feedback at all: a datagram the kernel took is
 * counted, and a receiver that is down loses it (at most once). Plain TCP syslog has no
 * acknowledgements either: the kernel's ACK only says the bytes reached the receiver's
 * socket buffer. Measured against rsyslogd 8.2302 on SIGTERM: it stops reading at once, keeps
 * the connection open for about 5 ms, then closes it with unread bytes, which the kernel
 * answers with RST instead of FIN — about a hundred flushed messages vanish without a trace.
 * The stream transports therefore count a message only once it has been flushed for
 * `lossWindowMs` with no RST seen:
 *
 *  - after a batch, the target waits until its last message is `lossWindowMs` old;
 *  - on an RST, a write error or a timeout, messages flushed within `lossWindowMs` before
 *    the failure are not counted (the runtime resends them);
 *  - a FIN with no RST after it means the receiver read everything: all of it counts.
 *
 * That is at least once, not exactly once: messages the receiver did read inside the window
 * are sent again. Every message carries its seq in structured data, so a receiver can drop
 * repeats. A receiver slower than `lossWindowMs` to close after it stops reading can still
 * lose messages; only an application-level acknowledgement (RELP) closes both gaps.
 */
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { connect as netConnect, type Socket } from 'node:net';
import { setImmediate as nextTurn, setTimeout as delay } from 'node:timers/promises';
import { connect as tlsConnect } from 'node:tls';
import { eventJson, formatCef, formatSyslog, SYSLOG_HEADER_DEFAULTS, type SyslogHeader } from '../../../core/streams/format/index.ts';
import type { ChangeEvent } from '../../../core/streams/types.ts';
import { openRelpSession, type RelpSession } from './relp.ts';
import { abortedError, StreamTargetError, type StreamTarget } from './types.ts';

export type SyslogTransport = 'udp' | 'tcp' | 'tls' | 'relp';

export interface SyslogTlsOptions {
  /** PEM CA certificates to trust instead of Node's bundled roots. */
  ca?: string;
  /** PEM client certificate and key, for receivers that ask for one. */
  cert?: string;
  key?: string;
  /** On unless the analyst turns it off; a self-signed receiver needs `ca` instead. */
  rejectUnauthorized?: boolean;
  servername?: string;
}

export interface SyslogTargetOptions {
  transport: SyslogTransport;
  host: string;
  port: number;
  format: 'json' | 'cef';
  header?: Partial<SyslogHeader>;
  /** The whole message's byte limit; MSG is cut to fit (2,048 for UDP, 8,192 otherwise: rsyslog's default maxMessageSize). */
  maxMessageBytes?: number;
  connectTimeoutMs?: number;
  /** How long one message may take to flush before the connection counts as stuck. */
  writeTimeoutMs?: number;
  /** RELP: commands in flight at once. */
  relpWindow?: number;
  /** How long a flushed message must go without an RST before it counts (see above). */
  lossWindowMs?: number;
  tls?: SyslogTlsOptions;
  /** Magpie's version, for CEF's Device Version. */
  productVersion?: string;
}

export const SYSLOG_DEFAULTS = {
  udpMaxMessageBytes: 2048,
  streamMaxMessageBytes: 8192,
  connectTimeoutMs: 10_000,
  writeTimeoutMs: 30_000,
  lossWindowMs: 100,
  relpWindow: 128,
} as const;

/** The largest UDP payload over IPv4. */
const UDP_MAX = 65_507;

/** One stream connection and what has been seen on it. */
interface Link {
  socket: Socket;
  /** The peer's FIN arrived. */
  ended: boolean;
  /** An error (RST, EPIPE, timeout) or a close without FIN was seen. */
  failed: boolean;
  /** When `failed` was first seen (performance.now()). */
  failedAt: number;
  closed: Promise<void>;
}

function markFailed(link: Link): void {
  if (!link.failed) link.failedAt = performance.now();
  link.failed = true;
}

// Socket events change a link between awaits; reading it through a call keeps the type
// checker from treating a value read before an await as still true after it.
function hasFailed(link: Link): boolean {
  return link.failed;
}

function hasEnded(link: Link): boolean {
  return link.ended;
}

function describe(options: SyslogTargetOptions): string {
  return `syslog ${options.transport}://${options.host}:${String(options.port)}`;
}

export function createSyslogTarget(options: SyslogTargetOptions): StreamTarget {
  const header: SyslogHeader = { ...SYSLOG_HEADER_DEFAULTS, ...options.header };
  const maxBytes = Math.min(
    options.maxMessageBytes ?? (options.transport === 'udp' ? SYSLOG_DEFAULTS.udpMaxMessageBytes : SYSLOG_DEFAULTS.streamMaxMessageBytes),
    options.transport === 'udp' ? UDP_MAX : Number.MAX_SAFE_INTEGER,
  );
  const connectTimeoutMs = options.connectTimeoutMs ?? SYSLOG_DEFAULTS.connectTimeoutMs;
  const writeTimeoutMs = options.writeTimeoutMs ?? SYSLOG_DEFAULTS.writeTimeoutMs;
  const lossWindowMs = options.lossWindowMs ?? SYSLOG_DEFAULTS.lossWindowMs;
  const name = describe(options);

  function message(event: ChangeEvent): Uint8Array {
    const body = options.format === 'cef' ? formatCef(event, { version: options.productVersion ?? 'unknown' }) : eventJson(event);
    try {
      return formatSyslog(event, body, header, maxBytes).bytes;
    } catch (error) {
      throw new StreamTargetError('invalid-config', `${error instanceof Error ? error.message : String(error)} Raise the message size limit of ${name}.`);
    }
  }

  function unavailable(error: unknown): StreamTargetError {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME/.test(code)) {
      // Waiting will not change a certificate the target does not trust.
      return new StreamTargetError(
        'invalid-config',
        `${name} presented a certificate that is not trusted (${code}). Add the receiver's CA certificate to the target's settings, or check the host name.`,
      );
    }
    const reason = error instanceof Error ? error.message : String(error);
    return new StreamTargetError('unavailable', `Could not send to ${name} (${reason}). Check that the syslog receiver is running and reachable; delivery resumes when it is.`);
  }

  // ---- TCP and TLS ----

  let link: Link | undefined;

  function openSocket(): Socket {
    if (options.transport !== 'tls') return netConnect({ host: options.host, port: options.port });
    const tls = options.tls ?? {};
    return tlsConnect({
      host: options.host,
      port: options.port,
      ...(tls.ca === undefined ? {} : { ca: tls.ca }),
      ...(tls.cert === undefined ? {} : { cert: tls.cert }),
      ...(tls.key === undefined ? {} : { key: tls.key }),
      rejectUnauthorized: tls.rejectUnauthorized ?? true,
      servername: tls.servername ?? options.host,
    });
  }

  async function connect(signal: AbortSignal): Promise<Link> {
    const socket = openSocket();
    const current: Link = { socket, ended: false, failed: false, failedAt: Number.POSITIVE_INFINITY, closed: new Promise((resolve) => socket.once('close', () => resolve())) };
    socket.on('end', () => {
      current.ended = true;
    });
    const fail = (): void => markFailed(current);
    socket.on('error', fail);
    socket.on('close', () => {
      if (!current.ended) fail();
    });
    // Receivers send nothing; reading keeps a FIN from waiting behind unread data.
    socket.resume();
    const ready = options.transport === 'tls' ? 'secureConnect' : 'connect';
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no connection after ${String(connectTimeoutMs)} ms`)), connectTimeoutMs);
        const onAbort = (): void => reject(abortedError(name));
        signal.addEventListener('abort', onAbort, { once: true });
        const settle = (): void => {
          clearTimeout(timer);
          signal.removeEventListener('abort', onAbort);
        };
        socket.once(ready, () => {
          settle();
          resolve();
        });
        socket.once('error', (error) => {
          settle();
          reject(error);
        });
      });
    } catch (error) {
      socket.destroy();
      throw error;
    }
    socket.setNoDelay(true);
    return current;
  }

  /** Writes one framed message; resolves with when it was flushed, or undefined when it was not. */
  async function writeOne(current: Link, bytes: Uint8Array): Promise<number | undefined> {
    if (current.ended || current.failed) return undefined;
    const frame = Buffer.concat([Buffer.from(`${String(bytes.length)} `), bytes]);
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`a message did not flush in ${String(writeTimeoutMs)} ms`)), writeTimeoutMs);
        current.socket.write(frame, (error) => {
          clearTimeout(timer);
          if (error) reject(error);
          else resolve();
        });
      });
    } catch {
      markFailed(current);
      current.socket.destroy();
      return undefined;
    }
    const flushedAt = performance.now();
    // A FIN or RST that raced the write is only seen once the event loop has polled again.
    await nextTurn();
    return hasFailed(current) ? undefined : flushedAt;
  }

  /**
   * How many of the messages flushed at `flushed` count: all when the link is still healthy
   * `lossWindowMs` after the last one (or closed with a clean FIN); else those flushed at
   * least `lossWindowMs` before the failure.
   */
  async function confirmed(current: Link, flushed: readonly number[]): Promise<number> {
    const last = flushed.at(-1);
    if (last === undefined) return 0;
    if (!hasFailed(current)) {
      const wait = last + lossWindowMs - performance.now();
      if (wait > 0) await Promise.race([current.closed, delay(wait)]);
      // After a FIN, give a following RST (a message that landed after the close) time to arrive.
      if (hasEnded(current) && !hasFailed(current)) await Promise.race([current.closed, delay(lossWindowMs)]);
      if (!hasFailed(current)) return flushed.length;
    }
    const cutoff = current.failedAt - lossWindowMs;
    let count = 0;
    while (count < flushed.length && (flushed[count] ?? Number.POSITIVE_INFINITY) < cutoff) count += 1;
    return count;
  }

  async function deliverStream(events: readonly ChangeEvent[], signal: AbortSignal): Promise<number> {
    const flushed: number[] = [];
    let failure: unknown;
    for (const event of events) {
      if (signal.aborted) break;
      const bytes = message(event);
      if (link === undefined || link.ended || link.failed) {
        // Messages sent on an earlier link are settled before a new one starts.
        if (link !== undefined && flushed.length > 0) break;
        link?.socket.destroy();
        link = undefined;
        try {
          link = await connect(signal);
        } catch (error) {
          failure = error;
          break;
        }
      }
      const at = await writeOne(link, bytes);
      if (at === undefined) {
        failure = new Error('the connection closed while sending');
        break;
      }
      flushed.push(at);
    }
    const current = link;
    const count = current === undefined ? 0 : await confirmed(current, flushed);
    if (current !== undefined && (current.failed || current.ended)) {
      current.socket.destroy();
      link = undefined;
    }
    if (count > 0) return count;
    if (failure instanceof StreamTargetError) throw failure;
    if (signal.aborted && failure === undefined && flushed.length === 0) throw abortedError(name);
    throw unavailable(failure ?? new Error('the receiver closed the connection'));
  }

  // ---- UDP ----

  let udp: Promise<UdpSocket> | undefined;

  function udpSocket(): Promise<UdpSocket> {
    udp ??= new Promise<UdpSocket>((resolve, reject) => {
      const socket = createSocket(options.host.includes(':') ? 'udp6' : 'udp4');
      // A connected socket hears ICMP port-unreachable as ECONNREFUSED on a later send.
      socket.on('error', () => undefined);
      socket.connect(options.port, options.host, () => resolve(socket));
      socket.once('error', reject);
    }).catch((error: unknown) => {
      udp = undefined;
      throw error;
    });
    return udp;
  }

  async function deliverUdp(events: readonly ChangeEvent[], signal: AbortSignal): Promise<number> {
    let delivered = 0;
    for (const event of events) {
      if (signal.aborted) break;
      const bytes = message(event);
      try {
        const socket = await udpSocket();
        await new Promise<void>((resolve, reject) => socket.send(bytes, (error) => (error ? reject(error) : resolve())));
      } catch (error) {
        if (udp !== undefined) void udp.then((socket) => socket.close(), () => undefined);
        udp = undefined;
        if (delivered > 0) return delivered;
        throw unavailable(error);
      }
      delivered += 1;
      // One turn per datagram keeps a burst from overflowing the receiver's socket buffer.
      await nextTurn();
    }
    if (delivered === 0 && events.length > 0) throw abortedError(name);
    return delivered;
  }

  // ---- RELP ----

  let relp: RelpSession | undefined;
  const relpWindow = options.relpWindow ?? SYSLOG_DEFAULTS.relpWindow;

  async function deliverRelp(events: readonly ChangeEvent[], signal: AbortSignal): Promise<number> {
    const messages = events.map(message);
    if (relp === undefined || relp.broken()) {
      await relp?.close();
      relp = undefined;
      try {
        relp = await openRelpSession({ host: options.host, port: options.port, connectTimeoutMs, ackTimeoutMs: writeTimeoutMs }, signal);
      } catch (error) {
        if (signal.aborted) throw abortedError(name);
        throw unavailable(error);
      }
    }
    const session = relp;
    const acks: Promise<boolean>[] = [];
    for (const bytes of messages) {
      if (signal.aborted || session.broken()) break;
      // Keep at most `relpWindow` unanswered, waiting on the oldest as librelp does.
      if (acks.length >= relpWindow) await acks[acks.length - relpWindow];
      acks.push(session.send(bytes));
    }
    const answered = await Promise.all(acks);
    // The receiver acknowledges in order; the first miss ends what is known delivered.
    const count = answered.indexOf(false) === -1 ? answered.length : answered.indexOf(false);
    if (count > 0) return count;
    if (signal.aborted && acks.length === 0) throw abortedError(name);
    throw unavailable(new Error('the RELP session broke before the receiver acknowledged a message'));
  }

  function deliver(events: readonly ChangeEvent[], signal: AbortSignal): Promise<number> {
    switch (options.transport) {
      case 'udp':
        return deliverUdp(events, signal);
      case 'relp':
        return deliverRelp(events, signal);
      default:
        return deliverStream(events, signal);
    }
  }

  return {
    deliver,
    async close() {
      if (relp !== undefined) {
        const session = relp;
        relp = undefined;
        await session.close();
      }
      if (link !== undefined) {
        const current = link;
        link = undefined;
        current.socket.end();
        await Promise.race([current.closed, delay(1000)]);
        current.socket.destroy();
      }
      if (udp !== undefined) {
        const pending = udp;
        udp = undefined;
        const socket = await pending.catch(() => undefined);
        if (socket) await new Promise<void>((resolve) => socket.close(() => resolve()));
      }
    },
  };
}
