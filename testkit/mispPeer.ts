/**
 * The one way tests reach MISP's own code (misp-stix and PyMISP, ../shared/peers/misp): what
 * MISP makes of a STIX bundle (`stix-to-misp`) and whether PyMISP loads a MISP event with valid
 * type/category pairs and uuids (`check-event`). `setup` runs once per process; where the peer
 * is absent or setup fails, `mispPeerAvailable()` is false and says why on the console, so the
 * tests that need it are skipped visibly instead of failing or passing silently.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { hasPeer, peerPath, peersSkipReason } from './peers.ts';

const run = promisify(execFile);

export const MISP = 'misp';
const SETUP_MS = 120_000;
const CONVERT_MS = 120_000;
const MAX_BUFFER = 64 * 1024 * 1024;

/**
 * misp-stix's own limits, listed in the peer's README: no mapping for custom SCO types such as
 * `cryptocurrency-wallet`, and a crash on an `autonomous-system` an indicator points to (it
 * passes a tuple as `to_ids`). Errors matching these are reported apart, not as failures.
 */
const KNOWN_LIMITS: readonly RegExp[] = [/cryptocurrency-wallet/i, /autonomous-system|to_ids|tuple/i];

export interface StixToMispResult {
  /** The MISP event misp-stix wrote (PyMISP's JSON; `{"Event": …}` or the bare event). */
  event: Record<string, unknown>;
  /** misp-stix errors not explained by its documented limits: a test expects none. */
  errors: string[];
  /** misp-stix errors that are its documented limits (see KNOWN_LIMITS). */
  knownLimits: string[];
  /** misp-stix warnings, for a test to print when something differs. */
  warnings: string[];
}

export interface CheckEventResult {
  attributes: number;
  objects: number;
  invalid: string[];
  without_uuid: number;
}

let setupResult: Promise<string | undefined> | undefined;

/** Runs the peer's `setup` once per process; resolves to why the peer cannot be used, if so. */
export function mispPeerSetup(): Promise<string | undefined> {
  setupResult ??= (async () => {
    if (!hasPeer(MISP, 'setup')) return `MISP peer missing at ${peerPath(MISP)}. ${peersSkipReason}`;
    try {
      await run(peerPath(MISP, 'setup'), [], { timeout: SETUP_MS, maxBuffer: MAX_BUFFER });
      return undefined;
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr ?? String(error);
      return `MISP peer setup failed (${peerPath(MISP, 'setup')}): ${stderr.trim()}`;
    }
  })();
  return setupResult;
}

/** True when the MISP peer can run here; prints a visible note naming why it cannot. */
export async function mispPeerAvailable(): Promise<boolean> {
  const reason = await mispPeerSetup();
  if (reason === undefined) return true;
  console.warn(`[peers] skipping MISP peer tests: ${reason}`);
  return false;
}

async function withTempFile<T>(name: string, text: string, use: (path: string) => Promise<T>): Promise<T> {
  const folder = await mkdtemp(join(tmpdir(), 'magpie-misp-peer-'));
  try {
    const path = join(folder, name);
    await writeFile(path, text);
    return await use(path);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

interface ExecOutcome {
  stdout: string;
  stderr: string;
  code: number;
}

async function execScript(script: string, path: string): Promise<ExecOutcome> {
  const reason = await mispPeerSetup();
  if (reason !== undefined) throw new Error(reason);
  try {
    const { stdout, stderr } = await run(peerPath(MISP, script), [path], { timeout: CONVERT_MS, maxBuffer: MAX_BUFFER });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; code?: number | string; killed?: boolean };
    if (failure.killed === true) throw new Error(`MISP peer ${script} did not finish within ${String(CONVERT_MS / 1000)} s`, { cause: error });
    if (typeof failure.code !== 'number') throw error;
    return { stdout: failure.stdout ?? '', stderr: failure.stderr ?? '', code: failure.code };
  }
}

function parseObject(text: string, what: string): Record<string, unknown> {
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${what} did not print a JSON object: ${text.slice(0, 200)}`);
  return value as Record<string, unknown>;
}

/** What MISP makes of a STIX bundle: misp-stix's event, its errors (known limits apart) and warnings. */
export async function stixToMisp(bundleJson: string): Promise<StixToMispResult> {
  return withTempFile('bundle.json', bundleJson, async (path) => {
    const { stdout, stderr, code } = await execScript('stix-to-misp', path);
    const lines = stderr.split('\n').map((line) => line.trim()).filter((line) => line !== '');
    const failures = lines.filter((line) => !line.startsWith('warning:'));
    const warnings = lines.filter((line) => line.startsWith('warning:'));
    const knownLimits = failures.filter((line) => KNOWN_LIMITS.some((limit) => limit.test(line)));
    const errors = failures.filter((line) => !knownLimits.includes(line));
    if (stdout.trim() === '') {
      if (code === 2) throw new Error(`stix-to-misp usage error: ${stderr}`);
      return { event: {}, errors: errors.length > 0 ? errors : [`stix-to-misp printed no event (exit ${String(code)})`], knownLimits, warnings };
    }
    return { event: parseObject(stdout, 'stix-to-misp'), errors, knownLimits, warnings };
  });
}

/** Whether PyMISP loads a MISP event: counts, invalid type/category pairs, attributes without uuid. */
export async function checkEvent(eventJson: string): Promise<CheckEventResult> {
  return withTempFile('event.json', eventJson, async (path) => {
    const { stdout, stderr, code } = await execScript('check-event', path);
    const line = stdout.trim().split('\n').pop() ?? '';
    if (line === '') throw new Error(`check-event printed nothing (exit ${String(code)}): ${stderr}`);
    const parsed = parseObject(line, 'check-event');
    if (typeof parsed['error'] === 'string') throw new Error(`PyMISP refused the event: ${parsed['error']}`);
    return {
      attributes: Number(parsed['attributes']),
      objects: Number(parsed['objects']),
      invalid: Array.isArray(parsed['invalid']) ? parsed['invalid'].map(String) : [],
      without_uuid: Number(parsed['without_uuid']),
    };
  });
}
