import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DecisionRecord } from '../decision/decision-schema.js';
import type { EmailConfig } from '../email/email-config.js';
import type { EmailHtml } from '../email/email-templates.js';
import { compileEmailHtmlApart } from './compile-email-html-apart.js';
import { packageCompiledEmailHtml, packageEmailTemplates } from './package-assets.js';
import type { RenderBatch, RenderBatchResult, RenderOutcome, RenderWorkerData, WriteOutcome } from './render-messages.js';
import { siblingModule, workerEntry } from './worker-entry.js';

/** How a pool is sized. */
export interface RenderPoolOptions {
  readonly config: EmailConfig;
  /** Worker threads; one per core by default. */
  readonly workers?: number;
  /** Records sent to a worker at once. */
  readonly batchSize?: number;
  /** The old-space ceiling of each worker, in MB: the one `hcc` sets for itself. */
  readonly maxOldSpaceMb?: number;
  /** The young generation of each worker, in MB. */
  readonly maxYoungSpaceMb?: number;
  /** The worker module; the package's own render worker by default (tests put a faulty one in its place). */
  readonly workerModule?: URL;
}

/** Renders records on worker threads, each with its own renderer. */
export interface RenderPool {
  readonly size: number;
  /** The outcome of one record; a record that crashes its worker is `WORKER_CRASHED` and the pool goes on. */
  render(record: DecisionRecord): Promise<RenderOutcome>;
  /**
   * Renders a record and writes its folder under `outDir` on the worker (see `writeDecisionFolder`):
   * only the counts come back. A folder not written is `OUTPUT_WRITE_FAILED` with the errno code.
   */
  renderToFolder(record: DecisionRecord, outDir: string): Promise<WriteOutcome>;
  /** Waits for the records in flight, then stops the workers. */
  close(): Promise<void>;
}

interface Job {
  readonly record: DecisionRecord;
  readonly outDir: string | undefined;
  /** Given a `RenderOutcome` without `outDir`, a `WriteOutcome` with it. */
  readonly resolve: (outcome: RenderOutcome | WriteOutcome) => void;
  /** Sent alone after a crash, so that the record that crashes a worker is the only one reported. */
  readonly alone: boolean;
}

interface Slot {
  worker: Worker;
  /** The worker said it is ready: a death before that is a failure to start, not a record's crash. */
  ready: boolean;
  /** Batches sent and not answered, by id. */
  readonly inFlight: Map<number, readonly Job[]>;
  /** The worker has the email HTML (started with it, or sent it since): only then may it be sent batches. */
  hasHtml: boolean;
}

/** Batches a worker may hold at once: one rendering, one waiting, so it never idles between messages. */
const BATCHES_PER_WORKER = 2;

/**
 * Starts a pool of worker threads for rendering. Records are queued and sent in batches; each
 * outcome resolves on its own, so callers keep their own order. A worker that dies (a crash, out
 * of memory) is replaced: its records are retried one by one on a fresh worker, and the one that
 * kills a worker alone is reported as `WORKER_CRASHED`.
 */
export function createRenderPool(options: RenderPoolOptions): RenderPool {
  const size = Math.max(1, options.workers ?? availableParallelism());
  const batchSize = Math.max(1, options.batchSize ?? 4);
  const maxOldSpaceMb = options.maxOldSpaceMb ?? 192;
  // A worker's garbage is short-lived (one decision's strings and buffers, ~5 MB): 12 MB of young
  // generation lets most of it die there. (A `--max-semi-space-size` given to node overrides this.)
  const maxYoungSpaceMb = options.maxYoungSpaceMb ?? 12;
  const queue: Job[] = [];
  let nextId = 0;
  let closing = false;
  let broken = false;
  let brokenCode = 'WORKER_START_FAILED';
  const slots: Slot[] = [];
  // The HTML made at build time, or MJML once in a thread that then ends; workers start meanwhile and are sent the HTML when it is ready.
  let emailHtml: EmailHtml | undefined;

  const spawn = (): Worker => {
    const { entry, eval: evaluate } = workerEntry(options.workerModule ?? siblingModule('render-worker', import.meta.url));
    const workerData: RenderWorkerData = { config: options.config, ...(emailHtml === undefined ? {} : { emailHtml }) };
    const worker = new Worker(entry, {
      eval: evaluate,
      workerData,
      resourceLimits: { maxOldGenerationSizeMb: maxOldSpaceMb, maxYoungGenerationSizeMb: maxYoungSpaceMb },
      stdout: false,
      stderr: false,
    });
    worker.unref();
    return worker;
  };

  const pump = () => {
    for (const slot of slots) {
      if (!slot.hasHtml) continue;
      // A suspect record runs alone on its worker, so that a crash can only be its own.
      const suspect = () => [...slot.inFlight.values()].some((jobs) => jobs.some((j) => j.alone));
      while (slot.inFlight.size < BATCHES_PER_WORKER && queue.length > 0 && !suspect()) {
        const first = queue[0];
        if (first?.alone && slot.inFlight.size > 0) break;
        const jobs = first?.alone ? queue.splice(0, 1) : queue.splice(0, Math.min(batchSize, leadingOrdinary()));
        const id = nextId++;
        slot.inFlight.set(id, jobs);
        slot.worker.ref();
        slot.worker.postMessage({ id, jobs: jobs.map((j) => (j.outDir === undefined ? { record: j.record } : { record: j.record, outDir: j.outDir })) } satisfies RenderBatch);
      }
      if (slot.inFlight.size === 0) slot.worker.unref();
    }
  };

  // Records given in the same turn of the event loop travel together in batches.
  let pumpScheduled = false;
  const schedulePump = () => {
    if (pumpScheduled) return;
    pumpScheduled = true;
    setImmediate(() => {
      pumpScheduled = false;
      pump();
    });
  };

  const leadingOrdinary = () => {
    const stop = queue.findIndex((j) => j.alone);
    return stop === -1 ? queue.length : stop;
  };

  const attach = (slot: Slot) => {
    slot.worker.on('message', (message: RenderBatchResult | { ready: true }) => {
      if (!('id' in message)) {
        slot.ready = true;
        return;
      }
      const jobs = slot.inFlight.get(message.id);
      slot.inFlight.delete(message.id);
      jobs?.forEach((job, i) => { job.resolve(message.results[i] ?? { ok: false, code: 'INTERNAL' }); });
      pump();
    });
    let dead = false;
    const died = () => {
      // A dying worker may say so twice (an error, then its exit).
      if (dead) return;
      dead = true;
      const lost = [...slot.inFlight.values()].flat();
      slot.inFlight.clear();
      if (!slot.ready) {
        // A worker that cannot start would fail again: everything waiting fails, and no worker is started.
        broken = true;
        for (const job of [...lost, ...queue.splice(0)]) job.resolve({ ok: false, code: 'WORKER_START_FAILED' });
        return;
      }
      for (const job of lost) {
        if (job.alone || lost.length === 1) job.resolve({ ok: false, code: 'WORKER_CRASHED' });
        else queue.unshift({ ...job, alone: true });
      }
      if (closing) return;
      slot.worker = spawn();
      slot.ready = false;
      slot.hasHtml = emailHtml !== undefined;
      attach(slot);
      pump();
    };
    slot.worker.once('error', died);
    slot.worker.once('exit', (code) => { if (code !== 0 && !closing) died(); });
  };

  for (let i = 0; i < size; i += 1) {
    const slot: Slot = { worker: spawn(), ready: false, inFlight: new Map(), hasHtml: false };
    attach(slot);
    slots.push(slot);
  }

  void compileEmailHtmlApart(packageEmailTemplates(), packageCompiledEmailHtml()).then((answer) => {
    if (closing || broken) return;
    if (!answer.ok) {
      // A template that does not compile would fail every worker: what waits fails with its code.
      broken = true;
      brokenCode = answer.code;
      for (const job of queue.splice(0)) job.resolve({ ok: false, code: answer.code });
      return;
    }
    emailHtml = answer.html;
    for (const slot of slots) {
      if (slot.hasHtml) continue;
      slot.worker.postMessage({ emailHtml });
      slot.hasHtml = true;
    }
    pump();
  });

  const enqueue = (record: DecisionRecord, outDir: string | undefined): Promise<RenderOutcome | WriteOutcome> => {
    if (closing) return Promise.resolve({ ok: false, code: 'POOL_CLOSED' });
    if (broken) return Promise.resolve({ ok: false, code: brokenCode });
    return new Promise((resolve) => {
      queue.push({ record, outDir, resolve, alone: false });
      schedulePump();
    });
  };

  return {
    size,
    render: (record) => enqueue(record, undefined) as Promise<RenderOutcome>,
    renderToFolder: (record, outDir) => enqueue(record, outDir) as Promise<WriteOutcome>,
    async close() {
      while (queue.length > 0 || slots.some((s) => s.inFlight.size > 0)) await new Promise((r) => setTimeout(r, 10));
      closing = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
