// The word shape cache was bounded by its number of entries only: 8,000 long texts held
// hundreds of thousands of glyphs. It is bounded by the code units it holds too.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const execFileAsync = promisify(execFile);
const child = fileURLToPath(new URL('./shape-cache-child.ts', import.meta.url));

describe('the shape cache', () => {
  it('stays small when it sees thousands of distinct long texts', async () => {
    // Bounded by entries only, 6,000 texts of 250 glyphs need about 100 MB of heap.
    const { stdout } = await execFileAsync(process.execPath, ['--max-old-space-size=64', '--import', 'tsx', child, '6000']);
    expect(stdout).toBe('done');
  }, 240_000);
});
