/**
 * Malpedia's API (https://malpedia.caad.fkie.fraunhofer.de/usage/api) under the configured
 * URL: `get/version`, `check/apikey`, `get/families`, `list/actors`, `get/actor/<id>`,
 * `get/yara/<family>`, `list/samples/<family>`. With a key every request carries
 * `Authorization: apitoken <key>`; without one no Authorization header is sent at all.
 * Every answer is parsed with its schema; one that does not fit stops the run.
 */
import type { z } from 'zod';
import { HttpError } from '../../services/http/httpError.ts';
import type { HttpClient, HttpRequestOptions, RunLogger } from '../types.ts';
import { MalpediaError } from './errors.ts';
import { ActorIds, KeyCheck, MalpediaActor, MalpediaFamilies, MalpediaSamples, MalpediaVersion, MalpediaYara } from './schema.ts';

/** `get/families` is ~10 MB today; the cap only stops a wrong URL from filling memory. */
const MAX_BYTES = 128 * 1024 * 1024;
/**
 * Malpedia rate-limits its API and answers 429 with `{"available_in": "N seconds"}` but no
 * Retry-After, so the HTTP client's short backoff may not be enough: wait about a minute
 * (as OpenCTI's connector does), a few times, before giving up.
 */
const RATE_LIMIT_WAIT_MS = 65_000;
const RATE_LIMIT_TRIES = 3;

export interface MalpediaApiOptions {
  apiKey: string | undefined;
  log: RunLogger;
  /** Waits out a rate limit; rejects when the run is cancelled. */
  sleep: (ms: number) => Promise<void>;
}

export class MalpediaApi {
  readonly #http: HttpClient;
  readonly #root: string;
  readonly #auth: HttpRequestOptions['auth'];
  readonly #options: MalpediaApiOptions;

  constructor(http: HttpClient, baseUrl: string, options: MalpediaApiOptions) {
    this.#http = http;
    this.#root = `${baseUrl.replace(/\/+$/, '')}/api/`;
    this.#options = options;
    const { apiKey } = options;
    this.#auth = apiKey === undefined || apiKey === '' ? undefined : { type: 'header', name: 'Authorization', value: `apitoken ${apiKey}` };
  }

  async #download(url: string, path: string): Promise<unknown> {
    const request = { accept: ['application/json'], maxBytes: MAX_BYTES, ...(this.#auth === undefined ? {} : { auth: this.#auth }) };
    for (let attempt = 1; ; attempt += 1) {
      try {
        return (await this.#http.get(url, request)).json();
      } catch (error: unknown) {
        if (!(error instanceof HttpError && error.status === 429) || attempt >= RATE_LIMIT_TRIES) throw error;
        this.#options.log.info(`Malpedia asks to slow down (HTTP 429 for ${path}); waiting ${String(RATE_LIMIT_WAIT_MS / 1000)} s before asking again.`);
        await this.#options.sleep(RATE_LIMIT_WAIT_MS);
      }
    }
  }

  get keyed(): boolean {
    return this.#auth !== undefined;
  }

  /** The parsed answer, or `undefined` when Malpedia answers 404 and `missing` allows it. */
  async #get<Schema extends z.ZodType>(path: string, schema: Schema, missing: 'fail' | 'none' = 'fail'): Promise<z.infer<Schema> | undefined> {
    let body: unknown;
    try {
      body = await this.#download(`${this.#root}${path}`, path);
    } catch (error: unknown) {
      if (error instanceof HttpError && error.code === 'status' && error.status === 404 && missing === 'none') return undefined;
      if (error instanceof HttpError && error.code === 'status' && (error.status === 401 || error.status === 403) && this.keyed) {
        throw new MalpediaError('key-refused', `Malpedia refused the API key (HTTP ${String(error.status)} for ${path}). Check the key on your Malpedia profile page, or clear it to import the public library only.`);
      }
      throw error;
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue === undefined ? '' : ` (at ${issue.path.map(String).join('.') || 'the top'}: ${issue.message})`;
      throw new MalpediaError('bad-answer', `Malpedia answered ${path} with something that is not its documented format${where}; nothing was imported. Check the Malpedia URL in the connector settings.`);
    }
    return parsed.data;
  }

  async #must<Schema extends z.ZodType>(path: string, schema: Schema): Promise<z.infer<Schema>> {
    const value = await this.#get(path, schema);
    if (value === undefined) throw new Error(`unreachable: ${path} gave nothing`);
    return value;
  }

  version(): Promise<MalpediaVersion> {
    return this.#must('get/version', MalpediaVersion);
  }

  /** Throws MalpediaError('key-refused') unless Malpedia calls the key valid. */
  async checkKey(): Promise<void> {
    const answer = await this.#must('check/apikey', KeyCheck);
    if (!/valid token/i.test(answer.detail) || /invalid/i.test(answer.detail)) {
      throw new MalpediaError('key-refused', `Malpedia did not accept the API key ("${answer.detail}"). Check the key on your Malpedia profile page, or clear it to import the public library only.`);
    }
  }

  families(): Promise<z.infer<typeof MalpediaFamilies>> {
    return this.#must('get/families', MalpediaFamilies);
  }

  actorIds(): Promise<string[]> {
    return this.#must('list/actors', ActorIds);
  }

  /** `undefined` when Malpedia has no such actor (404 "No Actor matches the given query."). */
  actor(id: string): Promise<MalpediaActor | undefined> {
    return this.#get(`get/actor/${encodeURIComponent(id)}`, MalpediaActor, 'none');
  }

  async yara(family: string): Promise<MalpediaYara> {
    return (await this.#get(`get/yara/${encodeURIComponent(family)}`, MalpediaYara, 'none')) ?? {};
  }

  async samples(family: string): Promise<MalpediaSamples> {
    return (await this.#get(`list/samples/${encodeURIComponent(family)}`, MalpediaSamples, 'none')) ?? [];
  }
}

/** Malpedia's actor id for an attribution name, as its URLs spell it: `APT 28` → `apt_28`. */
export function actorIdOf(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, '_');
}
