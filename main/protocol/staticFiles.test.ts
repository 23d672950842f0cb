import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../core/security/contentSecurityPolicy.ts';
import { createStaticFileServer, resolveStaticPath } from './staticFiles.ts';

async function site() {
  const parent = await mkdtemp(join(tmpdir(), 'magpie-static-'));
  const root = join(parent, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Magpie</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(parent, 'secret.txt'), 'outside the renderer');
  return { root, serve: createStaticFileServer(root) };
}

describe('static file server (app:// and the harness)', () => {
  it('serves the entry page with the CSP and nosniff headers', async () => {
    const { serve } = await site();
    const response = await serve('/index.html');
    expect(response.status).toBe(200);
    expect(response.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(response.headers['Content-Security-Policy']).toBe(contentSecurityPolicy);
    expect(response.headers['X-Content-Type-Options']).toBe('nosniff');
  });

  it('serves scripts as JavaScript and / as the entry page', async () => {
    const { serve } = await site();
    expect((await serve('/assets/app.js')).headers['Content-Type']).toMatch(/^text\/javascript/);
    expect(new TextDecoder().decode((await serve('/')).body)).toContain('<title>Magpie</title>');
  });

  it('never serves a file outside the renderer folder', async () => {
    const { serve, root } = await site();
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2E%2E/%2E%2E/secret.txt', '/..%2fsecret.txt', '/%00index.html', '/%E0%A4%A']) {
      const response = await serve(path);
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(new TextDecoder().decode(response.body)).not.toContain('outside the renderer');
    }
    expect(resolveStaticPath(root, '/../secret.txt')).toBeNull();
  });

  it('answers 404 with the same security headers for a missing file', async () => {
    const { serve } = await site();
    const response = await serve('/missing.js');
    expect(response.status).toBe(404);
    expect(response.headers['Content-Security-Policy']).toBe(contentSecurityPolicy);
  });
});

describe('Content-Security-Policy', () => {
  it('allows no inline script, no eval and no remote code', () => {
    const scriptSrc = /script-src ([^;]*)/.exec(contentSecurityPolicy)?.[1] ?? '';
    expect(scriptSrc.trim()).toBe("'self'");
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy).toMatch(/default-src 'none'/);
    expect(contentSecurityPolicy).toMatch(/object-src 'none'/);
    expect(contentSecurityPolicy).toMatch(/frame-ancestors 'none'/);
    expect(contentSecurityPolicy).not.toMatch(/https?:/);
  });
});
