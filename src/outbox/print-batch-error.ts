import { HccError } from '../errors.js';

/** A print batch cannot be written: the folder exists, cannot be written, or the bytes changed while writing. */
export class PrintBatchError extends HccError {
  constructor(code: 'PRINT_BATCH_EXISTS' | 'PRINT_OUT_UNWRITABLE' | 'PRINT_BYTES_CHANGED', detail: string, options?: { cause: unknown }) {
    super(code, `${code}: ${detail}`, options);
    this.name = 'PrintBatchError';
  }
}
