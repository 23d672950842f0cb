/**
 * A RELP client (rsyslog's Reliable Event Logging Protocol, librelp's `doc/relp.html`):
 * `TXNR SP COMMAND SP DATALEN [SP DATA] LF` frames, an `open` offer, then one `syslog`
 * command per message, each answered by `TXNR rsp LEN 200 OK` once the receiver has taken
 * it. A message counts only when its 200 arrives, so after the receiver goes away the
 * runtime resumes exactly after the last acknowledged one — the application-level
 * acknowledgement plain TCP syslog lacks (see syslog.ts). The caller keeps a window of
 * commands in flight, as librelp's own client does.
 */
import { connect as netConnect, type Socket } from 'node:net';

export interface RelpOptions {
  host: string;
  port: number;
  connectTimeoutMs: number;
  /** How long an acknowledgement may take before the session counts as broken. */
  ackTimeoutMs: number;
}

/** What the other side sent: a frame's txnr, command and data. */
export interface RelpFrame {
  txnr: number;
  command: string;
  data: string;
}

const OFFERS = 'relp_version=0\nrelp_software=magpie\ncommands=syslog';

export function encodeFrame(txnr: number, command: string, data: Uint8Array): Buffer {
  const head = `${String(txnr)} ${command} ${String(data.length)}`;
  return data.length === 0 ? Buffer.from(`${head}\n`) : Buffer.concat([Buffer.from(`${head} `), data, Buffer.from('\n')]);
}

/** Reads frames from a byte stream; returns the frames complete so far and keeps the rest. */
export function createFrameReader(): (chunk: Buffer) => RelpFrame[] {
  let buffered: Buffer = Buffer.alloc(0);
  return (chunk) => {
    buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
    const frames: RelpFrame[] = [];
    for (;;) {
      const header = /^(\d{1,9}) ([a-z]{1,32}) (\d{1,9})/.exec(buffered.subarray(0, 64).toString('latin1'));
      if (header === null) {
        if (buffered.length >= 64 || /[^\d a-z]/.test(buffered.toString('latin1'))) throw new Error('the receiver sent something that is not RELP');
        return frames;
      }
      const [matched, txnr, command, length] = header;
      const dataLength = Number(length);
      const start = matched.length + (dataLength > 0 ? 1 : 0);
      const end = start + dataLength;
      if (buffered.length < end + 1) return frames;
      if (buffered[end] !== 0x0a) throw new Error('a RELP frame did not end with LF');
      frames.push({ txnr: Number(txnr), command: command ?? '', data: buffered.subarray(start, end).toString('utf8') });
      buffered = buffered.subarray(end + 1);
    }
  };
}

export interface RelpSession {
  /** Resolves true when the receiver answered 200, false when the session broke first. */
  send: (message: Uint8Array) => Promise<boolean>;
  /** Commands sent and not yet answered. */
  inFlight: () => number;
  broken: () => boolean;
  close: () => Promise<void>;
}

export async function openRelpSession(options: RelpOptions, signal: AbortSignal): Promise<RelpSession> {
  const socket: Socket = netConnect({ host: options.host, port: options.port });
  const pending = new Map<number, { resolve: (ok: boolean) => void; timer: NodeJS.Timeout }>();
  let next = 1;
  let isBroken = false;
  const read = createFrameReader();
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));

  function breakSession(): void {
    isBroken = true;
    for (const { resolve, timer } of pending.values()) {
      clearTimeout(timer);
      resolve(false);
    }
    pending.clear();
    socket.destroy();
  }

  socket.on('data', (chunk: Buffer) => {
    let frames: RelpFrame[];
    try {
      frames = read(chunk);
    } catch {
      breakSession();
      return;
    }
    for (const frame of frames) {
      if (frame.command === 'serverclose') {
        breakSession();
        return;
      }
      const waiting = pending.get(frame.txnr);
      if (frame.command !== 'rsp' || waiting === undefined) continue;
      pending.delete(frame.txnr);
      clearTimeout(waiting.timer);
      waiting.resolve(frame.data.startsWith('200'));
    }
  });
  socket.on('error', breakSession);
  socket.on('close', breakSession);
  socket.on('end', breakSession);

  function command(name: string, data: Uint8Array): Promise<boolean> {
    if (isBroken) return Promise.resolve(false);
    const txnr = next;
    // txnr runs 1..999,999,999 and wraps to 1 (0 is the server's own).
    next = next >= 999_999_999 ? 1 : next + 1;
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(breakSession, options.ackTimeoutMs);
      pending.set(txnr, { resolve, timer });
      socket.write(encodeFrame(txnr, name, data));
    });
  }

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no connection after ${String(options.connectTimeoutMs)} ms`)), options.connectTimeoutMs);
    const onAbort = (): void => reject(new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      reject(error);
    });
  }).catch((error: unknown) => {
    socket.destroy();
    throw error;
  });
  socket.setNoDelay(true);
  if (!(await command('open', Buffer.from(OFFERS)))) {
    socket.destroy();
    throw new Error('the receiver refused to open a RELP session');
  }

  return {
    send: (message) => command('syslog', message),
    inFlight: () => pending.size,
    broken: () => isBroken,
    async close() {
      if (!isBroken) {
        await Promise.race([command('close', new Uint8Array(0)), new Promise((resolve) => setTimeout(resolve, 1000))]);
      }
      socket.end();
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 1000))]);
      socket.destroy();
    },
  };
}
