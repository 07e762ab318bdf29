import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Every temporary folder a test makes goes into one per run, removed at its end.
    globalSetup: ['tests/global-setup.ts'],
    // Browser and real-build tests take seconds, not milliseconds; none is a timing assertion.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
