/**
 * Downloads one ATT&CK domain's bundle. GitHub's raw host serves JSON as text/plain, so
 * both are accepted; the 46 MB Enterprise bundle is well under the cap, which stops a
 * wrong URL from filling memory.
 */
import type { HttpClient } from '../types.ts';

const MAX_BYTES = 200 * 1024 * 1024;
const TIMEOUT_MS = 5 * 60_000;

export type BundleDownload = { notModified: true } | { notModified: false; text: string };

export async function downloadBundle(http: HttpClient, url: string, conditional: boolean): Promise<BundleDownload> {
  const response = await http.get(url, { conditional, accept: ['application/json', 'text/plain'], maxBytes: MAX_BYTES, timeoutMs: TIMEOUT_MS });
  return response.notModified ? { notModified: true } : { notModified: false, text: response.text() };
}
