/** A run's logger: timestamped entries with every known secret value masked. */
import type { LogLevel, RunLogger } from '../types.ts';
import { redactSecrets } from './redact.ts';

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
