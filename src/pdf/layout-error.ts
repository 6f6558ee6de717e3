import { HccError } from '../errors.js';

/** A part of the document model that cannot be laid out (e.g. a table row taller than a page). */
export class LayoutError extends HccError {
  readonly where: string;

  constructor(where: string, reason: string) {
    super('PDF_LAYOUT_IMPOSSIBLE', `${where}: ${reason}`);
    this.name = 'LayoutError';
    this.where = where;
  }
}
