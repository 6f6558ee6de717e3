import { parseArgs } from 'node:util';
import { createSmtpSender } from '../../deliver/smtp-sender.js';
import { HccError } from '../../errors.js';
import { createJsonLinesLog, type DeliveryLog } from '../../outbox/delivery-log.js';
import { runDeliveryRound, type DeliveryRoundResult, type FireFollowUps } from '../../outbox/delivery-round.js';
import { addTally, emptyTally, type DeliveryWorkerOptions } from '../../outbox/delivery-worker.js';
import { openStore } from '../../store/open-store.js';
import type { Store } from '../../store/store.js';
import type { CliIo } from '../cli-io.js';
import type { CliCommand } from '../cli-command.js';
import { readSmtpConfig } from '../read-smtp-config.js';
import { storeLocation } from '../store-location.js';
import { UsageError } from '../usage-error.js';
import { processWorkerId } from '../worker-id.js';
import { SmtpConfigError } from '../../deliver/smtp-config-error.js';
import { parseNow, wholeNumberOption } from '../command-options.js';

const USAGE = `  hcc deliver [--once] [--workers N] [--now ISO] [--db PATH] [--config FILE] [--batch N] [--poll-seconds S]
                                                   send the approved emails (sweep, follow-ups, file entries first);
                                                   --once drains what is due and exits, otherwise polls until Ctrl-C;
                                                   SMTP target: the config's "smtp" object or HCC_SMTP_URL;
                                                   JSON-lines log on stdout, progress on stderr
`;

/**
 * Where `hcc deliver` fires the due follow-ups before claiming. The intake work provides
 * `fireDueFollowUps({ store, renderer, now, actor, approval })` in src/outbox/fire-due-follow-ups.ts;
 * until it is merged this returns undefined and rounds fire none.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the context fireDueFollowUps will need, kept so wiring it is one edit here
function followUpStep(_context: { readonly store: Store; readonly actor: string; readonly configPath: string | undefined }): FireFollowUps | undefined {
  // LEAD: wire fireDueFollowUps here once the intake branch is merged.
  return undefined;
}

/** Resolves on the first SIGINT or SIGTERM; the handlers are removed again when the command ends. */
function terminationSignal(): { readonly stopped: Promise<void>; readonly isStopped: () => boolean; dispose(): void } {
  let stopped = false;
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  const stop = () => {
    stopped = true;
    resolve();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return {
    stopped: promise,
    isStopped: () => stopped,
    dispose() {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}

function describeRound(result: DeliveryRoundResult): string {
  const e = result.emails;
  return `${e.sent} sent, ${e.temporaryFailures} temporary failures, ${e.permanentFailures} permanent, ${e.technicalFailures} technical; ${result.swept} swept, ${result.filed} filed, ${result.followUpsFired} follow-ups fired${e.leasesLost > 0 ? `, ${e.leasesLost} leases lost` : ''}`;
}

function somethingHappened(result: DeliveryRoundResult): boolean {
  return result.emails.claimed + result.swept + result.filed + result.followUpsFired > 0;
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      once: { type: 'boolean', default: false },
      workers: { type: 'string' },
      now: { type: 'string' },
      db: { type: 'string' },
      config: { type: 'string' },
      batch: { type: 'string' },
      'poll-seconds': { type: 'string' },
    },
  });
  if (positionals.length > 0) throw new UsageError('hcc deliver takes no paths');
  const workers = wholeNumberOption('--workers', values.workers, 1, 1, 32);
  const batchSize = wholeNumberOption('--batch', values.batch, 100, 1, 1000);
  const pollMs = wholeNumberOption('--poll-seconds', values['poll-seconds'], 5, 1, 3600) * 1000;
  const fixedNow = parseNow(values.now);
  const clock = fixedNow === undefined ? () => new Date() : () => fixedNow;

  let smtp;
  try {
    smtp = await readSmtpConfig(values.config, process.env);
  } catch (error) {
    if (!(error instanceof SmtpConfigError)) throw error;
    io.stderr.write(`hcc deliver: ${error.message}\n`);
    return 2;
  }
  const log: DeliveryLog = createJsonLinesLog(io.stdout);
  let store: Store;
  try {
    store = await openStore({ location: storeLocation(values.db, process.env), now: clock() });
  } catch (error) {
    if (!(error instanceof HccError)) throw error;
    io.stderr.write(`hcc deliver: the store cannot be opened (${error.code})\n`);
    return 1;
  }
  const sender = createSmtpSender(smtp);
  const prefix = processWorkerId();
  // Longer than one send can take (the send deadline covers the wait in the pool's queue), so a live worker keeps its items.
  const leaseMs = smtp.sendTimeoutMs + 60_000;
  const loops: DeliveryWorkerOptions[] = Array.from({ length: workers }, (_, n) => ({
    store,
    sender,
    workerId: `${prefix}.${n + 1}`,
    clock,
    // Jitter is behaviour, not content: the one place a random source is chosen.
    random: Math.random,
    leaseMs,
    batchSize,
    log,
  }));
  const signal = terminationSignal();
  const total = { rounds: 0, swept: 0, filed: 0, followUpsFired: 0, emails: emptyTally() };
  io.stderr.write(`hcc deliver: ${smtp.target}, store ${store.dialect}, ${workers} worker${workers === 1 ? '' : 's'}${values.once ? ', once' : ''}\n`);
  let exitCode = 0;
  try {
    for (;;) {
      const result = await runDeliveryRound({ store, clock, actor: `${prefix}.round`, log, workers: loops, ...optional(followUpStep({ store, actor: prefix, configPath: values.config })) });
      total.rounds += 1;
      total.swept += result.swept;
      total.filed += result.filed;
      total.followUpsFired += result.followUpsFired;
      addTally(total.emails, result.emails);
      if (somethingHappened(result)) io.stderr.write(`hcc deliver: round ${total.rounds}: ${describeRound(result)}\n`);
      if (values.once || signal.isStopped()) break;
      if (!somethingHappened(result)) await Promise.race([signal.stopped, new Promise((r) => setTimeout(r, pollMs).unref())]);
      if (signal.isStopped()) break;
    }
  } catch (error) {
    if (!(error instanceof HccError)) throw error;
    io.stderr.write(`hcc deliver: stopped by a store error (${error.code})\n`);
    exitCode = 1;
  } finally {
    signal.dispose();
    await sender.close();
    await store.close();
  }
  io.stderr.write(`hcc deliver: done after ${total.rounds} round${total.rounds === 1 ? '' : 's'}: ${describeRound(total)}\n`);
  return exitCode;
}

function optional(fire: FireFollowUps | undefined): { fireFollowUps?: FireFollowUps } {
  return fire === undefined ? {} : { fireFollowUps: fire };
}

/** `hcc deliver`. */
export const deliverCommand: CliCommand = { usage: USAGE, run };
