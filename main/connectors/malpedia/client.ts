/**
 * Malpedia's API (https://malpedia.caad.fkie.fraunhofer.de/usage/api) under the configured
 * URL: `get/version`, `check/apikey`, `get/families`, `list/actors`, `get/actor/<id>`,
 * `get/yara/<family>`, `list/samples/<family>`. With a key every request carries
 * `Authorization: apitoken <key>`; without one no Authorization header is sent at all.
 * Every answer is parsed with its schema; one that does not fit stops the run.
 */
import type { z } from 'zod';
import { HttpError } from '../httpError.ts';
import type { HttpClient, HttpRequestOptions } from '../types.ts';
import { MalpediaError } from './errors.ts';
import { ActorIds, KeyCheck, MalpediaActor, MalpediaFamilies, MalpediaSamples, MalpediaVersion, MalpediaYara } from './schema.ts';

/** `get/families` is ~10 MB today; the cap only stops a wrong URL from filling memory. */
const MAX_BYTES = 128 * 1024 * 1024;

export class MalpediaApi {
  readonly #http: HttpClient;
  readonly #root: string;
  readonly #auth: HttpRequestOptions['auth'];

  constructor(http: HttpClient, baseUrl: string, apiKey: string | undefined) {
    this.#http = http;
    this.#root = `${baseUrl.replace(/\/+$/, '')}/api/`;
    this.#auth = apiKey === undefined || apiKey === '' ? undefined : { type: 'header', name: 'Authorization', value: `apitoken ${apiKey}` };
  }

  get keyed(): boolean {
    return this.#auth !== undefined;
  }

  /** The parsed answer, or `undefined` when Malpedia answers 404 and `missing` allows it. */
  async #get<Schema extends z.ZodType>(path: string, schema: Schema, missing: 'fail' | 'none' = 'fail'): Promise<z.infer<Schema> | undefined> {
    const url = `${this.#root}${path}`;
    let body: unknown;
    try {
      const response = await this.#http.get(url, { accept: ['application/json'], maxBytes: MAX_BYTES, ...(this.#auth === undefined ? {} : { auth: this.#auth }) });
      body = response.json();
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
