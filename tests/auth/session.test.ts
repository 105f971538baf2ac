import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAuthSession } from '../../lib/auth/session';
import { createMemoryTokenStore, type StoredTokens } from '../../lib/auth/token-store';
import { decodeJwtClaims } from '../../lib/auth/jwt';
import { isKsefError } from '../../lib/ksef/errors';
import { t } from '../../lib/i18n';
import { T0 } from '../ksef/fake-ksef';
import { AUTH_REF, CHALLENGE, initBody, iso, problem400, refreshBody, tokensBody } from '../ksef/samples';
import { CONTEXT, certificateInfo, scriptLogin, setupAuth, signingKey } from './setup';

let privateKey: CryptoKey;
let env: ReturnType<typeof setupAuth>;

beforeAll(async () => {
  privateKey = await signingKey();
});

afterEach(() => {
  expect(env.fake.problems).toEqual([]);
});

function stored(now: number, overrides: Partial<StoredTokens> = {}): StoredTokens {
  const body = tokensBody(now);
  return { context: { ...CONTEXT }, ...body, referenceNumber: AUTH_REF, method: 'certificate', ...overrides };
}

describe('certificate login', () => {
  it('signs the challenge, polls the status with back-off, redeems once and stores the tokens', async () => {
    env = setupAuth({ privateKey });
    scriptLogin(env.fake, T0, 2);
    const token = await env.session.getAccessToken();

    expect(decodeJwtClaims(token)).toMatchObject({ per: ['Owner'], n: 1 });
    expect(env.signed).toEqual([
      {
        challenge: CHALLENGE,
        contextIdentifier: CONTEXT,
        subjectIdentifierType: 'certificateSubject',
        certificate: certificateInfo(),
        privateKey,
        signingTime: new Date(T0 - 60_000),
      },
    ]);
    expect(env.fake.requests.map((r) => r.operation)).toEqual([
      'POST /auth/challenge',
      'POST /auth/xades-signature',
      'GET /auth/{referenceNumber}',
      'GET /auth/{referenceNumber}',
      'GET /auth/{referenceNumber}',
      'POST /auth/token/redeem',
    ]);
    const operationToken = initBody(T0).authenticationToken.token;
    expect(env.fake.calls('GET /auth/{referenceNumber}').every((r) => r.headers.authorization === `Bearer ${operationToken}`)).toBe(true);
    expect(env.fake.calls('POST /auth/token/redeem')[0]!.headers.authorization).toBe(`Bearer ${operationToken}`);
    expect(env.clock.sleeps).toEqual([500, 1000, 1500]);
    expect(env.store.snapshot()).toEqual({ context: CONTEXT, ...tokensBody(T0), referenceNumber: AUTH_REF, method: 'certificate' });
  });

  it('asks for certificateFingerprint when the certificate names no NIP or PESEL', async () => {
    env = setupAuth({ privateKey, credentials: { certificate: certificateInfo({ identifier: null }), privateKey } });
    scriptLogin(env.fake);
    await env.session.getAccessToken();
    expect(env.signed[0]!.subjectIdentifierType).toBe('certificateFingerprint');
  });

  it('passes verifyCertificateChain on', async () => {
    env = setupAuth({ privateKey, verifyCertificateChain: true });
    scriptLogin(env.fake);
    await env.session.getAccessToken();
    expect(env.fake.calls('POST /auth/xades-signature')[0]!.url).toContain('?verifyCertificateChain=true');
  });

  it('shares one login between concurrent callers', async () => {
    env = setupAuth({ privateKey });
    scriptLogin(env.fake);
    const tokens = await Promise.all(Array.from({ length: 10 }, () => env.session.getAccessToken()));
    expect(new Set(tokens).size).toBe(1);
    expect(env.fake.calls('POST /auth/challenge')).toHaveLength(1);
    expect(env.fake.calls('POST /auth/token/redeem')).toHaveLength(1);
    expect(env.signed).toHaveLength(1);
  });

  it('then answers from memory while the access token is valid', async () => {
    env = setupAuth({ privateKey });
    scriptLogin(env.fake);
    const first = await env.session.getAccessToken();
    env.clock.advance(10 * 60_000);
    expect(await env.session.getAccessToken()).toBe(first);
    expect(env.fake.requests).toHaveLength(5);
  });
});

describe('refresh', () => {
  it('refreshes shortly before expiry, once for all callers, keeping the refresh token', async () => {
    env = setupAuth({ privateKey });
    await env.store.save(stored(T0));
    env.clock.advance(14 * 60_000 + 1); // less than the 60 s margin left
    env.fake.on('POST /auth/token/refresh', { status: 200, json: refreshBody(env.clock.now(), 2) });
    const tokens = await Promise.all([env.session.getAccessToken(), env.session.getAccessToken(), env.session.getAccessToken()]);
    expect(tokens.map((tk) => decodeJwtClaims(tk)?.n)).toEqual([2, 2, 2]);
    expect(env.fake.requests.map((r) => r.operation)).toEqual(['POST /auth/token/refresh']);
    expect(env.fake.requests[0]!.headers.authorization).toBe(`Bearer ${stored(T0).refreshToken.token}`);
    expect(env.store.snapshot()).toMatchObject({ refreshToken: stored(T0).refreshToken, accessToken: refreshBody(env.clock.now(), 2).accessToken });
  });

  it('refreshes on demand (a 401 on a token we thought valid)', async () => {
    env = setupAuth({ privateKey });
    await env.store.save(stored(T0));
    env.fake.on('POST /auth/token/refresh', { status: 200, json: refreshBody(T0, 3) });
    expect(decodeJwtClaims(await env.session.getAccessToken({ forceRefresh: true }))?.n).toBe(3);
  });

  it('logs in anew when the refresh token has expired, without trying it', async () => {
    env = setupAuth({ privateKey });
    await env.store.save(stored(T0 - 7 * 24 * 3600_000 - 1000));
    scriptLogin(env.fake, T0, 0, 5);
    expect(decodeJwtClaims(await env.session.getAccessToken())?.n).toBe(5);
    expect(env.fake.calls('POST /auth/token/refresh')).toHaveLength(0);
    expect(env.fake.calls('POST /auth/challenge')).toHaveLength(1);
  });

  it.each([
    ['401', { status: 401, json: { title: 'Unauthorized', status: 401, detail: 'Token wygasł.', timestamp: '2026-03-02T10:00:00Z' } }],
    ['400 21301 (revoked)', { status: 400, json: problem400(21301, 'Brak autoryzacji.', ['Sesja została unieważniona.']) }],
    ['400 21304', { status: 400, json: problem400(21304, 'Brak uwierzytelnienia.') }],
  ])('logs in anew when KSeF rejects the refresh token (%s), forgetting the old tokens first', async (_, reply) => {
    env = setupAuth({ privateKey });
    await env.store.save(stored(T0 - 20 * 60_000));
    env.fake.on('POST /auth/token/refresh', reply);
    scriptLogin(env.fake, T0, 0, 6);
    expect(decodeJwtClaims(await env.session.getAccessToken())?.n).toBe(6);
    expect(env.fake.calls('POST /auth/token/refresh')).toHaveLength(1);
    expect(env.store.snapshot()?.accessToken).toEqual(tokensBody(T0, { per: ['Owner'] }, 6).accessToken);
  });

  it('does not burn a new login on a network failure: the error comes back and the tokens stay', async () => {
    env = setupAuth({ privateKey });
    await env.store.save(stored(T0 - 20 * 60_000));
    env.fake.on('POST /auth/token/refresh', 'network-error');
    const error = await env.session.getAccessToken().catch((e: unknown) => e);
    expect(isKsefError(error) && error.code).toBe('NETWORK');
    expect((error as Error).message).toBe(t('pl', 'ksef_error_NETWORK'));
    expect(env.fake.calls('POST /auth/challenge')).toHaveLength(0);
    expect(env.store.snapshot()).toEqual(stored(T0 - 20 * 60_000));
  });
});

describe('stored tokens', () => {
  it.each([
    ['another context', stored(T0, { context: { type: 'Nip', value: '1111111111' } })],
    ['garbage', { accessToken: 'x' }],
  ])('ignores tokens of %s and logs in', async (_, value) => {
    env = setupAuth({ privateKey, tokenStore: createMemoryTokenStore(value as StoredTokens) });
    scriptLogin(env.fake);
    await env.session.getAccessToken();
    expect(env.fake.calls('POST /auth/challenge')).toHaveLength(1);
  });
});

describe('logout and info', () => {
  it('revokes the session in KSeF with the refresh token and forgets the tokens', async () => {
    env = setupAuth({ privateKey });
    await env.store.save(stored(T0));
    expect(await env.session.info()).toEqual({
      loggedIn: true,
      method: 'certificate',
      accessValidUntil: iso(T0 + 15 * 60_000),
      refreshValidUntil: iso(T0 + 7 * 24 * 3600_000),
      referenceNumber: AUTH_REF,
    });
    env.fake.on('DELETE /auth/sessions/current', { status: 204 });
    expect(await env.session.logout()).toEqual({ revoked: true });
    expect(env.fake.requests[0]!.headers.authorization).toBe(`Bearer ${stored(T0).refreshToken.token}`);
    expect(env.store.snapshot()).toBeNull();
    expect(await env.session.info()).toEqual({ loggedIn: false });
  });

  it('forgets the tokens even when KSeF cannot be reached', async () => {
    env = setupAuth({ privateKey, tokenStore: createMemoryTokenStore(stored(T0)) });
    env.fake.on('DELETE /auth/sessions/current', { status: 401, json: { title: 'Unauthorized', status: 401, detail: 'x', timestamp: '2026-03-02T10:00:00Z' } });
    expect(await env.session.logout()).toEqual({ revoked: false });
    expect(env.store.snapshot()).toBeNull();
  });
});

describe('createAuthSession arguments', () => {
  it.each([
    [{ credentials: {} }, '"credentials" must be { certificate, privateKey } or { ksefToken }'],
    [{ context: { type: 'Nip', value: '' } }, '"context" must be { type, value }'],
    [{ signer: 'sign' }, '"signer" must be a function'],
    [{ client: {} }, '"client" must be a KsefClient'],
  ])('rejects %j', async (override, message) => {
    env = setupAuth({ privateKey });
    const base = { client: env.client, tokenStore: env.store, credentials: { certificate: certificateInfo(), privateKey }, context: CONTEXT, signer: async () => '' };
    expect(() => createAuthSession({ ...base, ...override } as never)).toThrow(new TypeError(message));
  });

  it('needs no signer for a KSeF-token login', () => {
    env = setupAuth({ privateKey });
    expect(() => createAuthSession({ client: env.client, tokenStore: env.store, credentials: { ksefToken: 'abc' }, context: CONTEXT })).not.toThrow();
  });
});
