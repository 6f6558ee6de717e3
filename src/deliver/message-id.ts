import { createHash } from 'node:crypto';

/** Hex digits of a Message-ID hash: enough to tell messages apart in logs and file names, nothing to read back. */
const HASH_LENGTH = 16;

/** The Message-ID in its `<local@domain>` form, whitespace and brackets normalised, so both sides hash the same text. */
function normaliseMessageId(messageId: string): string {
  return `<${messageId.trim().replace(/^<|>$/g, '')}>`;
}

/**
 * The first 16 hex digits of the SHA-256 of a Message-ID (normalised to `<local@domain>`): what logs,
 * file names and outcomes carry instead of the id, which names the decision.
 */
export function hashMessageId(messageId: string): string {
  return createHash('sha256').update(normaliseMessageId(messageId)).digest('hex').slice(0, HASH_LENGTH);
}

const CR = 0x0d;
const LF = 0x0a;

/** Where the header section ends: the index of the empty line's CRLF (or LF), or the whole buffer. */
function headerEnd(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i += 1) {
    if (bytes[i] !== LF) continue;
    if (bytes[i + 1] === LF) return i + 1;
    if (bytes[i + 1] === CR && bytes[i + 2] === LF) return i + 1;
  }
  return bytes.length;
}

/**
 * The value of the message's `Message-ID` header, unfolded and trimmed, or `undefined` when the
 * header section has none. Reads the header section only (up to the first empty line).
 */
export function readMessageIdHeader(bytes: Uint8Array): string | undefined {
  const headers = Buffer.from(bytes.buffer, bytes.byteOffset, headerEnd(bytes)).toString('latin1');
  const unfolded = headers.replace(/\r?\n[ \t]+/g, ' ');
  const match = /^message-id[ \t]*:(.*)$/im.exec(unfolded);
  const value = match?.[1]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** Whether two Message-IDs are the same id once brackets and whitespace are normalised. */
export function sameMessageId(a: string, b: string): boolean {
  return normaliseMessageId(a) === normaliseMessageId(b);
}
