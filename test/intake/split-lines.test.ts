import { setImmediate } from 'node:timers/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectAsyncProperty } from '../support/property.js';
import { isBlankLine, splitLines, type StreamLine } from '../../src/intake/split-lines.js';

/** The parts as a stream that hands out one chunk per turn of the event loop, as a socket or file would. */
async function* chunksOf(...parts: Array<string | Uint8Array>): AsyncGenerator<Uint8Array> {
  for (const part of parts) {
    await setImmediate();
    yield typeof part === 'string' ? Buffer.from(part) : part;
  }
}

/** Each line as `[number, text]`, with `TOO_LARGE` as the text of a line past the limit. */
async function lines(chunks: AsyncIterable<Uint8Array>, max = 100): Promise<Array<[number, string]>> {
  const out: Array<[number, string]> = [];
  for await (const item of splitLines(chunks, max)) out.push([item.line, item.tooLarge ? 'TOO_LARGE' : Buffer.from(item.bytes).toString()]);
  return out;
}

describe('splitLines', () => {
  it('splits on LF, drops the CR of CRLF, numbers lines from 1 and keeps a last line without LF', async () => {
    expect(await lines(chunksOf('a\r\nb\n\nc'))).toEqual([[1, 'a'], [2, 'b'], [3, ''], [4, 'c']]);
    expect(await lines(chunksOf('a\n'))).toEqual([[1, 'a']]);
    expect(await lines(chunksOf(''))).toEqual([]);
  });

  it('reports a line past the limit by its number only, and goes on with the next line', async () => {
    expect(await lines(chunksOf('x'.repeat(40), 'x'.repeat(40), '\n{"ok":1}\n', 'y'.repeat(11)), 10)).toEqual([
      [1, 'TOO_LARGE'],
      [2, '{"ok":1}'],
      [3, 'TOO_LARGE'],
    ]);
    expect(await lines(chunksOf('x'.repeat(10), '\n'), 10)).toEqual([[1, 'x'.repeat(10)]]);
  });

  it('drops the bytes of a long line as they arrive instead of holding them', async () => {
    let handedOut = 0;
    async function* endless(): AsyncGenerator<Uint8Array> {
      // 64 MiB without a newline, then one short line: memory must not follow the long one.
      const chunk = new Uint8Array(1024 * 1024).fill(0x78);
      for (let i = 0; i < 64; i += 1) {
        await setImmediate();
        handedOut += chunk.length;
        yield chunk;
      }
      yield Buffer.from('\n{}\n');
    }
    const before = process.memoryUsage().arrayBuffers;
    const seen: StreamLine[] = [];
    for await (const item of splitLines(endless(), 1024)) seen.push(item);
    expect(handedOut).toBe(64 * 1024 * 1024);
    expect(seen.map((s) => [s.line, s.tooLarge])).toEqual([[1, true], [2, false]]);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 1024 * 1024);
  });

  it('gives the same lines however the stream is cut into chunks', async () => {
    await expectAsyncProperty(
      fc.asyncProperty(fc.array(fc.constantFrom('a', 'b', '\n', '\r'), { maxLength: 60 }), fc.array(fc.nat(60), { maxLength: 8 }), async (chars, cuts) => {
        const text = chars.join('');
        const points = [...new Set(cuts.map((c) => Math.min(c, text.length)))].sort((a, b) => a - b);
        const parts = [0, ...points, text.length].slice(1).map((end, i, all) => text.slice(i === 0 ? 0 : (all[i - 1] ?? 0), end));
        const whole = await lines(chunksOf(text), 5);
        const cut = await lines(chunksOf(...parts), 5);
        return JSON.stringify(whole) === JSON.stringify(cut);
      }),
      { seed: 9 },
    );
  });
});

describe('isBlankLine', () => {
  it('is true for spaces, tabs and CR only', () => {
    expect(isBlankLine(Buffer.from(' \t\r'))).toBe(true);
    expect(isBlankLine(Buffer.from(''))).toBe(true);
    expect(isBlankLine(Buffer.from(' {} '))).toBe(false);
  });
});
