/**
 * The renderer's Content-Security-Policy, defined once. main's `app://` protocol handler
 * and the Chromium test harness both send it as a response header, so what the tests
 * prove is what the packaged app enforces.
 *
 * - No inline or remote script and no `eval`: data that reaches the DOM can never run.
 * - Styles allow inline because Mantine sets CSS variables and React sets `style`
 *   attributes; style injection cannot run code.
 * - Images and fonts may come from `data:`/`blob:` URLs (graph PNG export, icons).
 * - Workers come from the app's own origin only (knowledge-base and PDF workers).
 * - Nothing can frame the app, post forms or change the base URL.
 */
const directives: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'child-src': ["'none'"],
  'media-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

export const contentSecurityPolicy: string = Object.entries(directives)
  .map(([name, sources]) => `${name} ${sources.join(' ')}`)
  .join('; ');

/** Headers sent with every file of the renderer, whatever serves it. */
export const rendererSecurityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // Cross-origin isolation gives workers precise timers and keeps other origins out.
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), bluetooth=()',
};
