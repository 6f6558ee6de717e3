import { defineConfig } from 'vitest/config';

/**
 * Two projects, one run. Unit tests are quick and in-process. End-to-end tests start processes,
 * workers, databases and SMTP servers, render every fixture or read PDFs with poppler: their
 * timeouts are sized for a loaded 2-core machine (another job beside them), and fewer run at once.
 */
export default defineConfig({
  test: {
    // Every temporary folder of a run is removed when it ends.
    globalSetup: ['test/support/temporary-folder.ts'],
    // A test that asserts nothing fails instead of passing.
    expect: { requireAssertions: true },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.e2e.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/**/*.e2e.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 600_000,
          maxWorkers: 2,
          // After the unit tests, so a quick failure shows first.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
