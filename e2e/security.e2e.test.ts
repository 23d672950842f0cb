/**
 * The Content-Security-Policy as the renderer really gets it: data that reaches the DOM
 * cannot run script, and eval and remote code are refused.
 */
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../core/security/contentSecurityPolicy.ts';
import { MagpieApp } from './support/magpieApp.ts';
import { useChromium } from './support/useChromium.ts';

const chromium = useChromium();

/** Collects CSP violations in the page, so a test can show what was blocked and why. */
async function watchViolations(app: MagpieApp): Promise<void> {
  await app.page.evaluate(() => {
    const seen: string[] = [];
    Object.assign(window, { __violations: seen });
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI}`));
  });
}

const violations = (app: MagpieApp) =>
  app.page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

describe('Content-Security-Policy in the renderer', () => {
  it('is sent with the page exactly as defined in core/security', async () => {
    const app = await MagpieApp.open(chromium.browser);
    try {
      const response = await app.page.request.get(app.harness.url);
      expect(response.headers()['content-security-policy']).toBe(contentSecurityPolicy);
    } finally {
      await app.close();
    }
  });

  it('does not run script elements or event handlers injected from data', async () => {
    const app = await MagpieApp.open(chromium.browser);
    try {
      await watchViolations(app);
      // What a hostile STIX description or report title would try once it reaches the DOM.
      const hostile = '<img src="x" onerror="window.__pwned = \'onerror\'"><svg onload="window.__pwned = \'svg\'"></svg>';
      await app.page.evaluate((html) => {
        const holder = document.createElement('div');
        holder.innerHTML = html;
        document.body.append(holder);
        const script = document.createElement('script');
        script.textContent = "window.__pwned = 'script'";
        document.body.append(script);
        const link = document.createElement('a');
        link.href = "javascript:window.__pwned = 'link'";
        document.body.append(link);
        link.click();
      }, hostile);
      await app.page.waitForFunction(() => (window as unknown as { __violations: string[] }).__violations.length >= 2);
      expect(await app.page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
      expect((await violations(app)).every((entry) => entry.startsWith('script-src'))).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('refuses code built from strings (eval-style timers) at run time', async () => {
    const app = await MagpieApp.open(chromium.browser);
    try {
      await watchViolations(app);
      // DevTools-evaluated code is exempt from CSP, so the string is compiled later by the page itself.
      await app.page.evaluate(() => {
        const timer = setTimeout as unknown as (code: string, delay: number) => number;
        timer("window.__pwned = 'timer'", 0);
      });
      await app.page.waitForFunction(() => (window as unknown as { __violations: string[] }).__violations.length >= 1);
      expect(await violations(app)).toEqual(['script-src eval']);
      expect(await app.page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    } finally {
      await app.close();
    }
  });

  it('refuses scripts from another origin before any request is made', async () => {
    const app = await MagpieApp.open(chromium.browser);
    try {
      await watchViolations(app);
      const delivered: string[] = [];
      const failed: string[] = [];
      app.page.on('requestfinished', (request) => delivered.push(request.url()));
      app.page.on('requestfailed', (request) => failed.push(`${request.url()} ${request.failure()?.errorText ?? ''}`));
      await app.page.evaluate(() => {
        const script = document.createElement('script');
        script.src = 'https://cdn.example.invalid/payload.js';
        document.head.append(script);
      });
      await app.page.waitForFunction(() => (window as unknown as { __violations: string[] }).__violations.length >= 1);
      expect(await violations(app)).toContain('script-src-elem https://cdn.example.invalid/payload.js');
      await expect.poll(() => failed).toEqual([expect.stringMatching(/^https:\/\/cdn\.example\.invalid\/payload\.js .*csp/i)]);
      expect(delivered.filter((url) => !url.startsWith(app.harness.origin))).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
