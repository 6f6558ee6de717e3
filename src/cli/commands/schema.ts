import { decisionJsonSchema } from '../../decision/json-schema.js';
import type { CliIo } from '../cli-io.js';

/** `hcc schema`: the JSON Schema of the decision record on stdout. */
export function runSchema(io: CliIo): number {
  io.stdout.write(`${JSON.stringify(decisionJsonSchema(), null, 2)}\n`);
  return 0;
}
