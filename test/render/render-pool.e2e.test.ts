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
