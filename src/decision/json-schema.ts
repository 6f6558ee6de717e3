import { z } from 'zod';
import { decisionSchema } from './decision-schema.js';

/**
 * The JSON Schema (draft 2020-12) of the decision record, generated from the zod schema so the
 * two cannot drift. It checks structure only: cross-field rules are this project's to check.
 */
export function decisionJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(decisionSchema, { target: 'draft-2020-12', io: 'input' });
  return {
    ...schema,
    $id: 'urn:hc-correspondence:decision-record:1',
    title: 'H&C Stage 1 decision record, schemaVersion 1',
    description:
      'Structure of a decision record accepted by hc-correspondence. Cross-field rules (dates in order, TRP conditions, departure) are checked by `hcc validate`.',
  };
}
