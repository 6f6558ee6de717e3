// Issue 8: a 50,000-character word ran the typesetter out of memory (15,000 already did under
// hcc's heap ceiling): Intl.Segmenter copied the whole word into each of its clusters, and the
// word was shaped and cached whole before being broken into one piece per character.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { extractBodyText, run, scratchDir, unbreakableRun, withoutSpaces } from './pdf-test-kit.js';

const execFileAsync = promisify(execFile);
const child = fileURLToPath(new URL('./long-run-child.ts', import.meta.url));
const dir = scratchDir();

// hcc runs Node with this old-space ceiling (see src/cli/main.ts); the run must fit under it.
const HEAP_CEILING_MB = 192;

const CASES = [15_000, 50_000, 1_000_000].flatMap((length) => (['ascii', 'mixed'] as const).map((kind) => ({ length, kind })));

describe.each(CASES)('an unbreakable run of $length characters ($kind)', ({ length, kind }) => {
  it('is broken by character into a valid PDF that shows every character in order', async () => {
    const pdfPath = join(dir, `run-${String(length)}-${kind}.pdf`);
    await execFileAsync(process.execPath, [`--max-old-space-size=${String(HEAP_CEILING_MB)}`, '--import', 'tsx', child, String(length), kind, pdfPath]);
    expect(run('qpdf', ['--check', pdfPath])).toContain('No syntax or stream encoding errors found');
    const regular = unbreakableRun(Math.min(1000, Math.floor(length / 2)), kind);
    const expected = `Before${regular}${unbreakableRun(length - regular.length, kind)}after.`.normalize('NFC');
    const text = withoutSpaces(extractBodyText(pdfPath)).normalize('NFC');
    expect(text.length).toBeGreaterThanOrEqual(expected.length);
    expect(text.includes(expected)).toBe(true);
  }, 240_000);
});
