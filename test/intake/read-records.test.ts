import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INPUT_LIMITS } from '../../src/intake/input-limits.js';
import { countRecords, readRecords, type RecordInput } from '../../src/intake/read-records.js';
import { readRegularFile } from '../../src/intake/read-regular-file.js';

const work = () => mkdtempSync(join(tmpdir(), 'hcc-read-'));

function fifo(path: string): string {
  execFileSync('mkfifo', [path]);
  return path;
}

async function all(paths: string[], limits = DEFAULT_INPUT_LIMITS): Promise<RecordInput[]> {
  const out: RecordInput[] = [];
  for await (const input of readRecords(paths, limits)) out.push(input);
  return out;
}

/** Each entry as `[line, code or 'ok']`, the way the tests read best. */
const outcomes = (inputs: RecordInput[]) => inputs.map((i) => [i.source.line, i.ok ? 'ok' : i.error.code]);

describe('readRecords: only regular files', () => {
  it('refuses a FIFO given as a path without blocking on it', async () => {
    const path = fifo(join(work(), 'queue.json'));
    const [input] = await all([path]);
    expect(input).toMatchObject({ ok: false, error: { code: 'INPUT_NOT_REGULAR_FILE', detail: { kind: 'fifo' } } });
  });

  it('refuses a FIFO found in a directory, and reads the files beside it', async () => {
    const dir = work();
    fifo(join(dir, 'a.ndjson'));
    writeFileSync(join(dir, 'b.json'), '{"x":1}');
    expect((await all([dir])).map((i) => [i.source.file.slice(dir.length + 1), i.ok ? 'ok' : i.error.code])).toEqual([
      ['a.ndjson', 'INPUT_NOT_REGULAR_FILE'],
      ['b.json', 'ok'],
    ]);
  });

  it.each([
    ['a symlink to /dev/zero', '/dev/zero', 'characterDevice'],
    ['a symlink to /dev/null', '/dev/null', 'characterDevice'],
  ])('refuses %s without reading it', async (_name, target, kind) => {
    const link = join(work(), 'zero.json');
    symlinkSync(target, link);
    const [input] = await all([link]);
    expect(input).toMatchObject({ ok: false, error: { code: 'INPUT_NOT_REGULAR_FILE', detail: { kind } } });
  });

  it('refuses a socket and a directory named like a record', async () => {
    const dir = work();
    const socket = join(dir, 'a.json');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      mkdirSync(join(dir, 'b.json'));
      expect((await all([dir])).map((i) => (i.ok ? 'ok' : [i.error.code, i.error.detail.kind]))).toEqual([
        ['INPUT_NOT_REGULAR_FILE', 'socket'],
        ['INPUT_NOT_REGULAR_FILE', 'directory'],
      ]);
    } finally {
      server.close();
    }
  });

  it('follows a symlink to a regular file', async () => {
    const dir = work();
    writeFileSync(join(dir, 'real.json'), '{"a":1}');
    symlinkSync(join(dir, 'real.json'), join(dir, 'link.json'));
    expect(await all([join(dir, 'link.json')])).toMatchObject([{ ok: true, value: { a: 1 } }]);
  });
});

describe('readRegularFile', () => {
  it('reads at most one byte past the limit, whatever the size the file reports', async () => {
    const path = join(work(), 'big.json');
    writeFileSync(path, 'x'.repeat(101));
    await expect(readRegularFile(path, 100)).rejects.toMatchObject({ code: 'INPUT_TOO_LARGE', detail: { limit: 100 } });
    expect((await readRegularFile(path, 101)).length).toBe(101);
  });

  it('reads a file whose size the system reports as 0 (as /proc does), within the limit', async () => {
    await expect(readRegularFile('/proc/self/status', 16)).rejects.toMatchObject({ code: 'INPUT_TOO_LARGE' });
    expect((await readRegularFile('/proc/self/status', 1024 * 1024)).length).toBeGreaterThan(16);
  });

  it('says INPUT_UNREADABLE with the errno code for a missing file', async () => {
    await expect(readRegularFile(join(work(), 'missing.json'), 10)).rejects.toMatchObject({ code: 'INPUT_UNREADABLE', detail: { reason: 'ENOENT' } });
  });
});

describe('readRecords: newline-delimited files', () => {
  it('handles every line on its own: no broken line stops the lines after it', async () => {
    const path = join(work(), 'batch.ndjson');
    const limits = { ...DEFAULT_INPUT_LIMITS, maxBytes: 200 };
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from(`${'['.repeat(100)}\n`),
        Buffer.from('{"a":1}\n'),
        Buffer.from(`{"pad":"${'x'.repeat(500)}"}\n`),
        Buffer.from('not json\n'),
        Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d, 0x0a]),
        Buffer.from('{"k":1,"k":2}\r\n'),
        Buffer.from('   \n'),
        Buffer.from('{"b":2}'),
      ]),
    );
    expect(outcomes(await all([path], limits))).toEqual([
      [1, 'INPUT_TOO_DEEP'],
      [2, 'ok'],
      [3, 'INPUT_TOO_LARGE'],
      [4, 'INPUT_NOT_JSON'],
      [5, 'INPUT_NOT_UTF8'],
      [6, 'JSON_DUPLICATE_KEY'],
      [8, 'ok'],
    ]);
  });

  it('refuses a FIFO named .ndjson without blocking', async () => {
    const [input] = await all([fifo(join(work(), 'lines.ndjson'))]);
    expect(input).toMatchObject({ ok: false, error: { code: 'INPUT_NOT_REGULAR_FILE' } });
  });

  it('says INPUT_EMPTY for a file of blank lines', async () => {
    const path = join(work(), 'blank.jsonl');
    writeFileSync(path, '\n \n\t\r\n');
    expect(outcomes(await all([path]))).toEqual([[undefined, 'INPUT_EMPTY']]);
  });
});

describe('countRecords', () => {
  it('counts plain files and the non-blank lines of newline-delimited ones', async () => {
    const dir = work();
    writeFileSync(join(dir, 'a.json'), '{}');
    writeFileSync(join(dir, 'b.ndjson'), '{}\n\n{}\n{}\n');
    expect(await countRecords([dir, join(dir, 'missing.json')])).toBe(5);
  });

  it('counts a FIFO as the one error entry it becomes, without blocking', async () => {
    const dir = work();
    fifo(join(dir, 'a.ndjson'));
    expect(await countRecords([dir])).toBe(1);
  });
});
