/**
 * The shape of every error Magpie raises on purpose: a `code` the caller can branch on (or
 * send across a worker boundary) and a message that tells the analyst what to do.
 */
export class CodedError<Code extends string> extends Error {
  readonly code: Code;

  constructor(name: string, code: Code, message: string) {
    super(message);
    this.name = name;
    this.code = code;
  }
}
