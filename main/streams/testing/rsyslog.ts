/**
 * A private rsyslogd for tests and benchmarks: its own config, work directory, pid file and
 * output file under a temp directory, listening on 127.0.0.1 only, nothing written to system
 * paths. The output file holds each received message's raw text (`%rawmsg%`), one per line,
 * so a test sees exactly what the receiver got. `stop()` sends SIGTERM, as an init system
 * would; `start()` brings it back on the same ports.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { createSocket } from 'node:dgram';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { freeTcpPort } from '../../../testkit/freePort.ts';

export const RSYSLOGD = process.env.MAGPIE_RSYSLOGD ?? '/usr/sbin/rsyslogd';
const MODULE_DIR = process.env.MAGPIE_RSYSLOG_MODULES ?? '/usr/lib/x86_64-linux-gnu/rsyslog';

/** Why rsyslog tests cannot run here, or undefined when they can. */
export function rsyslogMissing(modules: readonly string[] = []): string | undefined {
  if (!existsSync(RSYSLOGD)) return `rsyslogd not found at ${RSYSLOGD} (apt-get install rsyslog)`;
  for (const module of modules) {
    if (!existsSync(join(MODULE_DIR, `${module}.so`))) return `rsyslog module ${module} not found in ${MODULE_DIR}`;
  }
  return undefined;
}

export interface RsyslogTlsFiles {
  caFile: string;
  certFile: string;
  keyFile: string;
}

export interface RsyslogOptions {
  tcp?: boolean;
  udp?: boolean;
  /** TLS on its own imtcp port (needs rsyslog-openssl, module lmnsd_ossl). */
  tls?: RsyslogTlsFiles;
  /** RELP (needs rsyslog-relp, module imrelp). */
  relp?: boolean;
  /** rsyslog's maxMessageSize; 64k by default so tests see whole JSON bodies. */
  maxMessageSize?: string;
}

export interface Rsyslog {
  tcpPort: number;
  udpPort: number;
  tlsPort: number;
  relpPort: number;
  dir: string;
  /** The raw messages received so far, in order. */
  lines: () => Promise<string[]>;
  /** SIGTERM, then waits for the process to exit. */
  stop: () => Promise<void>;
  /** Starts it again on the same ports and waits until it listens. */
  start: () => Promise<void>;
  /** Stops it and removes the temp directory. */
  dispose: () => Promise<void>;
}

async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

async function tcpListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function startRsyslog(options: RsyslogOptions = {}): Promise<Rsyslog> {
  const dir = await mkdtemp(join(tmpdir(), 'magpie-rsyslog-'));
  const out = join(dir, 'received.log');
  const stateFile = join(dir, 'operating-state');
  const conf = join(dir, 'rsyslog.conf');
  const pidFile = join(dir, 'rsyslogd.pid');
  const tcpPort = options.tcp ? await freeTcpPort() : 0;
  const tlsPort = options.tls ? await freeTcpPort() : 0;
  const relpPort = options.relp ? await freeTcpPort() : 0;
  const udpPort = options.udp ? await freeUdpPort() : 0;
  const config: string[] = [
    // The operating state file says when inputs are up ("fully started up"), UDP's included.
    `global(workDirectory="${dir}" maxMessageSize="${options.maxMessageSize ?? '64k'}" operatingStateFile="${stateFile}")`,
    `module(load="builtin:omfile")`,
    `template(name="raw" type="string" string="%rawmsg%\\n")`,
  ];
  if (options.tls) {
    config.push(
      `global(defaultNetstreamDriverCAFile="${options.tls.caFile}" defaultNetstreamDriverCertFile="${options.tls.certFile}" defaultNetstreamDriverKeyFile="${options.tls.keyFile}")`,
    );
  }
  if (options.tcp || options.tls) config.push(`module(load="imtcp" maxSessions="100")`);
  if (options.udp) config.push(`module(load="imudp")`);
  if (options.relp) config.push(`module(load="imrelp")`);
  if (options.tcp) config.push(`input(type="imtcp" address="127.0.0.1" port="${String(tcpPort)}" ruleset="received")`);
  if (options.tls) {
    config.push(
      `input(type="imtcp" address="127.0.0.1" port="${String(tlsPort)}" ruleset="received" streamDriver.name="ossl" streamDriver.mode="1" streamDriver.authMode="anon")`,
    );
  }
  if (options.udp) config.push(`input(type="imudp" address="127.0.0.1" port="${String(udpPort)}" ruleset="received")`);
  if (options.relp) config.push(`input(type="imrelp" address="127.0.0.1" port="${String(relpPort)}" ruleset="received")`);
  config.push(
    `ruleset(name="received") { action(type="omfile" file="${out}" template="raw") }`,
  );
  await writeFile(conf, `${config.join('\n')}\n`);

  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  async function start(): Promise<void> {
    const proc = spawn(RSYSLOGD, ['-n', '-f', conf, '-i', pidFile, '-M', MODULE_DIR], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    proc.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child = proc;
    exited = new Promise((resolve) => proc.once('exit', () => resolve()));
    const deadline = Date.now() + 10_000;
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`rsyslogd exited (${String(proc.exitCode)}): ${stderr}`);
      const ready = await Promise.all([
        options.tcp ? tcpListening(tcpPort) : true,
        options.tls ? tcpListening(tlsPort) : true,
        readFile(stateFile, 'utf8').then((text) => text.split('\n').filter((l) => l.includes('fully started up')).length > starts, () => false),
      ]);
      if (ready.every(Boolean)) break;
      if (Date.now() > deadline) throw new Error(`rsyslogd did not start in 10 s: ${stderr}`);
      await delay(25);
    }
    starts += 1;
  }
  let starts = 0;

  async function stop(): Promise<void> {
    const proc = child;
    if (proc === undefined || proc.exitCode !== null) return;
    proc.kill('SIGTERM');
    await exited;
    child = undefined;
  }

  await start();
  return {
    tcpPort,
    udpPort,
    tlsPort,
    relpPort,
    dir,
    async lines() {
      const text = await readFile(out, 'utf8').catch(() => '');
      return text.split('\n').filter((line) => line !== '');
    },
    stop,
    start,
    async dispose() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
