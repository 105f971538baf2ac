import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createKsefClient, type KsefClient } from '../../lib/ksef/client';
import { createRateLimiter } from '../../lib/ksef/rate-limits';
import { DEFAULT_BUDGETS } from '../../lib/ksef/rate-limit-budgets';
import { KsefError } from '../../lib/ksef/errors';
import { t } from '../../lib/i18n';
import { createFakeClock, createFakeKsef, T0, type FakeClock, type FakeKsef, caught } from './fake-ksef';
import { KSEF_NUMBER, SESSION_REF, makeJwt, metadataBody } from './samples';

const TOKEN = makeJwt({ per: ['Owner'] });
const FILTERS = { subjectType: 'Subject2' as const, dateRange: { dateType: 'PermanentStorage' as const, from: '2026-03-01T00:00:00Z' } };
const TOO_MANY = {
  title: 'Too Many Requests',
  status: 429,
  instance: '/v2/invoices/query/metadata',
  detail: 'Przekroczono limit 20 żądań na godzinę.',
  timestamp: '2026-03-02T10:00:00+00:00',
  traceId: 't',
};

let fake: FakeKsef;
let clock: FakeClock;
let client: KsefClient;

beforeEach(() => {
  fake = createFakeKsef();
  clock = createFakeClock();
  client = createKsefClient({ environment: 'test' }, { fetch: fake.fetch, clock });
});

afterEach(() => {
  expect(fake.problems).toEqual([]);
});


const query = () => client.invoices.queryMetadata(FILTERS, {}, TOKEN);

describe('429 and Retry-After', () => {
  it.each([
    ['seconds', '120', 120_000],
    ['an HTTP-date', new Date(T0 + 90_000).toUTCString(), 90_000],
    ['nothing (a default block)', undefined, 60_000],
  ])('honours Retry-After given as %s: no request before the block ends', async (_, header, waitMs) => {
    const sentAt: number[] = [];
    fake.on('POST /invoices/query/metadata', { status: 429, json: TOO_MANY, headers: header ? { 'retry-after': header } : {} }, () => {
      sentAt.push(clock.now());
      return { status: 200, json: metadataBody(1) };
    });
    const error = await caught(query());
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryAt: T0 + waitMs, retryAfter: waitMs / 1000, details: [TOO_MANY.detail] });
    expect(error.message).toBe(t('pl', 'ksef_error_RATE_LIMITED', { minutes: Math.ceil(waitMs / 60_000) }));
    expect(error.messageEn).toBe(`The KSeF request limit has been used up. Try again in about ${Math.ceil(waitMs / 60_000)} min.`);

    clock.advance(waitMs - 10_000); // 10 s before the end: too long to wait inside a call
    const early = await caught(query());
    expect(early).toMatchObject({ code: 'RATE_LIMITED', status: undefined, retryAt: T0 + waitMs, retryAfter: 10 });
    expect(fake.requests).toHaveLength(1); // held back locally

    clock.advance(8_000); // 2 s before the end: short enough to wait, and nothing goes out earlier
    await expect(query()).resolves.toMatchObject({ invoices: [{ ksefNumber: KSEF_NUMBER }] });
    expect(sentAt).toEqual([T0 + waitMs]);
    expect(clock.sleeps).toEqual([2000]);
  });

  it('blocks only the group that got the 429', async () => {
    fake.on('POST /invoices/query/metadata', { status: 429, json: TOO_MANY, headers: { 'retry-after': '300' } });
    await caught(query());
    fake.on('GET /invoices/ksef/{ksefNumber}', { status: 200, text: '<a/>', headers: { 'content-type': 'application/xml' } });
    await expect(client.invoices.download(KSEF_NUMBER, TOKEN)).resolves.toMatchObject({ xml: '<a/>' });
  });

  it('keeps a block across a worker restart through the persisted state', async () => {
    let saved: unknown;
    const limiter = createRateLimiter({ onChange: (state) => (saved = JSON.parse(JSON.stringify(state))) });
    client = createKsefClient({ environment: 'test' }, { fetch: fake.fetch, clock, rateLimiter: limiter });
    fake.on('POST /invoices/query/metadata', { status: 429, json: TOO_MANY, headers: { 'retry-after': '600' } });
    await caught(query());

    const restarted = createKsefClient({ environment: 'test' }, { fetch: fake.fetch, clock, rateLimiter: createRateLimiter({ state: saved }) });
    clock.advance(300_000);
    const error = await caught(restarted.invoices.queryMetadata(FILTERS, {}, TOKEN));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryAt: T0 + 600_000, retryAfter: 300 });
    expect(fake.requests).toHaveLength(1);
  });
});

describe('budgets', () => {
  it('refuses the 21st metadata query of an hour without sending it', async () => {
    fake.on('POST /invoices/query/metadata', { status: 200, json: metadataBody(0) });
    for (let i = 0; i < 20; i += 1) {
      await query();
      clock.advance(120_000);
    }
    const error = await caught(query());
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: undefined, operation: 'POST /invoices/query/metadata' });
    expect(error.retryAt).toBe(T0 + 3_600_000 + 500);
    expect(fake.requests).toHaveLength(20);
  });

  it('waits out a short per-second wait instead of failing', async () => {
    fake.on('GET /invoices/ksef/{ksefNumber}', { status: 200, text: '<a/>', headers: { 'content-type': 'application/xml' } });
    await Promise.all(Array.from({ length: 9 }, () => client.invoices.download(KSEF_NUMBER, TOKEN)));
    expect(fake.requests).toHaveLength(9);
    expect(clock.sleeps).toEqual([1500]);
  });

  it('counts session close on its own limit: 20/s, 60/min, 240/h (limits page of 14.09.2026)', async () => {
    expect(DEFAULT_BUDGETS.onlineSessionClose).toEqual({ perSecond: 20, perMinute: 60, perHour: 240 });
    expect(DEFAULT_BUDGETS.batchSessionClose).toEqual({ perSecond: 20, perMinute: 40, perHour: 120 });
    fake.on('POST /sessions/online/{referenceNumber}/close', { status: 204 });
    // 20 closes in one second go at once; the 21st waits for the second to pass (within maxWaitMs).
    await Promise.all(Array.from({ length: 21 }, () => client.sessions.closeOnline(SESSION_REF, TOKEN)));
    expect(fake.calls('POST /sessions/online/{referenceNumber}/close')).toHaveLength(21);
    expect(clock.sleeps).toEqual([1500]);
    const windows = client.rateLimiter.toJSON().windows;
    expect(windows.onlineSessionClose).toHaveLength(21);
    expect(windows.onlineSession).toBeUndefined();
    // Closing spent nothing of the opening budget (10/s).
    expect(client.rateLimiter.check('onlineSession', clock.now()).ok).toBe(true);
  });

  it('refuses the 61st close of a minute and the 241st of an hour without sending them', async () => {
    fake.on('POST /sessions/online/{referenceNumber}/close', { status: 204 });
    const limiter = createRateLimiter();
    const c = createKsefClient({ environment: 'test' }, { fetch: fake.fetch, clock, rateLimiter: limiter });
    for (let i = 0; i < 60; i += 1) {
      await c.sessions.closeOnline(SESSION_REF, TOKEN);
      clock.advance(100);
    }
    const minute = await caught(c.sessions.closeOnline(SESSION_REF, TOKEN));
    expect(minute).toMatchObject({ code: 'RATE_LIMITED', status: undefined, operation: 'POST /sessions/online/{referenceNumber}/close' });
    expect(minute.retryAt).toBe(T0 + 60_000 + 500);
    clock.advance(T0 + 60_501 - clock.now()); // the first minute's closes have left the window
    for (let i = 60; i < 240; i += 1) {
      clock.advance(1_100); // 55 in any minute, all 240 within 5 minutes
      await c.sessions.closeOnline(SESSION_REF, TOKEN);
    }
    const hour = await caught(c.sessions.closeOnline(SESSION_REF, TOKEN));
    expect(hour.retryAt).toBe(T0 + 3_600_000 + 500);
    expect(hour.message).toBe(t('pl', 'ksef_error_RATE_LIMITED', { minutes: Math.ceil((hour.retryAt! - clock.now()) / 60_000) }));
    expect(fake.calls('POST /sessions/online/{referenceNumber}/close')).toHaveLength(240);
  });

  it('stays inside what a KSeF enforcing the budgets allows: never a 429 (property)', async () => {
    const seed = 424242;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 200_000 }), { minLength: 30, maxLength: 80 }), async (gaps) => {
        const server = createFakeKsef();
        const c = createFakeClock();
        const seen: number[] = [];
        const { perSecond = 0, perMinute = 0, perHour = 0 } = DEFAULT_BUDGETS.invoiceMetadata;
        server.on('POST /invoices/query/metadata', () => {
          const now = c.now();
          const within = (ms: number) => seen.filter((x) => x > now - ms).length;
          const over = within(1000) >= perSecond || within(60_000) >= perMinute || within(3_600_000) >= perHour;
          seen.push(now);
          if (over) {
            return { status: 429, json: TOO_MANY, headers: { 'retry-after': '60' } };
          }
          return { status: 200, json: metadataBody(0) };
        });
        const cl = createKsefClient({ environment: 'test' }, { fetch: server.fetch, clock: c });
        for (const gap of gaps) {
          c.advance(gap);
          try {
            await cl.invoices.queryMetadata(FILTERS, {}, TOKEN);
          } catch (error) {
            expect((error as KsefError).code).toBe('RATE_LIMITED');
            expect((error as KsefError).status).toBeUndefined(); // refused locally, not by the server
          }
        }
        if (server.problems.length) throw new Error(`seed ${seed}: ${server.problems[0]}`);
      }),
      { seed, numRuns: 40 },
    );
  });
});
