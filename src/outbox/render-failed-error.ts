import { HccError, HCC_ERROR_CODES, type HccErrorCode } from '../errors.js';

function knownCode(code: string): HccErrorCode {
  return Object.hasOwn(HCC_ERROR_CODES, code) ? (code as HccErrorCode) : 'INTERNAL';
}

/** A record the render pool could not render: the pool's code (and an unknown CBSA office's name, which is not personal). */
export class RenderFailedError extends HccError {
  readonly office: string | undefined;

  constructor(decisionId: string, code: string, office?: string) {
    const known = knownCode(code);
    super(known, `${decisionId}: ${known}: could not be rendered`);
    this.name = 'RenderFailedError';
    this.office = office;
  }
}
