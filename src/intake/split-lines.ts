/** One line of a stream: its bytes without the line end, or only its number when it was too long. */
export type StreamLine =
  | { readonly line: number; readonly tooLarge: false; readonly bytes: Uint8Array }
  | { readonly line: number; readonly tooLarge: true };

const LF = 0x0a;
const CR = 0x0d;

/** A line of nothing but spaces, tabs or CR: it separates records and is skipped. */
export function isBlankLine(bytes: Uint8Array): boolean {
  return bytes.every((b) => b === 0x20 || b === 0x09 || b === CR);
}

/**
 * Splits a byte stream into lines ending in LF (CRLF's CR is dropped), numbered from 1. A line
 * longer than `maxLineBytes` is never held: once past the limit its bytes are dropped as they
 * arrive until the next LF, and it comes out as `{ tooLarge: true }`. Memory stays at one line
 * of at most `maxLineBytes` plus one chunk of the stream, however long the lines.
 */
export async function* splitLines(chunks: AsyncIterable<Uint8Array>, maxLineBytes: number): AsyncGenerator<StreamLine> {
  let line = 1;
  let parts: Uint8Array[] = [];
  let size = 0;
  let tooLarge = false;
  const finish = (): StreamLine => {
    let result: StreamLine;
    if (tooLarge) result = { line, tooLarge: true };
    else {
      const joined = Buffer.concat(parts, size);
      result = { line, tooLarge: false, bytes: joined.at(-1) === CR ? joined.subarray(0, -1) : joined };
    }
    line += 1;
    parts = [];
    size = 0;
    tooLarge = false;
    return result;
  };
  for await (const chunk of chunks) {
    let start = 0;
    while (start <= chunk.length) {
      const newline = chunk.indexOf(LF, start);
      const end = newline === -1 ? chunk.length : newline;
      if (!tooLarge && end > start) {
        if (size + (end - start) > maxLineBytes) {
          tooLarge = true;
          parts = [];
          size = 0;
        } else {
          // Copied: a stream may reuse the memory of a chunk it has handed out.
          parts.push(new Uint8Array(chunk.subarray(start, end)));
          size += end - start;
        }
      }
      if (newline === -1) break;
      yield finish();
      start = newline + 1;
    }
  }
  if (size > 0 || tooLarge) yield finish();
}
