/** The CLI's streams and exit code, injected so the commands run in tests without a process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** All of stdin, read only when a command asks for it. */
  readStdin: () => Promise<Uint8Array>;
}

/** A usage error: the caller prints the message and the command's usage and exits 2. */
export class UsageError extends Error {
  readonly usage: string;
  constructor(message: string, usage: string) {
    super(message);
    this.name = 'UsageError';
    this.usage = usage;
  }
}
