// Ending a login at the host that issued it (issue 10): one DELETE /auth/sessions/current with the refresh
// token, best effort, the outcome returned as a stable code and never thrown.
import { beforeEach, describe, expect, it } from 'vitest';
import { endKsefSession } from '../../lib/auth/end-session';
import { createFakeClock, createFakeKsef, T0, type FakeKsef } from '../ksef/fake-ksef';
import { iso, makeJwt } from '../ksef/samples';

const BASE = 'https://api-test.ksef.mf.gov.pl/v2';
const REFRESH = makeJwt({ typ: 'RefreshToken' });
const valid = { token: REFRESH, validUntil: iso(T0 + 7 * 86_400_000) };
const unauthorized = { status: 401, json: { title: 'Unauthorized', status: 401, detail: 'x', timestamp: '2026-03-02T10:00:00Z' } };

let fake: FakeKsef;
let clock: ReturnType<typeof createFakeClock>;
beforeEach(() => {
  fake = createFakeKsef();
  clock = createFakeClock();
});

describe('endKsefSession', () => {
  it('sends one DELETE with the refresh token to the given host and answers KSEF_SESSION_ENDED', async () => {
    fake.on('DELETE /auth/sessions/current', { status: 204 });
    expect(await endKsefSession({ fetch: fake.fetch, clock }, BASE, valid)).toEqual({ code: 'KSEF_SESSION_ENDED' });
    expect(fake.requests.map((r) => [r.method, r.url, r.headers.authorization])).toEqual([
      ['DELETE', `${BASE}/auth/sessions/current`, `Bearer ${REFRESH}`],
    ]);
    expect(fake.problems).toEqual([]);
  });

  it('sends nothing for a refresh token that has expired: the session is over already', async () => {
    expect(await endKsefSession({ fetch: fake.fetch, clock }, BASE, { token: REFRESH, validUntil: iso(T0 - 1) })).toEqual({ code: 'KSEF_SESSION_EXPIRED' });
    expect(fake.requests).toEqual([]);
  });

  it.each<[string, Parameters<FakeKsef['on']>[1], string]>([
    ['a refused token (401)', unauthorized, 'HTTP 401'],
    ['no connection', 'network-error', 'NETWORK'],
    ['no answer within the timeout', 'hang', 'TIMEOUT'],
  ])('%s → KSEF_SESSION_END_FAILED after one attempt, never a throw, never the token', async (_name, reply, detail) => {
    fake.on('DELETE /auth/sessions/current', reply);
    const outcome = await endKsefSession({ fetch: fake.fetch, clock, timeoutMs: 50 }, BASE, valid);
    expect(outcome).toEqual({ code: 'KSEF_SESSION_END_FAILED', detail });
    expect(fake.calls('DELETE /auth/sessions/current')).toHaveLength(1);
    expect(JSON.stringify(outcome)).not.toContain(REFRESH);
  });

  it.each<[string, unknown, unknown, string]>([
    ['no fetch', { clock: createFakeClock() }, valid, '"deps" must be { fetch, clock }'],
    ['no token', { fetch: async () => new Response(null), clock: createFakeClock() }, { token: '', validUntil: iso(T0) }, '"refreshToken" must be { token, validUntil }'],
  ])('refuses %s with a TypeError', async (_name, deps, token, message) => {
    await expect(endKsefSession(deps as never, BASE, token as never)).rejects.toThrow(new TypeError(message));
  });
});
