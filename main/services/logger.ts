/** A run's logger: timestamped entries with every known secret value masked. */
import { redactSecrets } from './redact.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** What a connector run, an enrichment lookup or the HTTP client writes its log lines to. */
export interface RunLogger {
  debug: (message: string) => void;
  info: (message: string) => void;
  warn: (message: string) => void;
  error: (message: string) => void;
}

/** For callers that keep no log (one delivery attempt, a benchmark). */
export const silentLogger: RunLogger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

export interface LogEntry {
  at: string;
  level: LogLevel;
  message: string;
}

export interface CollectingLogger {
  logger: RunLogger;
  entries: LogEntry[];
}

export function createCollectingLogger(options: { secrets?: readonly string[]; now?: () => Date; onEntry?: (entry: LogEntry) => void } = {}): CollectingLogger {
  const entries: LogEntry[] = [];
  const secrets = options.secrets ?? [];
  const now = options.now ?? (() => new Date());
  const write = (level: LogLevel) => (message: string) => {
    const entry = { at: now().toISOString(), level, message: redactSecrets(message, secrets) };
    entries.push(entry);
    options.onEntry?.(entry);
  };
  return { logger: { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') }, entries };
}
