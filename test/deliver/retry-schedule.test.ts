import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectProperty } from '../support/property.js';
import { baseRetryDelay, DEFAULT_RETRY_POLICY, nextRetry, type RetryDecision } from '../../src/deliver/retry-schedule.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const FIRST = new Date('2026-11-02T12:00:00Z');
const at = (ms: number) => new Date(FIRST.getTime() + ms);
const LOWEST = () => 0;
const HIGHEST = () => 1 - Number.EPSILON;

function delayOf(decision: RetryDecision, from: Date): number {
  if (decision.kind !== 'retry') throw new Error('expected a retry');
  return decision.at.getTime() - from.getTime();
}

describe('nextRetry', () => {
  it('waits about a minute after the first failure: 48 to 72 s with ±20% jitter', () => {
    expect(delayOf(nextRetry({ attempt: 1, firstFailureAt: FIRST, failedAt: FIRST }, LOWEST), FIRST)).toBe(48_000);
    expect(delayOf(nextRetry({ attempt: 1, firstFailureAt: FIRST, failedAt: FIRST }, () => 0.5), FIRST)).toBe(60_000);
    expect(delayOf(nextRetry({ attempt: 1, firstFailureAt: FIRST, failedAt: FIRST }, HIGHEST), FIRST)).toBe(72_000);
  });

  it('is deterministic: the same attempt and the same random draw give the same time', () => {
    const failed = { attempt: 4, firstFailureAt: FIRST, failedAt: at(10 * MINUTE) };
    expect(nextRetry(failed, () => 0.37)).toEqual(nextRetry(failed, () => 0.37));
    expect(nextRetry(failed, () => 0.37)).not.toEqual(nextRetry(failed, () => 0.38));
  });

  it('the bounds of the delay never shrink from one attempt to the next, and level off at four hours', () => {
    let previous = { low: 0, high: 0 };
    for (let attempt = 1; attempt <= 40; attempt += 1) {
      const failed = { attempt, firstFailureAt: FIRST, failedAt: FIRST };
      const low = delayOf(nextRetry(failed, LOWEST), FIRST);
      const high = delayOf(nextRetry(failed, HIGHEST), FIRST);
      expect(low).toBeLessThan(high);
      expect(low).toBeGreaterThanOrEqual(previous.low);
      expect(high).toBeGreaterThanOrEqual(previous.high);
      previous = { low, high };
    }
    expect(baseRetryDelay(1)).toBe(MINUTE);
    expect(baseRetryDelay(8)).toBe(128 * MINUTE);
    expect(baseRetryDelay(9)).toBe(4 * HOUR);
    expect(baseRetryDelay(2000)).toBe(4 * HOUR);
    expect(previous).toEqual({ low: 0.8 * 4 * HOUR, high: Math.round(1.2 * 4 * HOUR) });
  });

  it('never schedules past 72 hours after the first failure, and gives up at or after it', () => {
    expectProperty(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 80 * HOUR }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, elapsed, draw) => {
        const failedAt = at(elapsed);
        const decision = nextRetry({ attempt, firstFailureAt: FIRST, failedAt }, () => draw);
        const deadline = at(72 * HOUR).getTime();
        if (elapsed >= 72 * HOUR) {
          expect(decision).toEqual({ kind: 'give-up', deadline: at(72 * HOUR) });
        } else {
          expect(decision.kind).toBe('retry');
          if (decision.kind !== 'retry') return;
          expect(decision.at.getTime()).toBeGreaterThan(failedAt.getTime());
          expect(decision.at.getTime()).toBeLessThanOrEqual(deadline);
          expect(decision.last).toBe(decision.at.getTime() === deadline);
        }
      }),
    );
  });

  it('a message that keeps failing gets about 25 attempts, the last one at the 72-hour mark, then gives up', () => {
    let failedAt = FIRST;
    let attempt = 1;
    const times: number[] = [];
    for (;;) {
      const decision = nextRetry({ attempt, firstFailureAt: FIRST, failedAt }, () => 0.5);
      if (decision.kind === 'give-up') break;
      times.push(decision.at.getTime() - FIRST.getTime());
      failedAt = decision.at;
      attempt += 1;
    }
    expect(times.at(-1)).toBe(72 * HOUR);
    expect(times.slice(0, 3)).toEqual([MINUTE, 3 * MINUTE, 7 * MINUTE]);
    expect(times.length).toBeGreaterThanOrEqual(20);
    expect(times.length).toBeLessThanOrEqual(30);
  });

  it('follows another policy when given one', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, firstDelayMs: 10_000, jitter: 0, giveUpAfterMs: HOUR };
    expect(delayOf(nextRetry({ attempt: 3, firstFailureAt: FIRST, failedAt: FIRST }, LOWEST, policy), FIRST)).toBe(40_000);
    expect(nextRetry({ attempt: 3, firstFailureAt: FIRST, failedAt: at(HOUR) }, LOWEST, policy).kind).toBe('give-up');
  });

  it('refuses impossible input with RETRY_INPUT_INVALID', () => {
    const cases: [number, Date, () => number][] = [
      [0, FIRST, LOWEST],
      [1.5, FIRST, LOWEST],
      [1, at(-1), LOWEST],
      [1, new Date(Number.NaN), LOWEST],
      [1, FIRST, () => 1],
      [1, FIRST, () => -0.1],
      [1, FIRST, () => Number.NaN],
    ];
    for (const [attempt, failedAt, random] of cases) {
      expect(() => nextRetry({ attempt, firstFailureAt: FIRST, failedAt }, random)).toThrow(expect.objectContaining({ code: 'RETRY_INPUT_INVALID' }));
    }
  });
});
