import { describe, expect, it } from 'vitest';
import { Progress } from '../../src/cli/progress.js';

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
