import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/setup.ts'],
    restoreMocks: true,
    testTimeout: 30_000,
    // STYLE rule 28: polls wait on state with a timeout that holds on a loaded 2-core machine.
    expect: { poll: { timeout: 10_000, interval: 20 } },
  },
});
