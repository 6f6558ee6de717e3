import { RetryScheduleError } from './retry-schedule-error.js';

/** How failed sends are retried. All durations in milliseconds. */
export interface RetryPolicy {
  /** The delay after the first failure, before jitter. */
  readonly firstDelayMs: number;
  /** Each further failure multiplies the delay by this. */
  readonly factor: number;
  /** The delay stops growing here. */
  readonly maxDelayMs: number;
  /** Jitter spreads each delay over ±this fraction, so items that failed together do not retry together. */
  readonly jitter: number;
  /** No attempt is ever scheduled later than this after the first failure. */
  readonly giveUpAfterMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * One minute, doubling to a ceiling of four hours, ±20% jitter, and nothing after 72 hours:
 * 1, 2, 4, … 128 minutes, then every 4 hours, about 25 attempts in all.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  firstDelayMs: MINUTE,
  factor: 2,
  maxDelayMs: 4 * HOUR,
  jitter: 0.2,
  giveUpAfterMs: 72 * HOUR,
};

/** What to do after a temporary failure. */
export type RetryDecision =
  | { readonly kind: 'retry'; readonly at: Date; /** True when this is the attempt at the cut-off itself. */ readonly last: boolean }
  | { readonly kind: 'give-up'; /** The cut-off that was reached: first failure + `giveUpAfterMs`. */ readonly deadline: Date };

/** The failure just recorded. */
export interface FailedAttempt {
  /** How many attempts have failed so far, this one included (1 after the first failure). */
  readonly attempt: number;
  /** When the first attempt failed: the 72-hour clock starts here. */
  readonly firstFailureAt: Date;
  /** When this attempt failed (the caller's clock): the next delay counts from here. */
  readonly failedAt: Date;
}

/** The delay before jitter after `attempt` failures: `firstDelayMs · factor^(attempt-1)`, capped. */
export function baseRetryDelay(attempt: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  // Past ~60 doublings the power overflows to Infinity; the cap makes that harmless.
  return Math.min(policy.firstDelayMs * policy.factor ** (attempt - 1), policy.maxDelayMs);
}

/**
 * When to try again after a temporary failure, or that it is time to give up (the item becomes a
 * technical failure). The delay is `baseRetryDelay(attempt)` spread by `random()` (injected, in [0, 1))
 * over ±`jitter`; the result is never later than first failure + `giveUpAfterMs`: the last attempt
 * is placed at that cut-off, and a failure at or after it gives up. Pure. Throws `RetryScheduleError`
 * for an attempt below 1, a failure before the first one, or a random value outside [0, 1).
 */
export function nextRetry(failed: FailedAttempt, random: () => number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): RetryDecision {
  const { attempt, firstFailureAt, failedAt } = failed;
  if (!Number.isInteger(attempt) || attempt < 1) throw new RetryScheduleError('attempt must be a whole number of at least 1');
  const first = firstFailureAt.getTime();
  const now = failedAt.getTime();
  if (!Number.isFinite(first) || !Number.isFinite(now) || now < first) {
    throw new RetryScheduleError('failedAt must be a valid date no earlier than firstFailureAt');
  }
  const deadline = first + policy.giveUpAfterMs;
  if (now >= deadline) return { kind: 'give-up', deadline: new Date(deadline) };

  const draw = random();
  if (!(draw >= 0 && draw < 1)) throw new RetryScheduleError('random() must return a number in [0, 1)');
  const delay = baseRetryDelay(attempt, policy) * (1 - policy.jitter + 2 * policy.jitter * draw);
  const at = Math.min(now + Math.round(delay), deadline);
  return { kind: 'retry', at: new Date(at), last: at === deadline };
}
