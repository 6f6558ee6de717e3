import { checkIsoDate } from '../store/store-input.js';
import { UsageError } from './usage-error.js';

/** A date-time with its offset: `2026-12-19T15:00:00Z`, `2026-12-19T10:00-05:00`. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** `--now <ISO date-time>` (with Z or an offset), else the system clock: the only place the commands read it. */
export function parseNow(value: string | undefined, option = '--now'): Date {
  if (value === undefined) return new Date();
  const time = ISO_INSTANT.test(value) ? new Date(value) : undefined;
  if (time === undefined || Number.isNaN(time.getTime())) throw new UsageError(`${option} must be an ISO 8601 date-time with Z or an offset, such as 2026-12-19T15:00:00Z`);
  return time;
}

/** A calendar day `YYYY-MM-DD` given to an option. */
export function parseDay(value: string | undefined, option: string): string {
  if (value === undefined) throw new UsageError(`${option} <YYYY-MM-DD> is required`);
  try {
    return checkIsoDate('cli', option, value);
  } catch {
    throw new UsageError(`${option} must be a calendar date YYYY-MM-DD`);
  }
}

/** An id given to an option (`--by`, a decision id): letters, digits and . _ : -, so no name or address can pass as one. */
export function parseId(value: string | undefined, option: string): string {
  if (value === undefined) throw new UsageError(`${option} is required`);
  if (!/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/.test(value)) throw new UsageError(`${option} must be an id (letters, digits, . _ : -)`);
  return value;
}
