// lib/domain/limits.ts: the one polling-interval rule the store, the scheduler and the options form share.
import { describe, expect, it } from 'vitest';
import { DEFAULT_INTERVAL_MINUTES, intervalAllowed, MAX_INTERVAL_MINUTES, MIN_INTERVAL_MINUTES_KSEF, minIntervalMinutes } from '../../lib/domain/limits';

describe('interval limits', () => {
  it('never under 15 minutes against DEMO and production (NOTES §7.2); one minute on TEST and the simulator', () => {
    expect(MIN_INTERVAL_MINUTES_KSEF).toBe(15);
    expect(DEFAULT_INTERVAL_MINUTES).toBe(15);
    expect(MAX_INTERVAL_MINUTES).toBe(1440);
    expect(['production', 'demo', 'test', 'simulator'].map((env) => minIntervalMinutes(env as never))).toEqual([15, 15, 1, 1]);
  });

  it.each([
    ['production', 15, true], ['production', 14, false], ['demo', 5, false], ['test', 5, true], ['test', 1, true],
    ['simulator', 1, true], ['simulator', 0, false], ['test', 1440, true], ['test', 1441, false], ['test', 2.5, false],
    ['production', Number.NaN, false],
  ] as const)('%s, %s min → %s', (env, minutes, ok) => {
    expect(intervalAllowed(minutes, env)).toBe(ok);
  });
});
