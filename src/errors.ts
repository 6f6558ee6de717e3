/**
 * The one base class of every error this project throws on purpose. `code` is stable and is
 * what callers and tests match on; the message is for people and may change.
 */
export class HccError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = 'HccError';
  }
}
