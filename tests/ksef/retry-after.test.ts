import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../lib/ksef/retry-after';

const NOW = Date.parse('2026-03-02T10:00:00Z');

describe('parseRetryAfter', () => {
  it.each([
    ['30', 30_000],
    [' 0 ', 0],
    ['3600', 3_600_000],
    ['Mon, 02 Mar 2026 10:02:00 GMT', 120_000],
    ['Monday, 02-Mar-26 10:00:30 GMT', 30_000],
    ['Mon Mar  2 10:00:05 2026', 5_000 - new Date(NOW).getTimezoneOffset() * 60_000],
    ['Mon, 02 Mar 2026 09:00:00 GMT', 0],
  ])('reads %j as %i ms', (value, ms) => {
    expect(parseRetryAfter(value, NOW)).toBe(ms);
  });

  it.each([[null], [undefined], [''], ['-5'], ['1.5'], ['soon'], ['2026-03-02T10:02:00Z']])('ignores %j', (value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });
});
