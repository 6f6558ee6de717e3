/** A growable buffer of bytes for content streams: ASCII operators and binary strings. */
export class ByteBuffer {
  private buffer: Uint8Array;
  private size = 0;

  constructor(capacity = 1024) {
    this.buffer = new Uint8Array(capacity);
  }

  get length(): number {
    return this.size;
  }

  /** The last byte written, or -1. */
  get lastByte(): number {
    return this.size === 0 ? -1 : (this.buffer[this.size - 1] ?? -1);
  }

  private reserve(more: number): void {
    const needed = this.size + more;
    if (needed <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(needed, this.buffer.length * 2));
    grown.set(this.buffer.subarray(0, this.size));
    this.buffer = grown;
  }

  /** Writes `text`, whose characters must all be below U+0100, one byte each. */
  text(text: string): this {
    this.reserve(text.length);
    for (let index = 0; index < text.length; index += 1) this.buffer[this.size + index] = text.charCodeAt(index);
    this.size += text.length;
    return this;
  }

  byte(value: number): this {
    this.reserve(1);
    this.buffer[this.size] = value;
    this.size += 1;
    return this;
  }

  bytes(bytes: Uint8Array): this {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.size);
    this.size += bytes.length;
    return this;
  }

  /** A copy of what was written. */
  toBytes(): Uint8Array {
    return this.buffer.slice(0, this.size);
  }
}
