import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Progress } from '../../src/cli/progress.js';
import { countRecords } from '../../src/cli/read-records.js';

function terminal(isTTY: boolean) {
  let clock = 0;
  const out: string[] = [];
  return {
    io: { stdout: { write: () => true }, stderr: { write: (t: string) => out.push(t), isTTY }, now: () => clock },
    out,
    advance: (ms: number) => (clock += ms),
  };
}

describe('Progress', () => {
  it('draws a bar with the count and the rate on a terminal', () => {
    const t = terminal(true);
    const progress = new Progress(t.io, 'render', 4);
    t.advance(1000);
    progress.tick();
    t.advance(1000);
    progress.tick();
    progress.done();
    expect(t.out.at(0)).toBe('\r\x1b[Krender: [######------------------] 1/4 records, 1/s');
    expect(t.out.at(-2)).toBe('\r\x1b[Krender: [############------------] 2/4 records, 1/s');
    expect(t.out.at(-1)).toBe('\n');
  });

  it('writes nothing when stderr is not a terminal', () => {
    const t = terminal(false);
    const progress = new Progress(t.io, 'render', 2);
    progress.tick();
    progress.done();
    expect(t.out).toEqual([]);
  });
});

describe('countRecords', () => {
  it('counts plain files and the non-blank lines of newline-delimited ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hcc-count-'));
    writeFileSync(join(dir, 'a.json'), '{}');
    writeFileSync(join(dir, 'b.ndjson'), '{}\n\n{}\n{}\n');
    expect(await countRecords([dir, join(dir, 'missing.json')])).toBe(5);
  });
});
