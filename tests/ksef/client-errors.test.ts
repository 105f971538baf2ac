import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKsefClient, type KsefClient } from '../../lib/ksef/client';
import { isKsefError } from '../../lib/ksef/errors';
import { t } from '../../lib/i18n';
import { createFakeClock, createFakeKsef, T0, type FakeClock, type FakeKsef, caught } from './fake-ksef';
import { AUTH_REF, SESSION_REF, challengeBody, exceptionResponse, makeJwt, problem400, tokensBody } from './samples';

const TOKEN = makeJwt({ per: ['Owner'] });
const SEND = {
  invoiceHash: 'EbrK4cOSjW4hEpJaHU71YXSOZZmqP5++dK9nLgTzgV4=',
  invoiceSize: 10,
  encryptedInvoiceHash: 'miYb1z3Ljw5VucTZslv3Tlt+V/EK1V8Q8evD8HMQ0dc=',
  encryptedInvoiceSize: 16,
  encryptedInvoiceContent: 'AAAA',
};

let fake: FakeKsef;
let clock: FakeClock;
let client: KsefClient;

beforeEach(() => {
  fake = createFakeKsef();
  clock = createFakeClock();
  client = createKsefClient({ environment: 'test' }, { fetch: fake.fetch, clock, random: () => 0.5 });
});

afterEach(() => {
  expect(fake.problems).toEqual([]);
});


describe('error bodies', () => {
  it('reads the default ExceptionResponse (400)', async () => {
    fake.on('GET /invoices/ksef/{ksefNumber}', {
      status: 400,
      json: exceptionResponse(21164, 'Faktura o podanym identyfikatorze nie istnieje.', ['Brak faktury.']),
      headers: { 'content-type': 'application/json' },
    });
    const error = await caught(client.invoices.download('5265877635-20260302-0100001AF629-AF', TOKEN));
    expect(error).toMatchObject({
      code: 'HTTP',
      status: 400,
      operation: 'GET /invoices/ksef/{ksefNumber}',
      exceptionCodes: [21164],
      exceptions: [{ code: 21164, description: 'Faktura o podanym identyfikatorze nie istnieje.', details: ['Brak faktury.'] }],
      details: ['Brak faktury.'],
      referenceNumber: 'a1b2c3d4-e5f6-4789-ab12-cd34ef567890',
      traceId: '00-c02cc3747020c605be02159bf3324f0e-eee7647dc67aa74a-00',
    });
    expect(error.message).toBe(t('pl', 'ksef_exception_21164'));
    expect(error.message).toContain('21164');
    expect(error.messageEn).toBe('KSeF has no invoice with this number (code 21164). Check the invoice\'s KSeF number.');
    expect(error.hasException(21164)).toBe(true);
  });

  it('reads problem+json (400) and quotes KSeF for codes without a message of ours', async () => {
    fake.on('POST /sessions/online', { status: 400, json: problem400(21157, 'Nieprawidłowy rozmiar części pakietu.', ['Za duża część.']) });
    const error = await caught(
      client.sessions.openOnline(
        { formCode: { systemCode: 'FA (3)', schemaVersion: '1-0E', value: 'FA' }, encryption: { encryptedSymmetricKey: 'AAAA', initializationVector: 'AAAA' } },
        TOKEN,
      ),
    );
    expect(error).toMatchObject({
      code: 'HTTP',
      status: 400,
      title: 'Bad Request',
      exceptionCodes: [21157],
      details: ['Żądanie jest nieprawidłowe.', 'Za duża część.'],
      traceId: '673843e023c432286660bc0501a3af44',
    });
    expect(error.message).toBe('KSeF odrzucił żądanie: Nieprawidłowy rozmiar części pakietu: Za duża część (kod 21157). Sprawdź dane i spróbuj ponownie; jeśli błąd się powtarza, zgłoś go, podając ten kod.');
    expect(error.messageIn('en')).toBe('KSeF rejected the request: Nieprawidłowy rozmiar części pakietu: Za duża część (code 21157). Check the data and try again; if it keeps happening, report it with this code.');
  });

  it('quotes KSeF\'s specific detail, not the generic description, and lists each detail once', async () => {
    const body = problem400(21405, 'Błąd walidacji danych wejściowych.', ['Zakres dat dateRange nie może przekraczać 3 miesięcy.']);
    fake.on('POST /invoices/query/metadata', { status: 400, json: { ...body, detail: 'Zakres dat dateRange nie może przekraczać 3 miesięcy.' } });
    const error = await caught(
      client.invoices.queryMetadata({ subjectType: 'Subject2', dateRange: { dateType: 'Issue', from: '2025-01-01T00:00:00Z' } }, {}, TOKEN),
    );
    expect(error.details).toEqual(['Zakres dat dateRange nie może przekraczać 3 miesięcy.']);
    expect(error.message).toBe('KSeF odrzucił dane żądania (kod 21405): Zakres dat dateRange nie może przekraczać 3 miesięcy. Sprawdź wprowadzone dane.');
    expect(error.messageEn).toBe('KSeF rejected the request data (code 21405): Zakres dat dateRange nie może przekraczać 3 miesięcy. Check the data entered.');
  });

  it('reads a 403 with reasonCode and the permissions KSeF wanted', async () => {
    fake.on('POST /invoices/query/metadata', {
      status: 403,
      json: {
        title: 'Forbidden',
        status: 403,
        detail: 'Brak wymaganych uprawnień do wykonania operacji w bieżącym kontekście.',
        instance: '/v2/invoices/query/metadata',
        reasonCode: 'missing-permissions',
        security: { requiredAnyOfPermissions: ['InvoiceRead'], presentPermissions: ['CredentialsRead'] },
        traceId: 'abc',
        timestamp: '2026-03-02T10:00:00+00:00',
      },
    });
    const error = await caught(
      client.invoices.queryMetadata({ subjectType: 'Subject2', dateRange: { dateType: 'PermanentStorage', from: '2026-03-01T00:00:00Z' } }, {}, TOKEN),
    );
    expect(error).toMatchObject({
      code: 'HTTP',
      status: 403,
      reasonCode: 'missing-permissions',
      requiredAnyOfPermissions: ['InvoiceRead'],
      presentPermissions: ['CredentialsRead'],
      traceId: 'abc',
    });
    expect(error.message).toBe(t('pl', 'ksef_forbidden_missing_permissions', { permissions: 'InvoiceRead' }));
    expect(error.message).toContain('InvoiceRead');
  });

  it.each([
    [401, { title: 'Unauthorized', status: 401, detail: 'Wymagane jest uwierzytelnienie.', timestamp: '2026-03-02T10:00:00+00:00' }, 'ksef_error_HTTP_401'],
    [410, { title: 'Gone', status: 410, instance: '/v2/auth/x', detail: 'Operacja wygasła.', timestamp: '2026-03-02T10:00:00+00:00', traceId: 't' }, 'ksef_error_HTTP_410'],
  ] as const)('gives %s its own message', async (status, body, key) => {
    fake.on('GET /auth/{referenceNumber}', { status, json: body });
    const error = await caught(client.auth.status(AUTH_REF, TOKEN));
    expect(error).toMatchObject({ code: 'HTTP', status, details: [body.detail] });
    expect(error.message).toBe(t('pl', key));
    expect(error.messageEn).toBe(t('en', key));
  });

  it('survives an unreadable error body (a WAF page)', async () => {
    fake.on('POST /auth/challenge', { status: 418, text: '<html>blocked</html>', headers: { 'content-type': 'text/html' }, offContract: true });
    const error = await caught(client.auth.challenge());
    expect(error).toMatchObject({ code: 'HTTP', status: 418, exceptionCodes: [], details: [] });
    expect(error.message).toBe('KSeF odpowiedział błędem HTTP 418. Spróbuj ponownie za kilka minut; jeśli błąd się powtarza, zgłoś go, podając ten kod.');
  });

  it('serialises to plain data that keeps code and messages', async () => {
    fake.on('POST /auth/token/redeem', { status: 400, json: problem400(21301, 'Brak autoryzacji.', ['Tokeny zostały już pobrane.']) });
    const error = await caught(client.auth.redeem(TOKEN));
    const copy = JSON.parse(JSON.stringify(error));
    expect(copy).toMatchObject({ name: 'KsefError', code: 'HTTP', status: 400, exceptions: [{ code: 21301 }], message: error.message });
    expect(isKsefError(copy)).toBe(true);
    expect(copy.message).toBe(t('pl', 'ksef_exception_21301'));
  });
});

describe('contract failures are SCHEMA errors, apart from HTTP and network ones', () => {
  it.each([
    ['a missing field', { status: 200, json: { challenge: 'x'.repeat(36), timestamp: 'now' }, offContract: true }, ['timestampMs', 'clientIp']],
    ['a wrong type', { status: 200, json: { ...challengeBody(T0), timestampMs: 'soon' }, offContract: true }, ['timestampMs']],
    ['a body that is not JSON', { status: 200, text: '<html/>', offContract: true }, ['']],
  ])('%s', async (_, reply, paths) => {
    fake.on('POST /auth/challenge', reply);
    const error = await caught(client.auth.challenge());
    expect(error).toMatchObject({ code: 'SCHEMA', status: 200, operation: 'POST /auth/challenge' });
    expect(error.issues.map((i) => i.path)).toEqual(paths);
    expect(error.message).toBe(t('pl', 'ksef_error_SCHEMA'));
    expect(fake.requests).toHaveLength(1); // a contract failure is not repeated
  });

  it('ignores unknown fields, as KSeF asks', async () => {
    fake.on('POST /auth/challenge', { status: 200, json: { ...challengeBody(T0), somethingNew: { a: 1 } }, offContract: true });
    await expect(client.auth.challenge()).resolves.not.toHaveProperty('somethingNew');
  });
});

describe('network errors, timeouts and 5xx', () => {
  it('repeats an idempotent call after network errors with growing back-off', async () => {
    fake.on('POST /auth/challenge', 'network-error', 'network-error', { status: 200, json: challengeBody(T0) });
    await expect(client.auth.challenge()).resolves.toMatchObject({ timestampMs: T0 });
    expect(fake.requests).toHaveLength(3);
    expect(clock.sleeps).toEqual([375, 750]); // 500·2^(n-1), half fixed + half × random 0.5
  });

  it('gives up after maxAttempts with a NETWORK error', async () => {
    fake.on('GET /sessions/{referenceNumber}', 'network-error');
    const error = await caught(client.sessions.status(SESSION_REF, TOKEN));
    expect(error).toMatchObject({ code: 'NETWORK', status: undefined, operation: 'GET /sessions/{referenceNumber}' });
    expect(error.message).toBe(t('pl', 'ksef_error_NETWORK'));
    expect(fake.requests).toHaveLength(3);
  });

  it('times out a hanging request and retries it', async () => {
    client = createKsefClient({ environment: 'test' }, { fetch: fake.fetch, clock, timeoutMs: 20, random: () => 0.5 });
    fake.on('POST /auth/challenge', 'hang', { status: 200, json: challengeBody(T0) });
    await expect(client.auth.challenge()).resolves.toMatchObject({ timestampMs: T0 });
    expect(fake.requests).toHaveLength(2);
  });

  it('reports TIMEOUT when every attempt hangs', async () => {
    client = createKsefClient({ environment: 'test' }, { fetch: fake.fetch, clock, timeoutMs: 10, maxAttempts: 2 });
    fake.on('POST /auth/challenge', 'hang');
    const error = await caught(client.auth.challenge());
    expect(error).toMatchObject({ code: 'TIMEOUT', operation: 'POST /auth/challenge' });
    expect(error.message).toBe(t('pl', 'ksef_error_TIMEOUT'));
    expect(error.messageEn).toBe('KSeF did not answer in time. Try again in a few minutes.');
    expect(fake.requests).toHaveLength(2);
  });

  it('repeats an idempotent call after 503, honouring a short Retry-After', async () => {
    fake.on('GET /sessions/{referenceNumber}', { status: 503, text: '', headers: { 'retry-after': '2' }, offContract: true }, {
      status: 200,
      json: { status: { code: 100, description: 'Sesja otwarta' }, dateCreated: '2026-03-02T10:00:00Z', dateUpdated: '2026-03-02T10:00:00Z' },
    });
    await expect(client.sessions.status(SESSION_REF, TOKEN)).resolves.toMatchObject({ status: { code: 100 } });
    expect(clock.sleeps).toEqual([2000]);
  });

  it('does not sit out a long Retry-After on 503: it reports when to come back', async () => {
    fake.on('GET /sessions/{referenceNumber}', { status: 503, text: '', headers: { 'retry-after': '600' }, offContract: true });
    const error = await caught(client.sessions.status(SESSION_REF, TOKEN));
    expect(error).toMatchObject({ code: 'HTTP', status: 503, retryAt: T0 + 600_000, retryAfter: 600 });
    expect(error.message).toBe(t('pl', 'ksef_error_HTTP_5xx', { status: 503 }));
    expect(fake.requests).toHaveLength(1);
  });

  describe('redeem is never repeated after an answer', () => {
    it.each([
      ['503', { status: 503, text: '', offContract: true }, 'HTTP'],
      ['500', { status: 500, text: '', offContract: true }, 'HTTP'],
      ['400 21301', { status: 400, json: problem400(21301, 'Brak autoryzacji.') }, 'HTTP'],
      ['429', { status: 429, json: { title: 'Too Many Requests', status: 429, instance: '/v2/auth/token/redeem', detail: 'x', timestamp: '2026-03-02T10:00:00Z', traceId: 't' }, headers: { 'retry-after': '1' } }, 'RATE_LIMITED'],
    ] as const)('%s', async (_, reply, code) => {
      fake.on('POST /auth/token/redeem', reply, { status: 200, json: tokensBody(T0) });
      const error = await caught(client.auth.redeem(TOKEN));
      expect(error.code).toBe(code);
      expect(fake.requests).toHaveLength(1);
    });

    it('but is repeated when no answer came at all', async () => {
      fake.on('POST /auth/token/redeem', 'network-error', { status: 200, json: tokensBody(T0) });
      await expect(client.auth.redeem(TOKEN)).resolves.toMatchObject({ refreshToken: {} });
      expect(fake.requests).toHaveLength(2);
    });
  });

  describe('sending an invoice is never repeated blindly', () => {
    it.each([
      ['a network error', 'network-error' as const, 'NETWORK'],
      ['a 503', { status: 503, text: '', offContract: true }, 'HTTP'],
      ['a 500', { status: 500, text: '', offContract: true }, 'HTTP'],
    ])('not after %s', async (_, reply, code) => {
      fake.on('POST /sessions/online/{referenceNumber}/invoices', reply, { status: 202, json: { referenceNumber: AUTH_REF } });
      const error = await caught(client.sessions.sendInvoice(SESSION_REF, SEND, TOKEN));
      expect(error.code).toBe(code);
      expect(fake.requests).toHaveLength(1);
    });

    it('only after KSeF refused it with 429, once the block is over', async () => {
      fake.on(
        'POST /sessions/online/{referenceNumber}/invoices',
        { status: 429, json: { status: { code: 429, description: 'Too Many Requests', details: ['Spróbuj za 2 s.'] } }, headers: { 'content-type': 'application/json', 'retry-after': '2' } },
        { status: 202, json: { referenceNumber: AUTH_REF } },
      );
      await expect(client.sessions.sendInvoice(SESSION_REF, SEND, TOKEN)).resolves.toEqual({ referenceNumber: AUTH_REF });
      expect(fake.requests).toHaveLength(2);
      expect(clock.sleeps).toEqual([2000]);
    });
  });
});
