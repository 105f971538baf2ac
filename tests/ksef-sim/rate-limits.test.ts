import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClock } from './clock';
import { call, startChecked, type Checked } from './kit';
import { createRateLimiter, DEFAULT_RATE_LIMITS } from './rate-limits';

const START = Date.parse('2026-03-02T09:00:00Z');

describe('createRateLimiter (NOTES §9)', () => {
  it('refuses the request after perSecond within one second', () => {
    const limiter = createRateLimiter(createClock({ start: START, frozen: true }));
    const answers = Array.from({ length: 9 }, () => limiter.check('invoiceMetadata', 'ctx|ip'));
    expect(answers.slice(0, 8).every((a) => a.ok)).toBe(true);
    expect(answers[8]).toEqual({ ok: false, retryAfterSeconds: 1, window: 'second' });
  });

  it('the hour window of invoiceMetadata (20/h) answers with the wait until the oldest request ages out', () => {
    const clock = createClock({ start: START, frozen: true });
    const limiter = createRateLimiter(clock);
    for (let i = 0; i < 20; i++) {
      expect(limiter.check('invoiceMetadata', 'k').ok).toBe(true);
      clock.advance(4000);
    }
    // 80 s have passed since the first request; it leaves the window after 3600 s.
    expect(limiter.check('invoiceMetadata', 'k')).toEqual({ ok: false, retryAfterSeconds: 3520, window: 'hour' });
  });

  it('counts each (group, key) on its own', () => {
    const limiter = createRateLimiter(createClock({ start: START, frozen: true }), { limits: { other: { perSecond: 1, perMinute: 10, perHour: 10 } } });
    expect(limiter.check('other', 'a').ok).toBe(true);
    expect(limiter.check('other', 'b').ok).toBe(true);
    expect(limiter.check('invoiceDownload', 'a').ok).toBe(true);
    expect(limiter.check('other', 'a').ok).toBe(false);
  });

  it('blocks escalate while the client keeps knocking, and are forgotten after the memory period', () => {
    const clock = createClock({ start: START, frozen: true });
    const limiter = createRateLimiter(clock, { limits: { other: { perSecond: 1, perMinute: 100, perHour: 1000 } }, block: { baseSeconds: 1, factor: 2, maxSeconds: 8, memoryMs: 60_000 } });
    expect(limiter.check('other', 'k').ok).toBe(true);
    const retries = Array.from({ length: 5 }, () => {
      const answer = limiter.check('other', 'k');
      return answer.ok ? 0 : answer.retryAfterSeconds;
    });
    expect(retries).toEqual([1, 2, 4, 8, 8]);
    clock.advance(8000);
    expect(limiter.check('other', 'k').ok).toBe(true);
    // Still remembered: the next violation starts where the last one stopped.
    expect(limiter.check('other', 'k')).toEqual({ ok: false, retryAfterSeconds: 8, window: 'second' });
    clock.advance(61_000 + 8000);
    expect(limiter.check('other', 'k').ok).toBe(true);
    expect(limiter.check('other', 'k')).toEqual({ ok: false, retryAfterSeconds: 1, window: 'second' });
  });

  it('can be switched off, reconfigured and reset', () => {
    const limiter = createRateLimiter(createClock({ start: START, frozen: true }), { enabled: false });
    expect(Array.from({ length: 100 }, () => limiter.check('invoiceMetadata', 'k').ok).every(Boolean)).toBe(true);
    limiter.configure({ enabled: true, limits: { invoiceMetadata: { perSecond: 1, perMinute: 1, perHour: 1 } } });
    expect(limiter.check('invoiceMetadata', 'k').ok).toBe(true);
    expect(limiter.check('invoiceMetadata', 'k').ok).toBe(false);
    limiter.configure({ reset: true, limits: { invoiceMetadata: DEFAULT_RATE_LIMITS.invoiceMetadata } });
    expect(limiter.check('invoiceMetadata', 'k').ok).toBe(true);
    expect(limiter.limits().invoiceMetadata).toEqual({ perSecond: 8, perMinute: 16, perHour: 20 });
  });
});

describe('429 over HTTP', () => {
  let t: Checked;
  beforeAll(async () => {
    t = await startChecked({ seed: 'rate', rateLimits: {} });
  });
  afterAll(() => t.sim.stop());
  afterEach(() => {
    expect(t.checker.responseViolations).toEqual([]);
    t.sim.admin.configureRateLimits({ reset: true, limits: DEFAULT_RATE_LIMITS });
  });

  const metadata = (token: string, headers: Record<string, string> = {}) =>
    call(t.sim, 'POST', '/invoices/query/metadata', {
      token,
      headers,
      json: { subjectType: 'Subject2', dateRange: { dateType: 'PermanentStorage', from: new Date(t.sim.state.clock.now() - 3_600_000).toISOString() } },
    });

  it('the ninth metadata query in a second is 429 with Retry-After, in both formats', async () => {
    const token = t.sim.admin.issueTokens({ context: '5265877635' }).accessToken.token;
    for (let i = 0; i < 8; i++) expect((await metadata(token)).status).toBe(200);
    const refused = await metadata(token);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.body).toEqual({ status: { code: 429, description: 'Too Many Requests', details: ['Przekroczono limit liczby żądań. Spróbuj ponownie po 1 s.'] } });
    const problem = await metadata(token, { 'X-Error-Format': 'problem-details' });
    expect(problem.status).toBe(429);
    expect(problem.headers.get('content-type')).toContain('application/problem+json');
    expect(problem.body).toMatchObject({ title: 'Too Many Requests', status: 429, instance: '/invoices/query/metadata', detail: 'Przekroczono limit liczby żądań. Spróbuj ponownie po 2 s.' });
    // Another context from the same IP has its own budget.
    const other = t.sim.admin.issueTokens({ context: '7680002466' }).accessToken.token;
    expect((await metadata(other)).status).toBe(200);
  });

  it('knocking during a block lengthens it', async () => {
    const token = t.sim.admin.issueTokens({ context: '5265877635' }).accessToken.token;
    t.sim.admin.configureRateLimits({ limits: { invoiceDownload: { perSecond: 1, perMinute: 100, perHour: 100 } } });
    const path = '/invoices/ksef/5265877635-20250826-0100001AF629-AF';
    await call(t.sim, 'GET', path, { token });
    const waits = [];
    for (let i = 0; i < 4; i++) waits.push((await call(t.sim, 'GET', path, { token })).headers.get('retry-after'));
    expect(waits).toEqual(['1', '2', '4', '8']);
  });

  it('counts session close on its own limit (20/s), not on the opening one (10/s)', async () => {
    expect(DEFAULT_RATE_LIMITS.onlineSessionClose).toEqual({ perSecond: 20, perMinute: 60, perHour: 240 });
    expect(DEFAULT_RATE_LIMITS.batchSessionClose).toEqual({ perSecond: 20, perMinute: 40, perHour: 120 });
    const token = t.sim.admin.issueTokens({ context: '5265877635' }).accessToken.token;
    const close = () => call(t.sim, 'POST', '/sessions/online/20260302-SO-0000000000-0000000000-00/close', { token });
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await close()).status);
    // An unknown session is refused after the limit check, so only the 21st close in the second is a 429.
    expect(statuses.slice(0, 20).every((s) => s !== 429)).toBe(true);
    expect(statuses[20]).toBe(429);
    // The opening budget was not touched: an (invalid) open in the same second gets past the limit check.
    const open = await call(t.sim, 'POST', '/sessions/online', { token, json: {} });
    expect(open.status).toBe(400);
  });

  it('GET /rate-limits reports the effective limits', async () => {
    const token = t.sim.admin.issueTokens({ context: '5265877635' }).accessToken.token;
    const answer = await call(t.sim, 'GET', '/rate-limits', { token });
    expect(answer.body.invoiceMetadata).toEqual({ perSecond: 8, perMinute: 16, perHour: 20 });
    expect(answer.body.invoiceDownload).toEqual({ perSecond: 8, perMinute: 16, perHour: 64 });
    expect(Object.keys(answer.body).sort()).toEqual(
      ['batchSession', 'invoiceDownload', 'invoiceExport', 'invoiceExportStatus', 'invoiceMetadata', 'invoiceSend', 'invoiceStatus', 'onlineSession', 'other', 'sessionInvoiceList', 'sessionList', 'sessionMisc'],
    );
  });
});
