import { parseArgs } from 'node:util';
import { HccError } from '../../errors.js';
import { createJsonLinesLog } from '../../outbox/delivery-log.js';
import { writePrintBatch } from '../../outbox/write-print-batch.js';
import { openStore } from '../../store/open-store.js';
import type { CliIo } from '../cli-io.js';
import type { CliCommand } from '../cli-command.js';
import { parseNow, wholeNumberOption } from '../command-options.js';
import { storeLocation } from '../store-location.js';
import { UsageError } from '../usage-error.js';
import { processWorkerId } from '../worker-id.js';
import { escapeForTerminal } from '../../text/escape-for-terminal.js';

const USAGE = `  hcc print --out DIR [--now ISO] [--db PATH] [--limit N]
                                                   the approved letters as one print batch DIR/batch-<time>/:
                                                   the PDFs in order and batch-manifest.json; marks them printed
`;

/** A letter taken and not marked printed is taken again by a later run after this. */
const PRINT_LEASE_MS = 15 * 60_000;

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: 'string' },
      now: { type: 'string' },
      db: { type: 'string' },
      limit: { type: 'string' },
    },
  });
  if (positionals.length > 0) throw new UsageError('hcc print takes no paths');
  if (values.out === undefined || values.out === '') throw new UsageError('hcc print needs --out DIR');
  const limit = wholeNumberOption('--limit', values.limit, 1000, 1, 1000);
  const now = parseNow(values.now) ?? new Date();
  let store;
  try {
    store = await openStore({ location: storeLocation(values.db, process.env), now });
  } catch (error) {
    if (!(error instanceof HccError)) throw error;
    io.stderr.write(`hcc print: the store cannot be opened (${error.code})\n`);
    return 1;
  }
  try {
    const worker = `${processWorkerId()}.print`;
    const result = await writePrintBatch({ store, outDir: values.out, now, worker, leaseMs: PRINT_LEASE_MS, limit, log: createJsonLinesLog(io.stdout) });
    if (result.manifest === undefined || result.folder === undefined) {
      io.stderr.write('hcc print: no approved letter is waiting; nothing written\n');
      return 0;
    }
    const pages = result.manifest.letters.reduce((sum, l) => sum + l.pageCount, 0);
    io.stderr.write(`hcc print: ${result.manifest.count} letters (${pages} pages) written to ${escapeForTerminal(result.folder, { maxLength: Infinity })} and marked printed\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof HccError)) throw error;
    io.stderr.write(`hcc print: ${error.code.startsWith('PRINT_') ? error.message : `stopped by a store error (${error.code})`}\n`);
    return 1;
  } finally {
    await store.close();
  }
}

/** `hcc print`. */
export const printCommand: CliCommand = { usage: USAGE, run };
