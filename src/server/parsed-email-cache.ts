import { readEmailParts, type EmailParts } from './email-parts.js';

/**
 * The parsed parts of stored emails, by the SHA-256 of their bytes: stored bytes never change for
 * a hash, so parsing once is enough. Bounded, least recently used first out.
 */
export class ParsedEmailCache {
  private readonly entries = new Map<string, Promise<EmailParts>>();

  constructor(private readonly limit = 200) {}

  /** The parts of the email whose bytes hash to `sha256`; `load` fetches the bytes only on a miss. */
  parts(sha256: string, load: () => Promise<Uint8Array>): Promise<EmailParts> {
    const hit = this.entries.get(sha256);
    if (hit !== undefined) {
      // Re-inserted: a Map keeps insertion order, so the oldest key is the least recently used.
      this.entries.delete(sha256);
      this.entries.set(sha256, hit);
      return hit;
    }
    const parsing = load().then(readEmailParts);
    this.entries.set(sha256, parsing);
    // A failed read is not kept: the next request tries again.
    parsing.catch(() => this.entries.delete(sha256));
    while (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return parsing;
  }

  get size(): number {
    return this.entries.size;
  }
}
