import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OutputError } from '../../src/output/output-error.js';
import { prepareOutputFolder, removeLeftovers, writeDecisionFolder } from '../../src/output/write-decision-folder.js';

const made: string[] = [];
const work = () => {
  const dir = mkdtempSync(join(tmpdir(), 'hcc-output-'));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const rendered = (id: string, names: string[]) => ({
  decisionId: id,
  files: names.map((path) => ({ path, kind: 'file-update' as const, language: 'en', recipient: 'file' as const, mediaType: 'text/plain', bytes: new TextEncoder().encode(path), sha256: '' })),
  manifest: { decisionId: id, files: [], followUps: [], notes: [] },
});

describe('writeDecisionFolder', () => {
  it('replaces a previous folder whole: no file of the old run survives', () => {
    const out = work();
    writeDecisionFolder(out, rendered('D-1', ['a.txt', 'b.txt']));
    writeDecisionFolder(out, rendered('D-1', ['c.txt']));
    expect(readdirSync(join(out, 'D-1')).sort()).toEqual(['c.txt', 'manifest.json']);
    expect(readdirSync(out)).toEqual(['D-1']);
  });

  it('leaves the previous folder untouched when writing the new one fails, and says OUTPUT_WRITE_FAILED', () => {
    const out = work();
    writeDecisionFolder(out, rendered('D-2', ['a.txt']));
    // A file name that cannot be written (a folder is in the way) makes the staging write fail.
    const failure = () => writeDecisionFolder(out, rendered('D-2', ['sub/x.txt']));
    expect(failure).toThrow(OutputError);
    expect(failure).toThrow(expect.objectContaining({ code: 'OUTPUT_WRITE_FAILED', detail: { reason: 'ENOENT' } }));
    expect(readdirSync(join(out, 'D-2')).sort()).toEqual(['a.txt', 'manifest.json']);
    expect(readdirSync(out)).toEqual(['D-2']);
  });

  it('creates the output folder and its missing parents', () => {
    const out = join(work(), 'a', 'b');
    writeDecisionFolder(out, rendered('D-3', ['a.txt']));
    expect(readdirSync(join(out, 'D-3')).sort()).toEqual(['a.txt', 'manifest.json']);
  });
});

describe('prepareOutputFolder', () => {
  it('creates a missing folder and clears leftovers of an interrupted run, never a finished folder', async () => {
    const out = join(work(), 'new', 'out');
    await prepareOutputFolder(out);
    expect(readdirSync(out)).toEqual([]);
    mkdirSync(join(out, '.staging-D-1-abc'));
    mkdirSync(join(out, '.retired-D-1-42'));
    mkdirSync(join(out, 'D-1'));
    await prepareOutputFolder(out);
    expect(readdirSync(out)).toEqual(['D-1']);
  });

  it.each<[string, () => string, string]>([
    ['a file', () => { const f = join(work(), 'f'); writeFileSync(f, ''); return f; }, 'ENOTDIR'],
    ['a path under /dev/null', () => '/dev/null/out', 'ENOTDIR'],
    ['a path under /proc (where Node\'s recursive mkdir never returns)', () => '/proc/hcc-out/x', 'ENOENT'],
  ])('refuses %s with OUTPUT_UNWRITABLE and the errno code', async (_name, path, reason) => {
    await expect(prepareOutputFolder(path())).rejects.toMatchObject({ code: 'OUTPUT_UNWRITABLE', detail: { reason } });
  });

  it.skipIf(process.getuid?.() === 0)('refuses a folder without write permission', async () => {
    const out = work();
    chmodSync(out, 0o500);
    await expect(prepareOutputFolder(out)).rejects.toMatchObject({ code: 'OUTPUT_UNWRITABLE', detail: { reason: 'EACCES' } });
    chmodSync(out, 0o700);
  });
});

describe('removeLeftovers', () => {
  it('does nothing when the folder does not exist', async () => {
    const out = join(work(), 'missing');
    await removeLeftovers(out);
    expect(existsSync(out)).toBe(false);
  });
});
