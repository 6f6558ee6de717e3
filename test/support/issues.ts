import { parseDecision } from '../../src/decision/parse-decision.js';

/** The `path code` pairs a record fails with, or [] when it is valid. */
export function issuesOf(input: unknown): string[] {
  const result = parseDecision(input);
  return result.ok ? [] : result.issues.map((i) => `${i.path} ${i.code}`);
}
