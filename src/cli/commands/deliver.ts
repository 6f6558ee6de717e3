import { parseArgs } from 'node:util';
import { SmtpConfigError } from '../../deliver/smtp-config-error.js';
import { parseSmtpConfig, resolveSmtpConfig, type ResolvedSmtpConfig } from '../../deliver/smtp-config.js';
import { createSmtpSender } from '../../deliver/smtp-sender.js';
import { HccError } from '../../errors.js';
import { OUTBOX_DELIVERY_LOG } from '../../outbox/delivery-log.js';
import { runDeliveryRound, type DeliveryRoundResult, type FireFollowUps } from '../../outbox/delivery-round.js';
import { addTally, emptyTally, type DeliveryWorkerOptions } from '../../outbox/delivery-worker.js';
import { fireDueFollowUps, firesByDate } from '../../outbox/fire-due-follow-ups.js';
import { outboxLogger } from '../../outbox/outbox-log.js';
import type { Renderer } from '../../render/create-renderer.js';
import { openStore } from '../../store/open-store.js';
import type { Store } from '../../store/store.js';
import type { CliIo } from '../cli-io.js';
import type { CliCommand } from '../cli-command.js';
import { wholeNumberOption } from '../command-options.js';
import { configureOutboxLog, describeOutboxError, storeLocation } from '../outbox-session.js';
import { parseNow } from '../parse-time-options.js';
import { readHccConfig, type HccConfig } from '../read-hcc-config.js';
import { UsageError } from '../usage-error.js';
import { processWorkerId } from '../worker-id.js';

const USAGE = `  hcc deliver [--once] [--workers N] [--now ISO] [--db PATH] [--config FILE] [--batch N] [--poll-seconds S]
                                                   each round: sweep, fire due follow-ups, file the file entries,
                                                   send the approved emails; --once drains what is due and exits,
                                                   otherwise polls until Ctrl-C; SMTP target: the config's "smtp"
                                                   object or HCC_SMTP_URL; progress and a summary on stderr
`;

/**
 * The follow-up step of each round: fires the follow-ups whose day is over (renders the notice
 * and queues it under the configured approval policy). The renderer is built the first time
 * something is due, so rounds with nothing due never load the fonts and templates.
 */
export function followUpStep(store: Store, actor: string, config: HccConfig, io: CliIo): FireFollowUps {
  let renderer: Renderer | undefined;
  return async (now) => {
    const due = (await store.dueFollowUps(now)).filter(firesByDate);
    if (due.length === 0) return 0;
    if (renderer === undefined) {
      // Loaded only here: a round with nothing due never loads the templates, fonts and MJML.
      const [{ createRenderer }, { loadPackageAssets }] = await Promise.all([import('../../render/create-renderer.js'), import('../../render/package-assets.js')]);
      renderer = await createRenderer(loadPackageAssets(config.email));
    }
    const { fired, failed } = await fireDueFollowUps({ store, renderer, now, actor, approval: config.approval });
    for (const f of failed) io.stderr.write(`${describeOutboxError(f.followUpId, f.code)}\n`);
    return fired.length;
  };
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
  const lost = e.leasesLost > 0 ? `, ${e.leasesLost} leases lost` : '';
  return `${e.sent} sent, ${e.temporaryFailures} temporary failures, ${e.permanentFailures} permanent, ${e.technicalFailures} technical; ${result.swept} swept, ${result.filed} filed, ${result.followUpsFired} follow-ups fired${lost}`;
}

function somethingHappened(result: DeliveryRoundResult): boolean {
  return result.emails.claimed + result.swept + result.filed + result.followUpsFired > 0;
}

function smtpFrom(config: HccConfig): ResolvedSmtpConfig {
  return resolveSmtpConfig(config.smtp === undefined ? undefined : parseSmtpConfig(config.smtp), process.env);
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
  if (positionals.length > 0) throw new UsageError('hcc deliver takes no arguments besides its options');
  const workers = wholeNumberOption('--workers', values.workers, 1, 1, 32);
  const batchSize = wholeNumberOption('--batch', values.batch, 100, 1, 1000);
  const pollMs = wholeNumberOption('--poll-seconds', values['poll-seconds'], 5, 1, 3600) * 1000;
  // --now fixes the clock for the whole run (tests, replays); without it each step reads the system clock.
  const fixedNow = values.now === undefined ? undefined : parseNow(values.now);
  const clock = fixedNow === undefined ? () => new Date() : () => fixedNow;

  const config = await readHccConfig(values.config);
  let smtp: ResolvedSmtpConfig;
  try {
    smtp = smtpFrom(config);
  } catch (error) {
    if (!(error instanceof SmtpConfigError)) throw error;
    io.stderr.write(`hcc deliver: ${error.message}\n`);
    return 2;
  }
  configureOutboxLog();
  let store: Store;
  try {
    store = await openStore({ location: storeLocation(values.db), now: clock() });
  } catch (error) {
    if (!(error instanceof HccError)) throw error;
    io.stderr.write(`${describeOutboxError('deliver', error.code)}\n`);
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
    // Jitter is behaviour, not content: the one place the random source is chosen.
    random: Math.random,
    leaseMs,
    batchSize,
    log: OUTBOX_DELIVERY_LOG,
  }));
  const fireFollowUps = followUpStep(store, prefix, config, io);
  const signal = terminationSignal();
  const total = { rounds: 0, swept: 0, filed: 0, followUpsFired: 0, emails: emptyTally() };
  io.stderr.write(`hcc deliver: ${smtp.target}, store ${store.dialect}, ${workers} worker${workers === 1 ? '' : 's'}${values.once ? ', once' : `, polling every ${pollMs / 1000} s`}\n`);
  let exitCode = 0;
  try {
    for (;;) {
      const result = await runDeliveryRound({ store, clock, actor: prefix, log: OUTBOX_DELIVERY_LOG, workers: loops, fireFollowUps });
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
    io.stderr.write(`${describeOutboxError('deliver', error.code)}\n`);
    exitCode = 1;
  } finally {
    signal.dispose();
    await sender.close();
    await store.close();
    await outboxLogger().flush();
  }
  io.stderr.write(`hcc deliver: done after ${total.rounds} round${total.rounds === 1 ? '' : 's'}: ${describeRound(total)}\n`);
  return exitCode;
}

/** `hcc deliver`. */
export const deliverCommand: CliCommand = { usage: USAGE, run };
