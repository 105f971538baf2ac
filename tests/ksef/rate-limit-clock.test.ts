// Issue 10: a clock set back must not stretch a Retry-After block of the rate limiter (RELIABILITY §5.3).
import { describe, expect, it } from 'vitest';
import { createRateLimiter, MAX_BLOCK_MS } from '../../lib/ksef/rate-limits';

const KEY = 'invoiceMetadata';
const T = Date.parse('2026-03-12T12:00:00Z');
const DAY = 86_400_000;

describe('rate limiter blocks and a clock set back', () => {
  it('a block set 600 s after a booked request holds 600 s from when the clock change is noticed, not 30 days', () => {
    const limiter = createRateLimiter();
    expect(limiter.acquire(KEY, T)).toEqual({ ok: true });
    limiter.block(KEY, T + 600_000);
    const back = T - 30 * DAY;
    limiter.settle(back);
    expect(limiter.check(KEY, back)).toEqual({ ok: false, waitMs: 600_000, reason: 'blocked' });
    // Anchored once: it does not slide with later reads.
    expect(limiter.check(KEY, back + 300_000)).toEqual({ ok: false, waitMs: 300_000, reason: 'blocked' });
    expect(limiter.check(KEY, back + 600_000)).toEqual({ ok: true });
  });

  it('without a clock change a block stands as given, up to a day', () => {
    const limiter = createRateLimiter();
    limiter.block(KEY, T + 600_000);
    limiter.settle(T);
    expect(limiter.check(KEY, T)).toEqual({ ok: false, waitMs: 600_000, reason: 'blocked' });
    limiter.block(KEY, T + 3 * DAY);
    expect(limiter.check(KEY, T)).toEqual({ ok: false, waitMs: MAX_BLOCK_MS, reason: 'blocked' });
  });
});
