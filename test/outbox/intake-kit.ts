import { readFileSync } from 'node:fs';
import { parseDecision } from '../../src/decision/parse-decision.js';
import type { DecisionRecord } from '../../src/decision/decision-schema.js';
import { writeDecisionFolder } from '../../src/output/write-decision-folder.js';
import { writtenDecision } from '../../src/render/render-messages.js';
import type { RenderPool } from '../../src/render/render-pool.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { FIXTURES } from '../support/fixtures.js';
import { RENDERER } from '../support/render-kit.js';

export const NOW = new Date('2026-12-01T15:00:00.000Z');

/** A fixture record as received (JSON) and validated. */
export function fixtureRecord(name: string): { received: Record<string, unknown>; record: DecisionRecord } {
  const received = JSON.parse(readFileSync(`${FIXTURES}decisions/${name}.json`, 'utf8')) as Record<string, unknown>;
  return { received, record: validated(received) };
}

/** Validates a record a test built; throws when it is not valid (the test is then wrong). */
export function validated(received: unknown): DecisionRecord {
  const result = parseDecision(received);
  if (!result.ok) throw new Error(`test record invalid: ${result.issues.map((i) => `${i.path} ${i.code}`).join(', ')}`);
  return result.record;
}

export function memoryStore(): Promise<Store> {
  return openStore({ location: ':memory:', now: NOW });
}

/** A pool's interface over the in-process renderer: the batch's logic without worker threads. */
export function inProcessPool(): RenderPool {
  return {
    size: 1,
    async render(record) {
      try {
        return { ok: true, rendered: await RENDERER.render(record) };
      } catch {
        return { ok: false, code: 'EMAIL_RENDER_FAILED' };
      }
    },
    async renderToFolder(record, outDir) {
      try {
        const rendered = await RENDERER.render(record);
        return { ok: true, written: writtenDecision(rendered, writeDecisionFolder(outDir, rendered)) };
      } catch {
        return { ok: false, code: 'EMAIL_RENDER_FAILED' };
      }
    },
    close: () => Promise.resolve(),
  };
}
