import { Readable } from 'node:stream';
import { setImmediate } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INPUT_LIMITS } from '../../src/intake/input-limits.js';
import { readNdjsonStream, readRecordStream } from '../../src/intake/read-record-stream.js';

const limits = { ...DEFAULT_INPUT_LIMITS, maxBytes: 64 };

describe('readRecordStream (a request body)', () => {
  it('reads one record from a body in any number of chunks', async () => {
    await expect(readRecordStream(Readable.from([Buffer.from('{"a":'), Buffer.from('[1,2]}')]), limits)).resolves.toEqual({ a: [1, 2] });
  });

  it('stops reading as soon as the body passes the limit', async () => {
    let pulled = 0;
    async function* endless(): AsyncGenerator<Uint8Array> {
      for (;;) {
        await setImmediate();
        pulled += 1;
        yield Buffer.from('x'.repeat(50));
      }
    }
    await expect(readRecordStream(endless(), limits)).rejects.toMatchObject({ code: 'INPUT_TOO_LARGE', detail: { limit: 64 } });
    expect(pulled).toBe(2);
  });

  it('refuses a body that is not UTF-8 or has a duplicate key', async () => {
    await expect(readRecordStream(Readable.from([Buffer.from([0x7b, 0xff, 0x7d])]), limits)).rejects.toMatchObject({ code: 'INPUT_NOT_UTF8', detail: { offset: 1 } });
    await expect(readRecordStream(Readable.from([Buffer.from('{"a":1,"a":1}')]), limits)).rejects.toMatchObject({ code: 'JSON_DUPLICATE_KEY' });
  });
});

describe('readNdjsonStream', () => {
  it('yields each line as soon as it is complete, numbered, with bad lines as errors', async () => {
    const body = Readable.from([Buffer.from('{"a":1}\n{"b"'), Buffer.from(':2}\n\n[]\n'), Buffer.from(`${'x'.repeat(100)}\n{"c":3}`)]);
    const out = [];
    for await (const item of readNdjsonStream(body, limits)) out.push(item.ok ? [item.line, item.value] : [item.line, item.error.code]);
    expect(out).toEqual([
      [1, { a: 1 }],
      [2, { b: 2 }],
      [4, 'INPUT_NOT_OBJECT'],
      [5, 'INPUT_TOO_LARGE'],
      [6, { c: 3 }],
    ]);
  });

  it('takes a CRLF line of exactly the limit', async () => {
    const record = `{"p":"${'x'.repeat(limits.maxBytes - 8)}"}`;
    expect(Buffer.byteLength(record)).toBe(limits.maxBytes);
    const out = [];
    for await (const item of readNdjsonStream(Readable.from([Buffer.from(`${record}\r\n`)]), limits)) out.push(item.ok);
    expect(out).toEqual([true]);
  });
});
