import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // The end-to-end files render every fixture before their tests: allow for a loaded machine.
    hookTimeout: 180_000,
  },
});
