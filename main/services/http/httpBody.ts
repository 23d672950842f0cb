/** Reading a response body under a size cap, and checking what kind of body it is. */
import { HttpError } from './httpError.ts';

/**
 * Reads the (already decompressed) body, cancelling the download as soon as it passes
 * `maxBytes`: a feed that suddenly serves gigabytes must not fill the laptop's memory.
 */
export async function readCapped(body: ReadableStream<Uint8Array> | null, maxBytes: number, url: string): Promise<Uint8Array> {
  if (body === null) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(url, maxBytes);
    }
    chunks.push(value);
  }
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return joined;
}

export function tooLarge(url: string, maxBytes: number): HttpError {
  return new HttpError(
    'too-large',
    url,
    `${url} sent more than ${formatBytes(maxBytes)}, the limit for this download. Check that the URL points at the feed you expect, or raise the connector's size limit.`,
  );
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${String(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MiB`;
  if (bytes >= 1024) return `${String(Math.round((bytes / 1024) * 10) / 10)} KiB`;
  return `${String(bytes)} bytes`;
}

/** `application/json; charset=utf-8` → `application/json`. */
export function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Exact media types, or `type/*` wildcards, as listed by the connector. */
export function acceptsMediaType(accepted: readonly string[], actual: string): boolean {
  return accepted.some((entry) => {
    const wanted = entry.toLowerCase();
    if (wanted === '*/*' || wanted === actual) return true;
    return wanted.endsWith('/*') && actual.startsWith(wanted.slice(0, -1));
  });
}
