import { UsageError } from './usage-error.js';

/** A whole-number option within bounds, or its default when absent. Throws UsageError otherwise. */
export function wholeNumberOption(name: string, value: string | undefined, fallback: number, least: number, most: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d{1,9}$/.test(value) || n < least || n > most) throw new UsageError(`${name} must be a whole number from ${least} to ${most}`);
  return n;
}

/**
 * `--now`: an ISO 8601 date-time with a time zone (`2026-12-01T15:00:00Z`), used in place of the
 * system clock; `undefined` when absent. Throws UsageError for anything else.
 */
export function parseNow(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const ok = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/.test(value);
  const date = new Date(value);
  if (!ok || Number.isNaN(date.getTime())) throw new UsageError('--now must be an ISO 8601 date-time with a time zone, such as 2026-12-01T15:00:00Z');
  return date;
}
