import { defineConfig } from 'vitest/config';

// One Chromium at a time: the machines have 2 cores.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    // STYLE rule 28: expect.poll waits on what the user would see; vitest's default (1 s) does not hold on a
    // busy 2-core machine, where a PBKDF2 check or a 10 000-invoice page can take several seconds.
    expect: { poll: { timeout: 30_000, interval: 100 } },
  },
});
