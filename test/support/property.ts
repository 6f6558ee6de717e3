import fc from 'fast-check';
import { expect } from 'vitest';

/**
 * Runs a fast-check property and asserts that it held on every generated case (the counter
 * example and its seed are in the failure message). An assertion in its own right, so a property
 * whose predicate returns a boolean still counts as one.
 */
export function expectProperty<Ts>(property: fc.IProperty<Ts>, params?: fc.Parameters<Ts>): void {
  const details = fc.check(property, params);
  expect(details.failed, fc.defaultReportMessage(details) ?? '').toBe(false);
  expect(details.numRuns).toBeGreaterThan(0);
}

/** The same for an asynchronous property. */
export async function expectAsyncProperty<Ts>(property: fc.IAsyncProperty<Ts>, params?: fc.Parameters<Ts>): Promise<void> {
  const details = await fc.check(property, params);
  expect(details.failed, fc.defaultReportMessage(details) ?? '').toBe(false);
  expect(details.numRuns).toBeGreaterThan(0);
}
