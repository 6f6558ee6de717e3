import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertDecision } from '../../src/decision/parse-decision.js';
import { createRenderPool } from '../../src/render/render-pool.js';
import type { RenderOutcome } from '../../src/render/render-messages.js';
import { FIXTURE_EMAIL_CONFIG } from '../support/email-config.js';
import { loadFixtures } from '../support/fixtures.js';
import { RENDERER } from '../support/render-kit.js';

const records = loadFixtures('decisions').map((f) => assertDecision(f.record));

/** Every file of every outcome, as `decision/path sha256`, in the order the records were given. */
function hashes(outcomes: readonly RenderOutcome[]): string[] {
  return outcomes.flatMap((o) => (o.ok ? o.rendered.files.map((f) => `${o.rendered.decisionId}/${f.path} ${f.sha256}`) : [`failed ${o.code}`]));
}

describe('the render pool', () => {
  it('gives the same files, bytes and manifests with one worker, with three, and in this thread', { timeout: 600_000 }, async () => {
    const here = await Promise.all(records.map(async (r) => ({ ok: true as const, rendered: await RENDERER.render(r) })));
    const runs: RenderOutcome[][] = [];
    for (const workers of [1, 3]) {
      const pool = createRenderPool({ config: FIXTURE_EMAIL_CONFIG, workers, batchSize: 3 });
      expect(pool.size).toBe(workers);
      runs.push(await Promise.all(records.map((r) => pool.render(r))));
      await pool.close();
    }
    const [one = [], three = []] = runs;
    expect(hashes(one)).toEqual(hashes(here));
    expect(hashes(three)).toEqual(hashes(here));
    expect(three.map((o) => (o.ok ? o.rendered.manifest : o))).toEqual(here.map((o) => o.rendered.manifest));
    expect(hashes(here).length).toBeGreaterThan(200);
  });

  it('writes decision folders on its workers: the same bytes, and only the counts come back', { timeout: 300_000 }, async () => {
    const out = mkdtempSync(join(tmpdir(), 'hcc-pool-out-'));
    try {
      const some = records.slice(0, 6);
      const pool = createRenderPool({ config: FIXTURE_EMAIL_CONFIG, workers: 2, batchSize: 2 });
      // Jobs that write and jobs that return their bytes travel in the same batches.
      const [written, returned] = await Promise.all([Promise.all(some.map((r) => pool.renderToFolder(r, out))), Promise.all(some.map((r) => pool.render(r)))]);
      await pool.close();
      for (const [i, outcome] of written.entries()) {
        const here = returned[i];
        if (!outcome.ok || !here?.ok) throw new Error(`record ${String(i)} failed`);
        expect(outcome).not.toHaveProperty('rendered');
        const { rendered } = here;
        expect(outcome.written).toEqual({
          decisionId: rendered.decisionId,
          folder: join(out, rendered.decisionId),
          pdfs: rendered.files.filter((f) => f.mediaType === 'application/pdf').length,
          emails: rendered.files.filter((f) => f.kind === 'email').length,
          followUps: rendered.manifest.followUps.length,
        });
        expect(readdirSync(outcome.written.folder).sort()).toEqual([...rendered.files.map((f) => f.path), 'manifest.json'].sort());
        for (const file of rendered.files) expect(readFileSync(join(outcome.written.folder, file.path)).equals(Buffer.from(file.bytes))).toBe(true);
        expect(JSON.parse(readFileSync(join(outcome.written.folder, 'manifest.json'), 'utf8'))).toEqual(rendered.manifest);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('says OUTPUT_WRITE_FAILED with the errno code when a worker cannot write a folder', { timeout: 120_000 }, async () => {
    const out = mkdtempSync(join(tmpdir(), 'hcc-pool-out-'));
    try {
      const [first] = records;
      if (!first) throw new Error('fixtures missing');
      // A folder under a file: the decision renders, and its folder cannot be made.
      const file = join(out, 'a-file');
      writeFileSync(file, '');
      const pool = createRenderPool({ config: FIXTURE_EMAIL_CONFIG, workers: 1 });
      expect(await pool.renderToFolder(first, join(file, 'below'))).toEqual({ ok: false, code: 'OUTPUT_WRITE_FAILED', detail: { reason: 'ENOTDIR' } });
      await pool.close();
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('reports the record that crashes its worker with WORKER_CRASHED and renders the others', { timeout: 300_000 }, async () => {
    const [first, second, third] = records;
    if (!first || !second || !third) throw new Error('fixtures missing');
    const crashing = { ...second, decisionId: 'CRASH-ME' };
    const pool = createRenderPool({ config: FIXTURE_EMAIL_CONFIG, workers: 1, batchSize: 4, workerModule: new URL('./crashing-worker.ts', import.meta.url) });
    const outcomes = await Promise.all([first, crashing, third, first].map((r) => pool.render(r)));
    await pool.close();
    expect(outcomes.map((o) => (o.ok ? o.rendered.decisionId : o.code))).toEqual([first.decisionId, 'WORKER_CRASHED', third.decisionId, first.decisionId]);
  });

  it('fails what it was given, rather than restart forever, when a worker cannot start', async () => {
    const pool = createRenderPool({ config: FIXTURE_EMAIL_CONFIG, workers: 1, workerModule: new URL('./missing-worker.js', import.meta.url) });
    const [first] = records;
    if (!first) throw new Error('fixtures missing');
    expect(await pool.render(first)).toEqual({ ok: false, code: 'WORKER_START_FAILED' });
    expect(await pool.render(first)).toEqual({ ok: false, code: 'WORKER_START_FAILED' });
    await pool.close();
  });
});
