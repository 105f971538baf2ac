import { defineConfig } from 'vitest/config';

// Firefox ESR end-to-end tests and the web-ext lint (tests/firefox): one browser at a time on a 2-core machine.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/firefox/**/*.firefox.ts'],
    testTimeout: 120_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    // STYLE rule 28: polls wait on state with a timeout that holds on a busy 2-core machine.
    expect: { poll: { timeout: 30_000, interval: 100 } },
  },
});
