import type mjml2html from 'mjml';
import { describe, expect, it, vi } from 'vitest';
import { fileURLToPath } from 'node:url';
import { compileEmailTemplates } from '../../src/email/email-templates.js';
import { composeEmailsOf } from './email-test-kit.js';

// Counts MJML runs: this file has its own module graph, so the spy sees every compile of this process.
const calls = vi.hoisted(() => ({ count: 0 }));
vi.mock('mjml', async (importOriginal) => {
  // The types say `export =`; the ESM namespace of this CommonJS module carries it as `default`.
  const real = (await importOriginal<{ default: typeof mjml2html }>()).default;
  return {
    default: (...args: Parameters<typeof real>) => {
      calls.count += 1;
      return real(...args);
    },
  };
});

describe('MJML compile cost', () => {
  it('runs MJML once per template when templates are compiled, never per record or language', async () => {
    const before = calls.count;
    await compileEmailTemplates(fileURLToPath(new URL('../../templates/email/', import.meta.url)));
    expect(calls.count - before).toBe(2);
    const compiled = calls.count;
    for (const name of ['refused-bilingual-en-first', 'refused-exclusion-order-fr', 'refused-trp-with-removal-order-en', 'approved-quebec-csq-request-en']) {
      expect((await composeEmailsOf(name)).length).toBeGreaterThan(0);
    }
    expect(calls.count).toBe(compiled);
  });
});
