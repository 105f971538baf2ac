import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRateLimiter, DEFAULT_SKEW_MS, type RateLimitState } from '../../lib/ksef/rate-limits';
import { rateLimitKey } from '../../lib/ksef/rate-limit-budgets';

const T = Date.parse('2026-03-02T10:00:00Z');
const HOUR = 3_600_000;

describe('createRateLimiter', () => {
  it('lets 20 metadata queries an hour through and tells when the 21st may go', () => {
    const limiter = createRateLimiter();
    // 20 queries, 2 minutes apart: the per-minute budget (16) never binds, the hourly one (20) does.
    for (let i = 0; i < 20; i += 1) expect(limiter.acquire('invoiceMetadata', T + i * 120_000)).toEqual({ ok: true });
    const now = T + 40 * 60_000;
    expect(limiter.acquire('invoiceMetadata', now)).toEqual({ ok: false, reason: 'budget', waitMs: HOUR + DEFAULT_SKEW_MS - 40 * 60_000 });
    expect(limiter.acquire('invoiceMetadata', T + HOUR + DEFAULT_SKEW_MS - 1).ok).toBe(false);
    expect(limiter.acquire('invoiceMetadata', T + HOUR + DEFAULT_SKEW_MS)).toEqual({ ok: true });
  });

  it('applies the per-second window with its skew margin', () => {
    const limiter = createRateLimiter();
    for (let i = 0; i < 8; i += 1) expect(limiter.acquire('invoiceDownload', T).ok).toBe(true);
    expect(limiter.acquire('invoiceDownload', T + 10)).toEqual({ ok: false, reason: 'budget', waitMs: 1000 + DEFAULT_SKEW_MS - 10 });
    expect(limiter.acquire('invoiceDownload', T + 1000 + DEFAULT_SKEW_MS + 1).ok).toBe(true);
  });

  it('keeps the other endpoints on separate counters', () => {
    const limiter = createRateLimiter();
    const grants = rateLimitKey('other', 'POST /permissions/query/personal/grants');
    const limits = rateLimitKey('other', 'GET /rate-limits');
    expect(grants).toBe('other:POST /permissions/query/personal/grants');
    for (let i = 0; i < 10; i += 1) limiter.acquire(grants, T);
    expect(limiter.check(grants, T).ok).toBe(false);
    expect(limiter.check(limits, T).ok).toBe(true);
  });

  it('refuses everything on a blocked counter until the block ends', () => {
    const limiter = createRateLimiter();
    limiter.block('invoiceMetadata', T + 90_000);
    expect(limiter.acquire('invoiceMetadata', T)).toEqual({ ok: false, reason: 'blocked', waitMs: 90_000 });
    expect(limiter.acquire('invoiceMetadata', T + 89_999)).toEqual({ ok: false, reason: 'blocked', waitMs: 1 });
    expect(limiter.acquire('invoiceDownload', T).ok).toBe(true);
    expect(limiter.acquire('invoiceMetadata', T + 90_000).ok).toBe(true);
  });

  it('survives a round trip through storage, and reports every change', () => {
    const saved: RateLimitState[] = [];
    const first = createRateLimiter({ onChange: (s) => saved.push(s) });
    for (let i = 0; i < 16; i += 1) first.acquire('invoiceMetadata', T + i * 1000);
    first.block('invoiceSend', T + 120_000);
    expect(saved).toHaveLength(17);
    const stored = JSON.parse(JSON.stringify(first));
    expect(stored).toEqual(saved.at(-1));
    const second = createRateLimiter({ state: stored });
    expect(second.check('invoiceMetadata', T + 16_000)).toEqual({ ok: false, reason: 'budget', waitMs: 60_000 + DEFAULT_SKEW_MS - 16_000 });
    expect(second.check('invoiceSend', T + 16_000)).toEqual({ ok: false, reason: 'blocked', waitMs: 104_000 });
  });

  it('says what changed: a booking and a block with their group, a settle without one (issue 15)', () => {
    const changes: unknown[] = [];
    const limiter = createRateLimiter({ onChange: (_s, change) => changes.push(change) });
    limiter.acquire('invoiceMetadata', T);
    limiter.acquire(rateLimitKey('other', 'GET /x'), T);
    limiter.block('invoiceMetadata', T + 60_000);
    limiter.settle(T - 3_600_000);
    expect(changes).toEqual([
      { cause: 'acquire', group: 'invoiceMetadata' },
      { cause: 'acquire', group: 'other' },
      { cause: 'block', group: 'invoiceMetadata' },
      { cause: 'settle' },
    ]);
  });

  it.each([[null], [{ version: 2 }], [{ version: 1, windows: { a: ['x'] }, blockedUntil: {} }], ['garbage']])(
    'starts afresh from an unreadable state %j',
    (state) => {
      const limiter = createRateLimiter({ state });
      expect(limiter.toJSON()).toEqual({ version: 1, windows: {}, blockedUntil: {} });
    },
  );

  it('adopts the limits KSeF reports', () => {
    const limiter = createRateLimiter();
    limiter.setBudgets({ invoiceMetadata: { perSecond: 80, perMinute: 160, perHour: 200 } });
    expect(limiter.budgetOf('invoiceMetadata')).toEqual({ perSecond: 80, perMinute: 160, perHour: 200 });
    for (let i = 0; i < 21; i += 1) expect(limiter.acquire('invoiceMetadata', T + i).ok).toBe(true);
  });

  it('keeps the session-close limits when adopting GET /rate-limits, which does not report them', () => {
    const limiter = createRateLimiter();
    limiter.setBudgets({ onlineSession: { perSecond: 1, perMinute: 2, perHour: 3 }, batchSession: { perSecond: 1, perMinute: 2, perHour: 3 } });
    expect(limiter.budgetOf('onlineSession')).toEqual({ perSecond: 1, perMinute: 2, perHour: 3 });
    expect(limiter.budgetOf('onlineSessionClose')).toEqual({ perSecond: 20, perMinute: 60, perHour: 240 });
    expect(limiter.budgetOf('batchSessionClose')).toEqual({ perSecond: 20, perMinute: 40, perHour: 120 });
    for (let i = 0; i < 20; i += 1) expect(limiter.acquire(rateLimitKey('onlineSessionClose'), T).ok).toBe(true);
    expect(limiter.acquire(rateLimitKey('onlineSessionClose'), T)).toEqual({ ok: false, reason: 'budget', waitMs: 1000 + DEFAULT_SKEW_MS });
    expect(limiter.acquire(rateLimitKey('onlineSession'), T).ok).toBe(true);
  });

  it('treats requests booked in the future (clock set back) as made now', () => {
    const limiter = createRateLimiter();
    for (let i = 0; i < 20; i += 1) limiter.acquire('invoiceMetadata', T + i * 120_000);
    const earlier = T - 2 * HOUR;
    const verdict = limiter.check('invoiceMetadata', earlier);
    expect(verdict).toEqual({ ok: false, reason: 'budget', waitMs: HOUR + DEFAULT_SKEW_MS });
  });

  it.each([
    [() => createRateLimiter().check('', T), '"key" must be a non-empty string'],
    [() => createRateLimiter().check('x', Number.NaN), '"now" must be a finite number'],
    [() => createRateLimiter().block('x', Number.POSITIVE_INFINITY), '"until" must be a finite number'],
  ])('checks its arguments (%#)', (call, message) => {
    expect(call).toThrow(new TypeError(message));
  });

  it('never lets more requests into any window than its budget (property)', () => {
    const seed = 20260302;
    const windows = [
      { ms: 1000, limit: 8 },
      { ms: 60_000, limit: 16 },
      { ms: HOUR, limit: 20 },
    ];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400_000 }), { minLength: 1, maxLength: 120 }), (gaps) => {
        const limiter = createRateLimiter({ skewMs: 0 });
        const accepted: number[] = [];
        let now = T;
        for (const gap of gaps) {
          now += gap;
          const verdict = limiter.acquire('invoiceMetadata', now);
          if (verdict.ok) accepted.push(now);
          else expect(verdict.waitMs).toBeGreaterThan(0);
        }
        for (const w of windows) {
          for (const start of accepted) {
            const inside = accepted.filter((x) => x >= start && x < start + w.ms).length;
            if (inside > w.limit) throw new Error(`${inside} requests within ${w.ms} ms (seed ${seed})`);
          }
        }
      }),
      { seed, numRuns: 200 },
    );
  });

  it('frees a slot exactly when it says it will (property)', () => {
    const seed = 7;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 60 }), (gaps) => {
        const limiter = createRateLimiter();
        let now = T;
        for (const gap of gaps) {
          now += gap;
          const verdict = limiter.acquire('invoiceDownload', now);
          if (!verdict.ok) {
            expect(limiter.check('invoiceDownload', now + verdict.waitMs - 1).ok).toBe(false);
            expect(limiter.acquire('invoiceDownload', now + verdict.waitMs).ok).toBe(true);
            now += verdict.waitMs;
          }
        }
      }),
      { seed, numRuns: 100 },
    );
  });
});
