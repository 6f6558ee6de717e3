import { deflateSync } from 'node:zlib';
import { PDFName, PDFRawStream } from 'pdf-lib';
import type { PDFContext, PDFRef } from 'pdf-lib';

// Level 3: within 2% of level 6's size on font programs, in 60% of the time.
const LEVEL = 3;

const compressedOnce = new WeakMap<Uint8Array, Uint8Array>();

// A window no larger than the input and a hash table to match: the same bytes out, but zlib no
// longer allocates and clears a quarter of a megabyte for a one-kilobyte CMap.
function compress(bytes: Uint8Array): Uint8Array {
  const windowBits = Math.min(15, Math.max(9, Math.ceil(Math.log2(bytes.length + 262))));
  return deflateSync(bytes, { level: LEVEL, windowBits, memLevel: Math.min(8, Math.max(1, windowBits - 6)) });
}

/**
 * Registers a Flate-compressed stream of `contents` and returns its reference. Node's zlib is
 * several times faster than pdf-lib's pure-JS deflate and gives the same bytes for the same
 * input on a given Node release. Compression runs on the calling thread: for streams this size
 * a trip to libuv's thread pool costs the main thread about as much as compressing them.
 */
export function addDeflatedStream(context: PDFContext, contents: string | Uint8Array, extra: Readonly<Record<string, number>> = {}): PDFRef {
  // CMaps are ASCII.
  const bytes = typeof contents === 'string' ? Buffer.from(contents, 'latin1') : contents;
  return register(context, compress(bytes), extra);
}

/** As `addDeflatedStream`, for bytes that never change in a process (compressed once). */
export function addConstantDeflatedStream(context: PDFContext, contents: Uint8Array, extra: Readonly<Record<string, number>> = {}): PDFRef {
  let compressed = compressedOnce.get(contents);
  if (compressed === undefined) {
    compressed = compress(contents);
    compressedOnce.set(contents, compressed);
  }
  return register(context, compressed, extra);
}

function register(context: PDFContext, compressed: Uint8Array, extra: Readonly<Record<string, number>>): PDFRef {
  const dict = context.obj({ Filter: 'FlateDecode', Length: compressed.length });
  for (const [key, value] of Object.entries(extra)) dict.set(PDFName.of(key), context.obj(value));
  return context.register(PDFRawStream.of(dict, compressed));
}
