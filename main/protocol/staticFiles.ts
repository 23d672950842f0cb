/**
 * Serves the built renderer from a folder, for main's `app://` scheme and for the test
 * harness's loopback server alike: same files, same content types, same security headers.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { rendererSecurityHeaders } from '../../core/security/contentSecurityPolicy.ts';

export interface StaticResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.map': 'application/json; charset=utf-8',
};

function textResponse(status: number, message: string): StaticResponse {
  return {
    status,
    headers: { ...rendererSecurityHeaders, 'Content-Type': 'text/plain; charset=utf-8' },
    body: new TextEncoder().encode(message),
  };
}

/**
 * Maps a request path (`/index.html`, `/assets/app.js`) to a file under `root`. Anything
 * that would leave `root` after decoding is refused rather than normalised.
 */
export function resolveStaticPath(root: string, requestPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const absoluteRoot = resolve(root);
  const target = resolve(absoluteRoot, relative);
  return target.startsWith(absoluteRoot + sep) ? target : null;
}

export function createStaticFileServer(root: string): (requestPath: string) => Promise<StaticResponse> {
  return async (requestPath) => {
    const file = resolveStaticPath(root, requestPath);
    if (file === null) return textResponse(403, 'Forbidden');
    try {
      const info = await stat(file);
      if (!info.isFile()) return textResponse(404, 'Not found');
      const body = await readFile(file);
      const contentType = contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
      return { status: 200, headers: { ...rendererSecurityHeaders, 'Content-Type': contentType }, body };
    } catch {
      return textResponse(404, 'Not found');
    }
  };
}
