/**
 * Which route requests take: the proxy the analyst configured, else the one the system
 * names in HTTPS_PROXY / HTTP_PROXY (NO_PROXY excluded), else direct. Corporate laptops
 * often only reach the internet through such a proxy.
 */
import { EnvHttpProxyAgent, ProxyAgent, type Dispatcher } from 'undici';

export type ProxyEnvironment = Readonly<Record<string, string | undefined>>;

function fromEnv(env: ProxyEnvironment, name: string): string {
  return env[name.toLowerCase()] ?? env[name] ?? '';
}

/** A proxy URL check that names the setting to fix. */
export function checkProxyUrl(proxy: string): string | null {
  try {
    const { protocol } = new URL(proxy);
    return protocol === 'http:' || protocol === 'https:' ? null : `The proxy ${proxy} must be an http:// or https:// URL.`;
  } catch {
    return `The proxy setting "${proxy}" is not a URL; write it as http://host:port.`;
  }
}

export function createProxyDispatcher(proxy: string | undefined, env: ProxyEnvironment): Dispatcher {
  if (proxy !== undefined && proxy !== '') {
    const problem = checkProxyUrl(proxy);
    if (problem !== null) throw new Error(problem);
    return new ProxyAgent(proxy);
  }
  // Empty strings stop undici from reading process.env itself, so tests and the CLI can inject theirs.
  return new EnvHttpProxyAgent({
    httpProxy: fromEnv(env, 'HTTP_PROXY'),
    httpsProxy: fromEnv(env, 'HTTPS_PROXY') || fromEnv(env, 'HTTP_PROXY'),
    noProxy: fromEnv(env, 'NO_PROXY'),
  });
}

/** The proxy a URL would go through, for messages ("via proxy http://…"); null when direct. */
export function describeProxy(proxy: string | undefined, env: ProxyEnvironment, url: string): string | null {
  if (proxy !== undefined && proxy !== '') return proxy;
  const https = url.startsWith('https:');
  const chosen = https ? fromEnv(env, 'HTTPS_PROXY') || fromEnv(env, 'HTTP_PROXY') : fromEnv(env, 'HTTP_PROXY');
  return chosen === '' ? null : chosen;
}
