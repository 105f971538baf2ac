import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call, encryptKsefToken, login, pkiExpected, startChecked, submitSignature, type Checked } from './kit';

const OWNER = pkiExpected.nips.person;
const SEAL = pkiExpected.nips.seal;
const OTHER = pkiExpected.nips.other;
const MIN = 60_000;
const DAY = 86_400_000;

let t: Checked;
beforeAll(async () => {
  t = await startChecked({ seed: 'auth' });
});
afterAll(() => t.sim.stop());
afterEach(() => {
  expect(t.checker.responseViolations).toEqual([]);
  t.checker.reset();
  t.sim.admin.clearFaults();
});

async function finalStatus(ref: string, token: string) {
  const first = await call(t.sim, 'GET', `/auth/${ref}`, { token });
  const second = await call(t.sim, 'GET', `/auth/${ref}`, { token });
  return { first: first.body, second: second.body };
}

describe('the XAdES login flow (NOTES §3.1)', () => {
  it('challenge → signature → status 100 then 200 → redeem once → refresh → revoke', async () => {
    const challenge = await call(t.sim, 'POST', '/auth/challenge');
    expect(challenge.status).toBe(200);
    expect(challenge.body.challenge).toMatch(/^\d{8}-CR-[0-9A-F]{10}-[0-9A-F]{10}-[0-9A-F]{2}$/);
    expect(challenge.body.timestampMs).toBe(t.sim.state.clock.now());
    expect(challenge.body.clientIp).toBe('127.0.0.1');

    const started = await submitSignature(t.sim, 'person-tinpl-ec', OWNER, { challenge: challenge.body.challenge });
    expect(started.status).toBe(202);
    expect(started.body.referenceNumber).toMatch(/^\d{8}-AU-/);
    const op = started.body.authenticationToken.token;

    const { first, second } = await finalStatus(started.body.referenceNumber, op);
    expect(first.status).toEqual({ code: 100, description: 'Uwierzytelnianie w toku' });
    expect(second.status).toEqual({ code: 200, description: 'Uwierzytelnianie zakończone sukcesem' });
    expect(second.authenticationMethod).toBe('InternalCertificate');
    expect(second.authenticationMethodInfo).toEqual({ category: 'XadesSignature', code: 'InternalCertificate', displayName: 'Certyfikat KSeF' });
    expect(second.isTokenRedeemed).toBe(false);

    const redeemed = await call(t.sim, 'POST', '/auth/token/redeem', { token: op });
    expect(redeemed.status).toBe(200);
    const now = t.sim.state.clock.now();
    expect(Date.parse(redeemed.body.accessToken.validUntil)).toBe(Math.floor((now + 15 * MIN) / 1000) * 1000);
    expect(Date.parse(redeemed.body.refreshToken.validUntil)).toBe(Math.floor((now + 7 * DAY) / 1000) * 1000);
    const claims = JSON.parse(Buffer.from(redeemed.body.accessToken.token.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ typ: 'ContextToken', cit: 'Nip', civ: OWNER, aum: 'InternalCertificate', per: ['Owner'] });
    expect(claims.exp - claims.iat).toBe(15 * 60);

    const again = await call(t.sim, 'POST', '/auth/token/redeem', { token: op });
    expect(again.status).toBe(400);
    expect(again.body.exception.exceptionDetailList[0]).toEqual({
      exceptionCode: 21301,
      exceptionDescription: 'Brak autoryzacji.',
      details: [`Tokeny dla operacji uwierzytelniania ${started.body.referenceNumber} zostały już pobrane.`],
    });

    const status = await call(t.sim, 'GET', `/auth/${started.body.referenceNumber}`, { token: op });
    expect(status.body.isTokenRedeemed).toBe(true);
    expect(status.body.refreshTokenValidUntil).toBe(redeemed.body.refreshToken.validUntil);

    const refreshed = await call(t.sim, 'POST', '/auth/token/refresh', { token: redeemed.body.refreshToken.token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.accessToken.token).not.toBe(redeemed.body.accessToken.token);

    const revoke = await call(t.sim, 'DELETE', '/auth/sessions/current', { token: redeemed.body.accessToken.token });
    expect(revoke.status).toBe(204);
    const afterRevoke = await call(t.sim, 'POST', '/auth/token/refresh', { token: redeemed.body.refreshToken.token });
    expect(afterRevoke.status).toBe(400);
    expect(afterRevoke.body.exception.exceptionDetailList[0].exceptionCode).toBe(21301);
    expect((await call(t.sim, 'GET', `/auth/${started.body.referenceNumber}`, { token: op })).body.status.code).toBe(425);
    // Access tokens live until exp even after revocation (NOTES §3.7).
    expect((await call(t.sim, 'GET', '/rate-limits', { token: redeemed.body.accessToken.token })).status).toBe(200);
  });

  it('the refresh token is not extended by refreshing; access and refresh tokens expire on the simulator clock', async () => {
    const tokens = await login(t.sim, 'person-tinpl-ec', OWNER);
    const redeemedAt = t.sim.state.clock.now();
    t.sim.admin.advanceClock(6 * DAY);
    const refreshed = await call(t.sim, 'POST', '/auth/token/refresh', { token: tokens.refreshToken });
    expect(refreshed.status).toBe(200);
    const status = await call(t.sim, 'GET', '/rate-limits', { token: tokens.accessToken });
    expect(status.status).toBe(401);
    expect(status.headers.get('content-type')).toContain('application/problem+json');
    expect(status.body).toMatchObject({ title: 'Unauthorized', status: 401, detail: 'Token uwierzytelniający wygasł.' });
    const op = t.sim.state.authOperations.get(tokens.referenceNumber);
    expect(op?.refreshTokenValidUntil).toBe(Math.floor((redeemedAt + 7 * DAY) / 1000) * 1000);
    t.sim.admin.advanceClock(DAY + MIN);
    const late = await call(t.sim, 'POST', '/auth/token/refresh', { token: tokens.refreshToken });
    expect(late.status).toBe(401);
    expect(late.body.detail).toBe('Token uwierzytelniający wygasł.');
  });

  it('token lifetimes are configurable', async () => {
    const short = await startChecked({ seed: 'short', tokenLifetimes: { accessMs: 2 * MIN, refreshMs: 10 * MIN } });
    try {
      const tokens = await login(short.sim, 'person-tinpl-ec', OWNER);
      const claims = JSON.parse(Buffer.from(tokens.accessToken.split('.')[1] as string, 'base64url').toString());
      expect(claims.exp - claims.iat).toBe(120);
      short.sim.admin.advanceClock(11 * MIN);
      expect((await call(short.sim, 'POST', '/auth/token/refresh', { token: tokens.refreshToken })).status).toBe(401);
      expect(short.checker.responseViolations).toEqual([]);
    } finally {
      await short.sim.stop();
    }
  });

  it('uses the wrong kind of token → 401 with a problem+json body', async () => {
    const tokens = await login(t.sim, 'person-tinpl-ec', OWNER);
    const answer = await call(t.sim, 'POST', '/auth/token/refresh', { token: tokens.accessToken });
    expect(answer.status).toBe(401);
    expect(answer.body.detail).toBe('Token nie jest przeznaczony do tej operacji.');
    const forged = `${tokens.accessToken.slice(0, -4)}AAAA`;
    expect((await call(t.sim, 'GET', '/rate-limits', { token: forged })).body.detail).toBe('Nieprawidłowy token uwierzytelniający.');
  });
});

describe('challenges (NOTES §3.2)', () => {
  it('work once', async () => {
    const first = await submitSignature(t.sim, 'person-tinpl-ec', OWNER);
    expect(first.status).toBe(202);
    const reused = await submitSignature(t.sim, 'person-tinpl-ec', OWNER, { challenge: first.challenge });
    expect(reused.status).toBe(400);
    expect(reused.body.exception.exceptionDetailList[0]).toEqual({
      exceptionCode: 21111,
      exceptionDescription: 'Nieprawidłowe wyzwanie autoryzacyjne.',
      details: ['Wyzwanie autoryzacyjne zostało już użyte.'],
    });
  });

  it('expire after 10 minutes', async () => {
    const fresh = (await call(t.sim, 'POST', '/auth/challenge')).body.challenge;
    t.sim.admin.advanceClock(10 * MIN + 1);
    const late = await submitSignature(t.sim, 'person-tinpl-ec', OWNER, { challenge: fresh });
    expect(late.status).toBe(400);
    expect(late.body.exception.exceptionDetailList[0].exceptionCode).toBe(21111);
    expect(late.body.exception.exceptionDetailList[0].details).toEqual(['Wyzwanie autoryzacyjne jest nieznane lub wygasło.']);
  });

  it('an unknown challenge is 21111 in problem-details format when asked', async () => {
    const challenge = (await call(t.sim, 'POST', '/auth/challenge')).body.challenge;
    const bogus = `${challenge.slice(0, 12)}0000000000${challenge.slice(22)}`;
    const answer = await submitSignature(t.sim, 'person-tinpl-ec', OWNER, { challenge: bogus });
    expect(answer.status).toBe(400);
    expect(answer.body.exception.exceptionDetailList[0].exceptionCode).toBe(21111);
  });
});

describe('identity, certificates and permissions', () => {
  it.each([
    ['other-nip-ec', OWNER, 415, ['Brak przypisanych uprawnień']],
    ['expired-ec', OWNER, 460, ['Nieważny certyfikat']],
    ['not-yet-valid-ec', OWNER, 460, ['Nieważny certyfikat']],
    ['offline-ec', OWNER, 460, ['Niepoprawny certyfikat']],
  ])('%s in context %s ends with status %i', async (fixture, context, code, details) => {
    const started = await submitSignature(t.sim, fixture, context);
    expect(started.status).toBe(202);
    const { first, second } = await finalStatus(started.body.referenceNumber, started.body.authenticationToken.token);
    expect(first.status.code).toBe(100);
    expect(second.status.code).toBe(code);
    expect(second.status.details).toEqual(details);
    const redeem = await call(t.sim, 'POST', '/auth/token/redeem', { token: started.body.authenticationToken.token });
    expect(redeem.body.exception.exceptionDetailList[0]).toEqual({
      exceptionCode: 21301,
      exceptionDescription: 'Brak autoryzacji.',
      details: [`Status uwierzytelniania (${code}) nie pozwala na pobranie tokenów.`],
    });
  });

  it('the seal (VATPL) is Owner of its NIP, as a qualified seal', async () => {
    const started = await submitSignature(t.sim, 'seal-vatpl-ec', SEAL);
    const { second } = await finalStatus(started.body.referenceNumber, started.body.authenticationToken.token);
    expect(second.status.code).toBe(200);
    expect(second.authenticationMethod).toBe('InternalCertificate');
  });

  it('grants set through the admin API let another person in, with exactly those permissions', async () => {
    t.sim.admin.setGrants({ context: OWNER, identity: { type: 'Nip', value: OTHER }, permissions: ['InvoiceRead', 'Introspection'] });
    const tokens = await login(t.sim, 'other-nip-ec', OWNER);
    const claims = JSON.parse(Buffer.from(tokens.accessToken.split('.')[1] as string, 'base64url').toString());
    expect(claims.per).toEqual(['InvoiceRead', 'Introspection']);
    const grants = await call(t.sim, 'POST', '/permissions/query/personal/grants?pageOffset=0&pageSize=10', { token: tokens.accessToken, json: {} });
    expect(grants.status).toBe(200);
    expect(grants.body.permissions.map((p: { permissionScope: string }) => p.permissionScope).sort()).toEqual(['Introspection', 'InvoiceRead']);
    expect(grants.body.permissions[0].authorizedIdentifier).toEqual({ type: 'Nip', value: OTHER });
    expect(grants.body.hasMore).toBe(false);
    // InvoiceRead is not InvoiceWrite: opening a session is forbidden.
    const open = await call(t.sim, 'POST', '/sessions/online', {
      token: tokens.accessToken,
      json: { formCode: { systemCode: 'FA (3)', schemaVersion: '1-0E', value: 'FA' }, encryption: { encryptedSymmetricKey: 'AAAA', initializationVector: 'AAAAAAAAAAAAAAAAAAAAAA==' } },
    });
    expect(open.status).toBe(403);
    expect(open.body).toMatchObject({
      title: 'Forbidden',
      status: 403,
      reasonCode: 'missing-permissions',
      security: { requiredAnyOfPermissions: ['InvoiceWrite', 'PefInvoiceWrite', 'EnforcementOperations'], presentPermissions: ['InvoiceRead', 'Introspection'] },
    });
    // Revoking the grants: the next refresh carries no permissions (NOTES §3.7).
    t.sim.admin.setGrants({ context: OWNER, identity: { type: 'Nip', value: OTHER }, permissions: [] });
    const refreshed = await call(t.sim, 'POST', '/auth/token/refresh', { token: tokens.refreshToken });
    const after = JSON.parse(Buffer.from(refreshed.body.accessToken.token.split('.')[1], 'base64url').toString());
    expect(after.per).toEqual([]);
  });

  it('a certificate without NIP/PESEL logs in by fingerprint once the fingerprint is granted', async () => {
    const fingerprint = (pkiExpected.certificates['no-identifier-ec'] as { fingerprintSha256: string }).fingerprintSha256;
    const bySubject = await submitSignature(t.sim, 'no-identifier-ec', OWNER);
    expect(bySubject.status).toBe(400);
    expect(bySubject.body.exception.exceptionDetailList[0].exceptionCode).toBe(21406);
    t.sim.admin.setGrants({ context: OWNER, identity: { type: 'Fingerprint', value: fingerprint }, permissions: ['InvoiceRead'] });
    const started = await submitSignature(t.sim, 'no-identifier-ec', OWNER, { subjectIdentifierType: 'certificateFingerprint' });
    const { second } = await finalStatus(started.body.referenceNumber, started.body.authenticationToken.token);
    expect(second.status.code).toBe(200);
  });

  it('verifyCertificateChain=true on TEST refuses a self-signed certificate with 460', async () => {
    const started = await submitSignature(t.sim, 'self-signed-ec', OWNER, { query: '?verifyCertificateChain=true' });
    const { second } = await finalStatus(started.body.referenceNumber, started.body.authenticationToken.token);
    expect(second.status).toEqual({
      code: 460,
      description: 'Uwierzytelnianie zakończone niepowodzeniem z powodu błędu certyfikatu',
      details: ['Niezaufany łańcuch certyfikatów'],
    });
  });

  it('a tampered document is 9105 and an unsigned one 9102', async () => {
    const challenge = (await call(t.sim, 'POST', '/auth/challenge')).body.challenge;
    const signed = await submitSignature(t.sim, 'person-tinpl-ec', OWNER, { challenge });
    expect(signed.status).toBe(202);
    const unsigned = `<?xml version="1.0" encoding="utf-8"?><AuthTokenRequest xmlns="http://ksef.mf.gov.pl/auth/token/2.0"><Challenge>${challenge}</Challenge><ContextIdentifier><Nip>${OWNER}</Nip></ContextIdentifier><SubjectIdentifierType>certificateSubject</SubjectIdentifierType></AuthTokenRequest>`;
    const answer = await call(t.sim, 'POST', '/auth/xades-signature', { body: unsigned, headers: { 'Content-Type': 'application/xml' } });
    expect(answer.status).toBe(400);
    expect(answer.body.exception.exceptionDetailList[0]).toMatchObject({ exceptionCode: 9102, exceptionDescription: 'Brak podpisu.' });
  });

  it('a wrong Content-Type is 415, bytes that are not UTF-8 are 21217', async () => {
    const wrongType = await call(t.sim, 'POST', '/auth/xades-signature', { body: '<a/>', headers: { 'Content-Type': 'application/json' } });
    expect(wrongType.status).toBe(415);
    expect(wrongType.body.detail).toBe('Wymagany nagłówek Content-Type: application/xml.');
    const latin2 = await call(t.sim, 'POST', '/auth/xades-signature', { body: new Uint8Array([0x3c, 0x61, 0xb3, 0x3e]), headers: { 'Content-Type': 'application/xml' } });
    expect(latin2.status).toBe(400);
    expect(latin2.body.exception.exceptionDetailList[0].exceptionCode).toBe(21217);
  });
});

describe('environments (NOTES §4.2–4.3)', () => {
  it.each([
    ['production', 'self-signed-ec', 400, 'Certyfikat samopodpisany nie jest akceptowany w tym środowisku.'],
    ['production', 'person-tinpl-ec', 400, 'Wystawca certyfikatu nie jest zaufany: CN=TEST CCK KSeF,OU=Krajowa Administracja Skarbowa,O=Ministerstwo Finansów,C=PL.'],
    ['demo', 'self-signed-ec', 400, 'Certyfikat samopodpisany nie jest akceptowany w tym środowisku.'],
    ['production', 'person-tinpl-prod-ec', 202, null],
    ['test', 'person-tinpl-prod-ec', 400, 'Wystawca certyfikatu nie jest zaufany: CN=CCK KSeF,OU=Krajowa Administracja Skarbowa,O=Ministerstwo Finansów,C=PL.'],
    ['test', 'self-signed-ec', 202, null],
  ] as const)('%s: %s → %i', async (environment, fixture, status, detail) => {
    const env = await startChecked({ seed: `env-${environment}`, environment });
    try {
      const answer = await submitSignature(env.sim, fixture, OWNER);
      expect(answer.status).toBe(status);
      if (detail) expect(answer.body.exception.exceptionDetailList[0]).toEqual({ exceptionCode: 21115, exceptionDescription: 'Nieprawidłowy certyfikat.', details: [detail] });
      expect(env.checker.responseViolations).toEqual([]);
    } finally {
      await env.sim.stop();
    }
  });

  it('trustedIssuers extends what an environment accepts', async () => {
    const issuer = 'CN=TEST CCK KSeF,OU=Krajowa Administracja Skarbowa,O=Ministerstwo Finansów,C=PL';
    const env = await startChecked({ seed: 'trusted', environment: 'production', trustedIssuers: [issuer] });
    try {
      expect((await submitSignature(env.sim, 'person-tinpl-ec', OWNER)).status).toBe(202);
    } finally {
      await env.sim.stop();
    }
  });
});

describe('KSeF token authentication (NOTES §5)', () => {
  it.each([
    ['the right token and timestamp → 200', true, true, 200],
    ['a wrong timestamp → 450', true, false, 450],
    ['an unknown token → 450', false, true, 450],
  ])('%s', async (_name, knownToken, rightTime, code) => {
    const { token } = t.sim.admin.addKsefToken({ context: OWNER, permissions: ['InvoiceRead'] });
    const challenge = (await call(t.sim, 'POST', '/auth/challenge')).body;
    const secret = knownToken ? token : `${token}x`;
    const ts = rightTime ? challenge.timestampMs : challenge.timestampMs + 1;
    const body = { challenge: challenge.challenge, contextIdentifier: { type: 'Nip', value: OWNER }, ...(await encryptKsefToken(t.sim, `${secret}|${ts}`)) };
    const started = await call(t.sim, 'POST', '/auth/ksef-token', { json: body });
    expect(started.status).toBe(202);
    const { second } = await finalStatus(started.body.referenceNumber, started.body.authenticationToken.token);
    expect(second.status.code).toBe(code);
    expect(second.authenticationMethodInfo.category).toBe('Token');
    expect(t.checker.requestViolations).toEqual([]);
  });

  it('an unknown publicKeyId is 21470', async () => {
    const challenge = (await call(t.sim, 'POST', '/auth/challenge')).body;
    const body = { challenge: challenge.challenge, contextIdentifier: { type: 'Nip', value: OWNER }, encryptedToken: 'AAAA', publicKeyId: Buffer.alloc(32).toString('base64') };
    const answer = await call(t.sim, 'POST', '/auth/ksef-token', { json: body, headers: { 'X-Error-Format': 'problem-details' } });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body.errors).toEqual([
      { code: 21470, description: 'Przesłany identyfikator klucza jest nieznany lub wskazuje na wycofany klucz.', details: [`Klucz o identyfikatorze ${body.publicKeyId} nie jest wspierany.`] },
    ]);
  });
});
