import { HccError } from '../errors.js';
import { DEFAULT_RETRY_POLICY, nextRetry, type RetryPolicy } from '../deliver/retry-schedule.js';
import type { SendOutcome } from '../deliver/send-outcome.js';
import type { OutgoingMessage } from '../deliver/smtp-sender.js';
import type { ClaimedEmail, ItemChange, Store } from '../store/store.js';
import type { DeliveryLog } from './delivery-log.js';

/** What the worker needs of a sender: `createSmtpSender` fits, and so does a test double. */
export interface MessageSender {
  send(message: OutgoingMessage): Promise<SendOutcome>;
}

/** The parts one drain loop works with. */
export interface DeliveryWorkerOptions {
  readonly store: Store;
  readonly sender: MessageSender;
  /** The lease owner written on each claimed item: a code, unique among the workers running. */
  readonly workerId: string;
  /** The time of each claim and report (injected: tests and replays move it). */
  readonly clock: () => Date;
  /** Retry jitter's source, in [0, 1) (injected: tests fix it). */
  readonly random: () => number;
  /** How long a claimed item is ours; past it another worker may take it over. Longer than one send can last. */
  readonly leaseMs: number;
  /** Items claimed at a time, and kept in flight (the pool queues what exceeds its connections). */
  readonly batchSize: number;
  readonly log: DeliveryLog;
  readonly retryPolicy?: RetryPolicy;
}

/** What one drain did, by outcome. */
export interface DeliveryTally {
  claimed: number;
  sent: number;
  temporaryFailures: number;
  permanentFailures: number;
  technicalFailures: number;
  /** Reports the store refused because another worker had taken the item over (lease expired). */
  leasesLost: number;
}

export function emptyTally(): DeliveryTally {
  return { claimed: 0, sent: 0, temporaryFailures: 0, permanentFailures: 0, technicalFailures: 0, leasesLost: 0 };
}

/** Adds `more` into `into`. */
export function addTally(into: DeliveryTally, more: DeliveryTally): DeliveryTally {
  into.claimed += more.claimed;
  into.sent += more.sent;
  into.temporaryFailures += more.temporaryFailures;
  into.permanentFailures += more.permanentFailures;
  into.technicalFailures += more.technicalFailures;
  into.leasesLost += more.leasesLost;
  return into;
}

/** The codes the store answers with when our lease was taken over while we were sending: not a fault of ours. */
const LOST_LEASE_CODES: ReadonlySet<string> = new Set(['LEASE_NOT_HELD', 'ITEM_STATE_CONFLICT']);

/**
 * When a temporarily failed item is tried again: the retry schedule from its first attempt. The
 * schedule's last attempt sits at the cut-off itself, which the store counts as outside the window,
 * so that one is moved a second earlier; a failure at or after it gets the cut-off, which the store
 * turns into a technical failure.
 */
function nextAttemptAt(item: ClaimedEmail, failedAt: Date, random: () => number, policy: RetryPolicy): Date {
  const firstFailureAt = item.firstAttemptAt.getTime() <= failedAt.getTime() ? item.firstAttemptAt : failedAt;
  const decision = nextRetry({ attempt: item.attempts, firstFailureAt, failedAt }, random, policy);
  if (decision.kind === 'give-up' || !decision.last) return decision.kind === 'give-up' ? decision.deadline : decision.at;
  // The last attempt, a second before the cut-off; when that second is already here, the cut-off (give up).
  const lastChance = decision.at.getTime() - 1000;
  return lastChance > failedAt.getTime() ? new Date(lastChance) : decision.at;
}

/** The message exactly as approved: the stored bytes, the Message-ID and the envelope (To and Cc are all recipients). */
function outgoing(item: ClaimedEmail): OutgoingMessage {
  return {
    raw: item.bytes,
    envelope: { from: item.envelope.from, to: [...item.envelope.to, ...item.envelope.cc] },
    messageId: item.messageId,
    expectedSha256: item.sha256,
  };
}

/** Sends one claimed item and reports the outcome to the store. Returns the change the store made. */
async function deliverOne(options: DeliveryWorkerOptions, item: ClaimedEmail): Promise<ItemChange> {
  const { store, sender, workerId: worker, clock, random, log } = options;
  const outcome = await sender.send(outgoing(item));
  const now = clock();
  let change: ItemChange;
  if (outcome.kind === 'sent') {
    change = await store.markSent(item.id, { worker, now, smtpCode: outcome.smtpCode });
  } else {
    const smtpCode = outcome.smtpCode === undefined ? {} : { smtpCode: outcome.smtpCode };
    change =
      outcome.kind === 'permanent'
        ? await store.markPermanentFailure(item.id, { worker, now, code: outcome.code, ...smtpCode })
        : await store.markTemporaryFailure(item.id, {
            worker,
            now,
            code: outcome.code,
            ...smtpCode,
            nextAttemptAt: nextAttemptAt(item, now, random, options.retryPolicy ?? DEFAULT_RETRY_POLICY),
          });
  }
  log.event('item.delivery', {
    worker,
    itemId: item.id,
    decisionId: item.decisionId,
    attempts: item.attempts,
    state: change.state,
    code: outcome.kind === 'sent' ? undefined : outcome.code,
    scope: outcome.kind === 'sent' ? undefined : outcome.scope,
    smtpCode: outcome.smtpCode,
    messageIdHash: outcome.messageIdHash,
  });
  return change;
}

function count(tally: DeliveryTally, change: ItemChange): void {
  switch (change.state) {
    case 'sent':
      tally.sent += 1;
      break;
    case 'temporary-failure':
      tally.temporaryFailures += 1;
      break;
    case 'permanent-failure':
      tally.permanentFailures += 1;
      break;
    case 'technical-failure':
      tally.technicalFailures += 1;
      break;
    default:
      break;
  }
}

/**
 * Claims the email items due now and sends them until none is left, keeping up to `batchSize` in
 * flight: a new claim is made as soon as half the window has come back, so the SMTP pool never
 * waits on a whole batch's slowest message. Items that fail temporarily are not due again until
 * their next attempt, so the drain ends. A store error other than a lost lease stops claiming;
 * the sends in flight finish and are reported, then the error is thrown.
 */
export async function drainDueEmails(options: DeliveryWorkerOptions): Promise<DeliveryTally> {
  const { store, workerId: worker, clock, leaseMs, batchSize, log } = options;
  const tally = emptyTally();
  const inFlight = new Set<Promise<void>>();
  let exhausted = false;
  let fatal: { error: unknown } | undefined;

  const start = (item: ClaimedEmail) => {
    const work = deliverOne(options, item).then(
      (change) => {
        count(tally, change);
      },
      (error: unknown) => {
        if (error instanceof HccError && LOST_LEASE_CODES.has(error.code)) {
          tally.leasesLost += 1;
          log.event('item.lease-lost', { worker, itemId: item.id, decisionId: item.decisionId, code: error.code });
          return;
        }
        fatal ??= { error };
      },
    );
    const tracked = work.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };

  while (fatal === undefined) {
    if (!exhausted && inFlight.size <= batchSize / 2) {
      const limit = batchSize - inFlight.size;
      let claimed: ClaimedEmail[];
      try {
        claimed = await store.claimEmails({ now: clock(), limit, leaseMs, worker });
      } catch (error) {
        fatal = { error };
        break;
      }
      tally.claimed += claimed.length;
      // Fewer than asked: everything due now is claimed (by us or by another worker).
      if (claimed.length < limit) exhausted = true;
      for (const item of claimed) start(item);
    }
    if (inFlight.size === 0) {
      if (exhausted) break;
      continue;
    }
    await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (fatal !== undefined) throw fatal.error;
  return tally;
}
