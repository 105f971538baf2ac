import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthError, isAuthError, type AuthErrorCode } from '../../lib/auth/errors';
import { authStatusError } from '../../lib/auth/diagnostics';
import { isKsefError } from '../../lib/ksef/errors';
import { t } from '../../lib/i18n';
import { T0 } from '../ksef/fake-ksef';
import { NIP, challengeBody, exceptionResponse, initBody, problem400, statusBody, tokensBody } from '../ksef/samples';
import { certificateInfo, scriptLogin, setupAuth, signingKey } from './setup';

let privateKey: CryptoKey;
let env: ReturnType<typeof setupAuth>;

beforeAll(async () => {
  privateKey = await signingKey();
});

afterEach(() => {
  expect(env.fake.problems).toEqual([]);
});

async function loginError(): Promise<unknown> {
  return env.session.getAccessToken().then(
    () => {
      throw new Error('expected the login to fail');
    },
    (error: unknown) => error,
  );
}

function scriptUntilStatus(code: number, description: string, details?: string[]) {
  env.fake.on('POST /auth/challenge', { status: 200, json: challengeBody(T0) });
  env.fake.on('POST /auth/xades-signature', { status: 202, json: initBody(T0) });
  env.fake.on('GET /auth/{referenceNumber}', { status: 200, json: statusBody(100, 'Uwierzytelnianie w toku') }, { status: 200, json: statusBody(code, description, details) });
  env.fake.on('POST /auth/token/redeem', { status: 200, json: tokensBody(T0) });
}

const expired = certificateInfo({ notBefore: new Date('2024-01-01T00:00:00Z'), notAfter: new Date('2026-01-31T00:00:00Z') });
const early = certificateInfo({ notBefore: new Date('2026-04-01T00:00:00Z'), notAfter: new Date('2028-04-01T00:00:00Z') });

describe('final auth statuses end in their diagnostic', () => {
  it.each([
    [415, 'Uwierzytelnianie zakończone niepowodzeniem', ['Brak przypisanych uprawnień'], undefined, 'NO_PERMISSIONS', { nip: NIP }],
    [425, 'Uwierzytelnienie unieważnione', undefined, undefined, 'AUTH_REVOKED', {}],
    [450, 'Błędny token', ['Nieprawidłowe wyzwanie autoryzacyjne'], undefined, 'TOKEN_REJECTED', { detail: 'Nieprawidłowe wyzwanie autoryzacyjne' }],
    [460, 'Błąd certyfikatu', ['Certyfikat odwołany.'], undefined, 'CERTIFICATE_REVOKED', {}],
    [460, 'Błąd certyfikatu', ['Certyfikat zawieszony'], undefined, 'CERTIFICATE_SUSPENDED', {}],
    [460, 'Błąd certyfikatu', ['Niezaufany łańcuch certyfikatów.'], undefined, 'CERTIFICATE_UNTRUSTED', { detail: 'Niezaufany łańcuch certyfikatów.' }],
    [460, 'Błąd certyfikatu', ['Błąd weryfikacji łańcucha certyfikatów.'], undefined, 'CERTIFICATE_UNTRUSTED', {}],
    [460, 'Błąd certyfikatu', ['Nieważny certyfikat.'], expired, 'CERTIFICATE_EXPIRED', { date: '2026-01-31' }],
    [460, 'Błąd certyfikatu', ['Nieważny certyfikat.'], early, 'CERTIFICATE_NOT_YET_VALID', { date: '2026-04-01' }],
    [460, 'Błąd certyfikatu', ['Niepoprawny certyfikat.'], undefined, 'CERTIFICATE_INVALID', { detail: 'Niepoprawny certyfikat.' }],
    [470, 'Uwierzytelnianie zakończone niepowodzeniem', ['Próba wykorzystania metod autoryzacyjnych osoby zmarłej'], undefined, 'DECEASED_PERSON', {}],
    [480, 'Uwierzytelnienie zablokowane', ['Podejrzenie incydentu bezpieczeństwa.'], undefined, 'BLOCKED', {}],
    [500, 'Nieznany błąd', undefined, undefined, 'KSEF_INTERNAL_ERROR', {}],
    [550, 'Operacja została anulowana przez system', ['Spróbuj ponownie'], undefined, 'CANCELLED_BY_SYSTEM', {}],
    [499, 'Coś nowego', undefined, undefined, 'UNKNOWN_STATUS', { code: 499, description: 'Coś nowego' }],
  ] as const)('status %i %j %j → %s', async (code, description, details, certificate, expected, data) => {
    env = setupAuth({ privateKey, ...(certificate ? { credentials: { certificate, privateKey } } : {}) });
    scriptUntilStatus(code, description, details ? [...details] : undefined);
    const error = await loginError();
    expect(isAuthError(error)).toBe(true);
    const e = error as AuthError;
    expect(e).toMatchObject({ name: 'AuthError', code: expected, ksefStatus: code, data: expect.objectContaining(data) });
    expect(e.message).toBe(t('pl', `auth_error_${expected}` as never, e.data));
    expect(e.messageEn).toBe(t('en', `auth_error_${expected}` as never, e.data));
    expect(env.fake.calls('POST /auth/token/redeem')).toHaveLength(0);
    expect(env.store.snapshot()).toBeNull();
  });

  it('says in words what 415 means for the user', async () => {
    env = setupAuth({ privateKey });
    scriptUntilStatus(415, 'Uwierzytelnianie zakończone niepowodzeniem', ['Brak przypisanych uprawnień']);
    const error = (await loginError()) as AuthError;
    expect(error.message).toBe(
      `KSeF nie znalazł uprawnień tego certyfikatu w organizacji o NIP ${NIP}. Sprawdź, czy NIP lub PESEL w certyfikacie należy do tej organizacji, albo poproś właściciela o nadanie uprawnień w Aplikacji Podatnika.`,
    );
  });

  it('gives up polling after a bounded time with LOGIN_PENDING', async () => {
    env = setupAuth({ privateKey, pollDelaysMs: [100, 200, 400] });
    env.fake.on('POST /auth/challenge', { status: 200, json: challengeBody(T0) });
    env.fake.on('POST /auth/xades-signature', { status: 202, json: initBody(T0) });
    env.fake.on('GET /auth/{referenceNumber}', { status: 200, json: statusBody(100, 'Uwierzytelnianie w toku') });
    const error = (await loginError()) as AuthError;
    expect(error).toMatchObject({ code: 'LOGIN_PENDING', ksefStatus: 100 });
    expect(error.message).toBe('KSeF wciąż sprawdza certyfikat. Spróbuj ponownie za kilka minut.');
    expect(env.fake.calls('GET /auth/{referenceNumber}')).toHaveLength(3);
    expect(env.clock.sleeps).toEqual([100, 200, 400]);
  });
});

describe('synchronous rejections of the signed request', () => {
  it.each([
    ['21115 (ExceptionResponse)', exceptionResponse(21115, 'Nieprawidłowy certyfikat.', ['Certyfikat samopodpisany.']), 'CERTIFICATE_NOT_ACCEPTED', 21115],
    ['9105 (problem+json)', problem400(9105, 'Nieprawidłowy podpis.', ['Format podpisu niezgodny z akceptowanymi profilami XAdES']), 'SIGNATURE_REJECTED', 9105],
    ['21111', problem400(21111, 'Nieprawidłowe wyzwanie autoryzacyjne.'), 'CHALLENGE_REJECTED', 21111],
    ['21117', problem400(21117, 'Nieprawidłowy identyfikator podmiotu dla wskazanego typu kontekstu.'), 'SUBJECT_MISMATCH', 21117],
  ] as const)('%s → %s', async (_, body, expected, exceptionCode) => {
    env = setupAuth({ privateKey });
    env.fake.on('POST /auth/challenge', { status: 200, json: challengeBody(T0) });
    env.fake.on('POST /auth/xades-signature', { status: 400, json: body, headers: 'exception' in body ? { 'content-type': 'application/json' } : {} });
    const error = (await loginError()) as AuthError;
    expect(error).toMatchObject({ name: 'AuthError', code: expected, exceptionCode, data: { nip: NIP } });
    expect(error.message).toBe(t('pl', `auth_error_${expected}` as never, error.data));
    expect(isKsefError(error.cause)).toBe(true);
    expect(env.fake.calls('POST /auth/xades-signature')).toHaveLength(1);
    expect(env.fake.calls('GET /auth/{referenceNumber}')).toHaveLength(0);
  });

  it('names the likely cause of 21115: a certificate from another environment', async () => {
    env = setupAuth({ privateKey });
    env.fake.on('POST /auth/challenge', { status: 200, json: challengeBody(T0) });
    env.fake.on('POST /auth/xades-signature', { status: 400, json: problem400(21115, 'Nieprawidłowy certyfikat.') });
    const error = (await loginError()) as AuthError;
    expect(error.message).toContain('z innego środowiska KSeF');
    expect(error.messageEn).toContain('from another KSeF environment');
  });

  it('lets other rejections through as the KsefError they are', async () => {
    env = setupAuth({ privateKey });
    env.fake.on('POST /auth/challenge', { status: 200, json: challengeBody(T0) });
    env.fake.on('POST /auth/xades-signature', { status: 400, json: problem400(21401, 'Dokument nie jest zgodny ze schemą (xsd).', ['Element Challenge.']) });
    const error = await loginError();
    expect(isKsefError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'HTTP', status: 400, exceptionCodes: [21401] });
    expect((error as Error).message).toBe('Dokument jest niezgodny ze schematem KSeF (kod 21401): Element Challenge. Jeśli to faktura, popraw ją i wyślij ponownie; w innym razie zaktualizuj rozszerzenie.');
  });
});

describe('redeem', () => {
  it('is not repeated after an answer; the next call starts a fresh login', async () => {
    env = setupAuth({ privateKey });
    env.fake.on('POST /auth/challenge', { status: 200, json: challengeBody(T0) });
    env.fake.on('POST /auth/xades-signature', { status: 202, json: initBody(T0) });
    env.fake.on('GET /auth/{referenceNumber}', { status: 200, json: statusBody(200, 'Uwierzytelnianie zakończone sukcesem') });
    env.fake.on('POST /auth/token/redeem', { status: 503, text: '', offContract: true });
    const error = await loginError();
    expect(error).toMatchObject({ name: 'KsefError', code: 'HTTP', status: 503 });
    expect(env.fake.calls('POST /auth/token/redeem')).toHaveLength(1);

    env.fake.reset();
    scriptLogin(env.fake);
    await env.session.getAccessToken();
    expect(env.fake.calls('POST /auth/challenge')).toHaveLength(1);
    expect(env.fake.calls('POST /auth/token/redeem')).toHaveLength(1);
  });
});

describe('authStatusError', () => {
  it.each([
    [{ code: 460, description: 'x', details: ['Certificate revoked'] }, 'CERTIFICATE_REVOKED'],
    [{ code: 460, description: 'x', details: ['certificate has expired'] }, 'CERTIFICATE_EXPIRED'],
    [{ code: 460, description: 'x', details: ['Certificate not yet valid'] }, 'CERTIFICATE_NOT_YET_VALID'],
    [{ code: 460, description: 'Błąd certyfikatu', details: null }, 'CERTIFICATE_INVALID'],
  ] as const)('reads English details too: %j → %s', (status, code) => {
    const error = authStatusError({ ...status, details: status.details ? [...status.details] : null }, { nip: NIP, now: T0 });
    expect(error.code).toBe(code as AuthErrorCode);
    expect(error.messageIn('en')).toBe(t('en', `auth_error_${code}` as never, error.data));
  });

  it('round-trips through JSON with its code and messages', () => {
    const error = authStatusError({ code: 415, description: 'x' }, { nip: NIP, now: T0 });
    const copy = JSON.parse(JSON.stringify(error));
    expect(isAuthError(copy)).toBe(true);
    expect(copy).toMatchObject({ code: 'NO_PERMISSIONS', ksefStatus: 415, message: error.message, messageEn: error.messageEn });
  });
});
