import { HccError } from '../errors.js';

// Messages name ids and codes only: never a password, a token or a key.

/** An account or API key operation that cannot be done as asked. */
export class AccessError extends HccError {
  constructor(code: 'ACCOUNT_EXISTS' | 'ACCOUNT_INPUT_INVALID' | 'API_KEY_NOT_FOUND', detail: string) {
    super(code, `${code}: ${detail}`);
    this.name = 'AccessError';
  }
}
