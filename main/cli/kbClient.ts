/**
 * The `magpie kb` commands' way to the running app (issue 18, point 3): the profile's
 * api.json names the local API's URL and token. Every failure says what to do: start
 * `magpie serve`, or read the new token.
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { API_FILE_NAME, ApiFile } from '../../core/localApi/protocol.ts';

/** The profile the CLI talks to: --profile, else MAGPIE_PROFILE, else the harness's default. */
export function profileDir(option: string | undefined): string {
  return resolve(option ?? process.env['MAGPIE_PROFILE'] ?? join(homedir(), '.magpie-harness'));
}

export class KbClientError extends Error {
  override name = 'KbClientError';
}

export interface KbClient {
  get(path: string): Promise<unknown>;
  post(path: string, body: string, contentType: string): Promise<unknown>;
}

export async function connectKb(profile: string): Promise<KbClient> {
  const path = join(profile, API_FILE_NAME);
  const text = await readFile(path, 'utf8').catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new KbClientError(`No Magpie is serving the profile ${profile} (there is no ${path}). Start one with: magpie serve --profile ${profile}`);
    throw new KbClientError(`Could not read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  });
  let parsed: ApiFile;
  try {
    parsed = ApiFile.parse(JSON.parse(text));
  } catch {
    throw new KbClientError(`${path} is not a local API file Magpie wrote. Start Magpie again with: magpie serve --profile ${profile}`);
  }
  const base = new URL(parsed.url);
  // The token goes to loopback only, whatever the file says.
  if (base.hostname !== '127.0.0.1' || base.protocol !== 'http:') throw new KbClientError(`${path} names ${base.origin}; the local API is only ever on http://127.0.0.1. Start Magpie again with: magpie serve --profile ${profile}`);
  const call = async (relative: string, init: RequestInit): Promise<unknown> => {
    let response: Response;
    try {
      response = await fetch(new URL(relative, base), { ...init, headers: { ...(init.headers as Record<string, string> | undefined), authorization: `Bearer ${parsed.token}` } });
    } catch {
      throw new KbClientError(`Magpie is not answering at ${base.href} (${path} is left from a run that ended?). Start it again with: magpie serve --profile ${profile}`);
    }
    const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
    if (response.status === 401) throw new KbClientError(`The running Magpie refused the token in ${path}. Is another Magpie serving this profile? Restart it with: magpie serve --profile ${profile}`);
    if (!response.ok) throw new KbClientError(typeof body?.error === 'string' ? body.error : `The local API answered ${response.status}.`);
    return body;
  };
  return {
    get: (relative) => call(relative, { method: 'GET' }),
    post: (relative, body, contentType) => call(relative, { method: 'POST', body, headers: { 'content-type': contentType } }),
  };
}
