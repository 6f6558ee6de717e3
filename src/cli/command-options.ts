import { UsageError } from './usage-error.js';

/** A whole-number option within bounds, or its default when absent. Throws UsageError otherwise. */
export function wholeNumberOption(name: string, value: string | undefined, fallback: number, least: number, most: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d{1,9}$/.test(value) || n < least || n > most) throw new UsageError(`${name} must be a whole number from ${least} to ${most}`);
  return n;
}
