import { HccError } from '../../src/errors.js';
import { parseDecision } from '../../src/decision/parse-decision.js';
import { RENDERER } from './render-kit.js';

/** What became of a record: refused by validation (with its codes), rendered, or accepted and then not rendered. */
export type Outcome =
  | { readonly kind: 'invalid'; readonly issues: readonly string[] }
  | { readonly kind: 'rendered' }
  | { readonly kind: 'render-failed'; readonly code: string; readonly message: string };


/** Validates `input` and, when it is valid, renders every document and email of it with the fixtures' configuration. */
export async function validateAndRender(input: unknown): Promise<Outcome> {
  const parsed = parseDecision(input);
  if (!parsed.ok) return { kind: 'invalid', issues: parsed.issues.map((i) => `${i.path} ${i.code}`) };
  try {
    await RENDERER.render(parsed.record);
    return { kind: 'rendered' };
  } catch (error) {
    return { kind: 'render-failed', code: error instanceof HccError ? error.code : 'INTERNAL', message: String(error instanceof Error ? error.message : error).slice(0, 300) };
  }
}
