import { join } from 'node:path';
import { createTemplateEngine } from '../../src/compose/template-engine.js';
import { HccError } from '../../src/errors.js';
import { parseDecision } from '../../src/decision/parse-decision.js';
import { packageRoot } from '../../src/package-root.js';
import { renderDecision } from '../../src/render/render-decision.js';
import { FIXTURE_EMAIL_CONFIG } from './email-config.js';

/** What became of a record: refused by validation (with its codes), rendered, or accepted and then not rendered. */
export type Outcome =
  | { readonly kind: 'invalid'; readonly issues: readonly string[] }
  | { readonly kind: 'rendered' }
  | { readonly kind: 'render-failed'; readonly code: string; readonly message: string };

const deps = { engine: createTemplateEngine(join(packageRoot(), 'templates')), email: FIXTURE_EMAIL_CONFIG };

/** Validates `input` and, when it is valid, renders every document and email of it with the fixtures' configuration. */
export async function validateAndRender(input: unknown): Promise<Outcome> {
  const parsed = parseDecision(input);
  if (!parsed.ok) return { kind: 'invalid', issues: parsed.issues.map((i) => `${i.path} ${i.code}`) };
  try {
    await renderDecision(parsed.record, deps);
    return { kind: 'rendered' };
  } catch (error) {
    return { kind: 'render-failed', code: error instanceof HccError ? error.code : 'INTERNAL', message: String(error instanceof Error ? error.message : error).slice(0, 300) };
  }
}
