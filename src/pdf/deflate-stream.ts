import { deflateSync } from 'node:zlib';
import { PDFStream } from 'pdf-lib';
import type { PDFContext, PDFDict, PDFObject, PDFRef } from 'pdf-lib';
import { pdfDict, pdfName, pdfNumber } from './pdf-values.js';

// Level 3: within 2% of level 6's size on font programs, in 60% of the time.
const LEVEL = 3;

const compressedOnce = new WeakMap<Uint8Array, Uint8Array>();

/** Entries of a stream dictionary besides /Filter and /Length. */
export type StreamEntries = Readonly<Record<string, number | PDFObject>>;

// A window no larger than the input and a hash table to match: the same deflate data (only the
// zlib header's window size differs), but no quarter megabyte allocated and cleared for a 1 KB CMap.
export function compress(bytes: Uint8Array): Uint8Array {
  const windowBits = Math.min(15, Math.max(9, Math.ceil(Math.log2(bytes.length + 262))));
  return deflateSync(bytes, { level: LEVEL, windowBits, memLevel: Math.min(8, Math.max(1, windowBits - 6)) });
}

/**
 * Registers a Flate-compressed stream of `contents` and returns its reference. Node's zlib is
 * several times faster than pdf-lib's pure-JS deflate and gives the same bytes for the same
 * input on a given Node release. Compression runs on the calling thread: for streams this size
 * a trip to libuv's thread pool costs the main thread about as much as compressing them.
 */
export function addDeflatedStream(context: PDFContext, contents: string | Uint8Array, extra: StreamEntries = {}): PDFRef {
  // CMaps are ASCII.
  const bytes = typeof contents === 'string' ? Buffer.from(contents, 'latin1') : contents;
  return register(context, compress(bytes), extra);
}

/** Registers a stream of bytes already deflated by `compress`. */
export function addCompressedStream(context: PDFContext, compressed: Uint8Array, extra: StreamEntries = {}): PDFRef {
  return register(context, compressed, extra);
}

/** As `addDeflatedStream`, for bytes that never change in a process (compressed once). */
export function addConstantDeflatedStream(context: PDFContext, contents: Uint8Array, extra: StreamEntries = {}): PDFRef {
  let compressed = compressedOnce.get(contents);
  if (compressed === undefined) {
    compressed = compress(contents);
    compressedOnce.set(contents, compressed);
  }
  return register(context, compressed, extra);
}

const STREAM = new TextEncoder().encode('\nstream\n');
const END_STREAM = new TextEncoder().encode('\nendstream');

/**
 * A stream whose dictionary already holds its /Length and whose bytes are copied out in one go
 * (pdf-lib's streams set /Length again, number formatting and all, each time they are measured
 * and written, and copy their contents a byte at a time). Written as pdf-lib writes streams.
 */
class DeflatedStream extends PDFStream {
  constructor(
    dict: PDFDict,
    private readonly contents: Uint8Array,
  ) {
    super(dict);
  }

  // Never changed once made, so a clone can be the stream itself.
  override clone(): this {
    return this;
  }

  override getContents(): Uint8Array {
    return this.contents;
  }

  override getContentsSize(): number {
    return this.contents.length;
  }

  override getContentsString(): string {
    return Buffer.from(this.contents).toString('latin1');
  }

  override updateDict(): void {
    // The dictionary was made with the right /Length.
  }

  override sizeInBytes(): number {
    return this.dict.sizeInBytes() + STREAM.length + this.contents.length + END_STREAM.length;
  }

  override copyBytesInto(buffer: Uint8Array, offset: number): number {
    let at = offset + this.dict.copyBytesInto(buffer, offset);
    for (const part of [STREAM, this.contents, END_STREAM]) {
      buffer.set(part, at);
      at += part.length;
    }
    return at - offset;
  }
}

function register(context: PDFContext, compressed: Uint8Array, extra: StreamEntries): PDFRef {
  const dict = pdfDict(context, { Filter: pdfName('FlateDecode'), Length: pdfNumber(compressed.length) });
  for (const [key, value] of Object.entries(extra)) dict.set(pdfName(key), typeof value === 'number' ? pdfNumber(value) : value);
  return context.register(new DeflatedStream(dict, compressed));
}
