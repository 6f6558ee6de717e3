import { createHash } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { PrintJob, Store } from '../store/store.js';
import type { DeliveryLog } from './delivery-log.js';
import { PrintBatchError } from './print-batch-error.js';

/** One letter of a batch, as the manifest lists it. Holds the address block: the file is for the print room, never a log. */
export interface PrintManifestEntry {
  readonly sequence: number;
  readonly file: string;
  readonly itemId: string;
  readonly decisionId: string;
  readonly kind: string;
  readonly languages: readonly string[];
  readonly addressBlock: readonly string[];
  readonly pageCount: number;
  readonly sha256: string;
}

/** `batch-manifest.json`. */
export interface PrintManifest {
  readonly batchId: string;
  readonly createdAt: string;
  readonly count: number;
  readonly letters: readonly PrintManifestEntry[];
}

export interface PrintBatchOptions {
  readonly store: Store;
  /** The batch folder is made inside this one. */
  readonly outDir: string;
  /** The batch id and `createdAt` come from it. */
  readonly now: Date;
  /** The lease owner of the letters while the batch is written. */
  readonly worker: string;
  /** How long the letters stay ours: a run that dies leaves them to the next one after this. */
  readonly leaseMs: number;
  /** Letters in one batch (at most 1000, the store's claim limit). */
  readonly limit: number;
  readonly log: DeliveryLog;
}

export interface PrintBatchResult {
  /** Absent when no letter was waiting. */
  readonly folder?: string;
  readonly manifest?: PrintManifest;
}

/** `batch-20261201T150000Z`: from the time alone, so a replay with the same `--now` names the same folder. */
export function printBatchId(now: Date): string {
  return `batch-${now.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '')}`;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Writes and flushes one file: it is on disk before any letter is marked printed. */
async function writeDurably(path: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function entryOf(job: PrintJob, sequence: number, width: number): PrintManifestEntry {
  return {
    sequence,
    file: `${String(sequence).padStart(width, '0')}-${job.id}.pdf`,
    itemId: job.id,
    decisionId: job.decisionId,
    kind: job.kind,
    languages: job.languages,
    addressBlock: job.addressBlock,
    pageCount: job.pageCount,
    sha256: job.sha256,
  };
}

/**
 * Takes the approved letters (under a lease), writes them as one batch folder
 * `outDir/<batchId>/`: the PDFs in order, named `<zero-padded sequence>-<item id>.pdf`, and
 * `batch-manifest.json`; then marks each letter printed. The folder is written under a temporary
 * name and renamed when complete, so it appears whole or not at all. A crash after the letters are
 * taken and before they are marked leaves them `sending`: once the lease ends the next run takes
 * them again, so a letter may be printed twice, never lost. Throws PRINT_BATCH_EXISTS (before
 * taking anything) when the batch folder is already there.
 */
export async function writePrintBatch(options: PrintBatchOptions): Promise<PrintBatchResult> {
  const { store, outDir, now, worker, log } = options;
  const batchId = printBatchId(now);
  const folder = join(outDir, batchId);
  if (await exists(folder)) throw new PrintBatchError('PRINT_BATCH_EXISTS', `the folder ${batchId} already exists in the output folder`);
  try {
    await mkdir(outDir, { recursive: true });
  } catch (error) {
    throw new PrintBatchError('PRINT_OUT_UNWRITABLE', 'the output folder cannot be made', { cause: error });
  }

  const jobs = await store.takePrintBatch({ now, limit: options.limit, leaseMs: options.leaseMs, worker });
  if (jobs.length === 0) return {};
  const width = Math.max(4, String(jobs.length).length);
  const letters = jobs.map((job, i) => entryOf(job, i + 1, width));
  const manifest: PrintManifest = { batchId, createdAt: now.toISOString(), count: letters.length, letters };

  const partial = join(outDir, `.${batchId}.partial-${process.pid}`);
  try {
    await rm(partial, { recursive: true, force: true });
    await mkdir(partial);
    for (const [i, job] of jobs.entries()) {
      const entry = letters[i];
      if (entry === undefined) continue;
      // The store re-hashed the bytes when it handed them out; this checks what is written is what was approved.
      if (createHash('sha256').update(job.bytes).digest('hex') !== job.sha256) throw new PrintBatchError('PRINT_BYTES_CHANGED', `the bytes of ${job.id} changed after they were taken`);
      await writeDurably(join(partial, entry.file), job.bytes);
    }
    await writeDurably(join(partial, 'batch-manifest.json'), Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
    await rename(partial, folder);
  } catch (error) {
    await rm(partial, { recursive: true, force: true }).catch(() => undefined);
    if (error instanceof PrintBatchError) throw error;
    throw new PrintBatchError('PRINT_OUT_UNWRITABLE', 'the batch folder could not be written', { cause: error });
  }

  for (const job of jobs) {
    const change = await store.markPrinted(job.id, { worker, now });
    log.event('item.printed', { itemId: job.id, decisionId: job.decisionId, batchId, state: change.state, pageCount: job.pageCount });
  }
  return { folder, manifest };
}
