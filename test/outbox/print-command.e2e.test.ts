import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PrintManifest } from '../../src/outbox/write-print-batch.js';
import { openStore } from '../../src/store/open-store.js';
import { assertBuildIsCurrent, HCC } from '../support/run-hcc.js';
import { deliverySubmission } from './delivery-test-kit.js';

// `hcc print` (the built dist) over a SQLite store holding approved letters: one batch folder with
// the stored PDFs byte for byte, in order, a manifest that lists each one, and every letter printed.

const run = promisify(execFile);
const NOW = '2026-12-01T15:00:00Z';

beforeAll(() => {
  assertBuildIsCurrent();
});

async function hcc(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [HCC, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('hcc print', () => {
  it('writes the approved letters as one batch: PDFs byte-identical to the stored ones, a manifest, and marks them printed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hcc-print-'));
    const db = join(dir, 'hcc.sqlite');
    const out = join(dir, 'print');
    const store = await openStore({ location: db, now: new Date(NOW) });
    const stored = new Map<string, Buffer>();
    try {
      await store.submitDecision(deliverySubmission('HC-PRINT-001', { emails: 1, letters: 3 }), { now: new Date(NOW), actor: 'intake-test', approval: 'auto' });
      await store.submitDecision(deliverySubmission('HC-PRINT-002', { emails: 0, letters: 2 }), { now: new Date(NOW), actor: 'intake-test', approval: 'auto' });
      // Awaiting approval: not printed.
      await store.submitDecision(deliverySubmission('HC-PRINT-003', { emails: 0, letters: 1 }), { now: new Date(NOW), actor: 'intake-test' });
      for (const id of ['HC-PRINT-001', 'HC-PRINT-002']) {
        for (const item of (await store.status(id)).items.filter((i) => i.channel === 'mail')) stored.set(item.id, Buffer.from((await store.itemContent(item.id)).bytes));
      }
    } finally {
      await store.close();
    }

    const first = await hcc(['print', '--out', out, '--db', db, '--now', NOW]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain('5 letters');
    const batch = join(out, 'batch-20261201T150000Z');
    expect(readdirSync(out)).toEqual(['batch-20261201T150000Z']);
    const manifest = JSON.parse(readFileSync(join(batch, 'batch-manifest.json'), 'utf8')) as PrintManifest;
    expect(manifest).toMatchObject({ batchId: 'batch-20261201T150000Z', createdAt: '2026-12-01T15:00:00.000Z', count: 5 });
    expect(manifest.letters.map((l) => l.file)).toEqual([
      '0001-HC-PRINT-001.r1.02.pdf',
      '0002-HC-PRINT-001.r1.03.pdf',
      '0003-HC-PRINT-001.r1.04.pdf',
      '0004-HC-PRINT-002.r1.01.pdf',
      '0005-HC-PRINT-002.r1.02.pdf',
    ]);
    expect(readdirSync(batch).sort()).toEqual([...manifest.letters.map((l) => l.file), 'batch-manifest.json'].sort());
    for (const letter of manifest.letters) {
      const bytes = readFileSync(join(batch, letter.file));
      expect(Buffer.compare(bytes, stored.get(letter.itemId) ?? Buffer.alloc(0)), letter.file).toBe(0);
      expect(letter.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(letter.addressBlock).toHaveLength(3);
      expect(letter.pageCount).toBeGreaterThanOrEqual(1);
    }
    expect(manifest.letters[0]).toMatchObject({ sequence: 1, decisionId: 'HC-PRINT-001', kind: 'refusal-letter', addressBlock: ['Person 1 Testname', '101 Synthetic Street', 'OTTAWA ON  K1A 0B1'], pageCount: 2 });

    const after = await openStore({ location: db, now: new Date(NOW) });
    try {
      const states = [...stored.keys()].map(async (id) => (await after.status(id.split('.r')[0] ?? '')).items.find((i) => i.id === id)?.state);
      expect(await Promise.all(states)).toEqual(['printed', 'printed', 'printed', 'printed', 'printed']);
      expect((await after.status('HC-PRINT-003')).items.map((i) => i.state)).toEqual(['awaiting-approval']);
      // The email is not the print room's.
      expect((await after.status('HC-PRINT-001')).items[0]?.state).toBe('approved');
    } finally {
      await after.close();
    }

    // Nothing left to print; the same --now again finds the batch folder there and refuses before taking anything.
    const second = await hcc(['print', '--out', out, '--db', db, '--now', '2026-12-01T16:00:00Z']);
    expect(second).toMatchObject({ code: 0 });
    expect(second.stderr).toContain('nothing written');
    const again = await hcc(['print', '--out', out, '--db', db, '--now', NOW]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('PRINT_BATCH_EXISTS');
  });

  it('refuses a command line without --out (exit 2)', async () => {
    const result = await hcc(['print']);
    expect(result.code).toBe(2);
  });
});
