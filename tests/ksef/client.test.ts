import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKsefClient, type KsefClient } from '../../lib/ksef/client';
import type { SystemWarning } from '../../lib/ksef/system-warning';
import { t } from '../../lib/i18n';
import { createFakeClock, createFakeKsef, T0, type FakeClock, type FakeKsef, caught } from './fake-ksef';
import {
  AUTH_REF,
  CHALLENGE,
  INVOICE_REF,
  KSEF_NUMBER,
  NIP,
  SESSION_REF,
  UPO_REF,
  challengeBody,
  initBody,
  iso,
  makeJwt,
  metadataBody,
  refreshBody,
  statusBody,
  tokensBody,
} from './samples';

const TOKEN = makeJwt({ per: ['Owner'] });
const HASH_OF = (text: string) => createHash('sha256').update(text).digest('base64');

let fake: FakeKsef;
let clock: FakeClock;
let client: KsefClient;

beforeEach(() => {
  fake = createFakeKsef();
  clock = createFakeClock();
  client = createKsefClient({ environment: 'test' }, { fetch: fake.fetch, clock, random: () => 0.5 });
});

afterEach(() => {
  // Every request the client sent must validate against openapi.json's request schemas.
  expect(fake.problems).toEqual([]);
});


describe('createKsefClient', () => {
  it.each([
    [{ environment: 'test' as const }, 'https://api-test.ksef.mf.gov.pl/v2'],
    [{ environment: 'demo' as const }, 'https://api-demo.ksef.mf.gov.pl/v2'],
    [{ environment: 'production' as const }, 'https://api.ksef.mf.gov.pl/v2'],
    [{ baseUrl: 'http://127.0.0.1:8123/v2/' }, 'http://127.0.0.1:8123/v2'],
  ])('resolves %j to %s', (target, base) => {
    expect(createKsefClient(target, { fetch: fake.fetch }).baseUrl).toBe(base);
  });

  it.each([
    [{ environment: 'prod' }, '"environment" must be one of test, demo, production'],
    [{ baseUrl: 'http://ksef.example.com/v2' }, '"baseUrl" must be an https URL (or http on 127.0.0.1/localhost) without query or credentials'],
    [{ baseUrl: 'not a url' }, '"baseUrl" must be an absolute URL'],
  ])('rejects the target %j', (target, message) => {
    expect(() => createKsefClient(target as never)).toThrow(new TypeError(message));
  });

  it('refuses a timeout above 25 s', () => {
    expect(() => createKsefClient({ environment: 'test' }, { timeoutMs: 30_000 })).toThrow(
      new TypeError('"timeoutMs" must be an integer from 1 to 25000'),
    );
  });
});

describe('operations', () => {
  const xml = '<?xml version="1.0" encoding="utf-8"?><Faktura>zażółć</Faktura>';
  const sendBody = {
    invoiceHash: 'EbrK4cOSjW4hEpJaHU71YXSOZZmqP5++dK9nLgTzgV4=',
    invoiceSize: 6480,
    encryptedInvoiceHash: 'miYb1z3Ljw5VucTZslv3Tlt+V/EK1V8Q8evD8HMQ0dc=',
    encryptedInvoiceSize: 6496,
    encryptedInvoiceContent: 'AAAA',
    offlineMode: false,
  };
  const openBody = {
    formCode: { systemCode: 'FA (3)', schemaVersion: '1-0E', value: 'FA' },
    encryption: {
      encryptedSymmetricKey: 'AAAA',
      initializationVector: 'OmtDQdl6vkOI1GLKZSjgEg==',
      publicKeyId: 'tmtCidSRzR4fvNpLU5hMOM6FzamxJf0BBR8IkXIAwsY=',
    },
  };
  const xmlReply = { status: 200, text: xml, headers: { 'content-type': 'application/xml', 'x-ms-meta-hash': HASH_OF(xml) } };
  const sessionStatus = {
    status: { code: 200, description: 'Sesja interaktywna przetworzona pomyślnie' },
    dateCreated: '2026-03-02T10:00:00+00:00',
    dateUpdated: '2026-03-02T10:01:00+00:00',
    upo: { pages: [{ referenceNumber: UPO_REF, downloadUrl: 'https://api-test.ksef.mf.gov.pl/storage/x?sig=1', downloadUrlExpirationDate: '2026-03-05T10:00:00+00:00' }] },
    invoiceCount: 1,
    successfulInvoiceCount: 1,
    failedInvoiceCount: 0,
  };
  const invoiceStatus = {
    ordinalNumber: 1,
    referenceNumber: INVOICE_REF,
    ksefNumber: KSEF_NUMBER,
    invoiceHash: sendBody.invoiceHash,
    invoicingDate: '2026-03-02T10:00:00+00:00',
    status: { code: 200, description: 'Sukces' },
  };
  const limits = Object.fromEntries(
    ['onlineSession', 'batchSession', 'invoiceSend', 'invoiceStatus', 'sessionList', 'sessionInvoiceList', 'sessionMisc', 'invoiceMetadata', 'invoiceExport', 'invoiceExportStatus', 'invoiceDownload', 'other'].map((k) => [k, { perSecond: 10, perMinute: 30, perHour: 120 }]),
  );

  // [what, operation, reply, call, expected URL suffix, bearer, expected result subset]
  const table: [string, string, object, (c: KsefClient) => Promise<unknown>, string, string | null, unknown][] = [
    ['challenge', 'POST /auth/challenge', { status: 200, json: challengeBody(T0) }, (c) => c.auth.challenge(), '/auth/challenge', null, { challenge: CHALLENGE, timestampMs: T0 }],
    ['xades submit', 'POST /auth/xades-signature', { status: 202, json: initBody(T0) }, (c) => c.auth.submitXades('<AuthTokenRequest/>', { verifyCertificateChain: false }), '/auth/xades-signature?verifyCertificateChain=false', null, { referenceNumber: AUTH_REF }],
    ['token submit', 'POST /auth/ksef-token', { status: 202, json: initBody(T0) }, (c) => c.auth.submitKsefToken({ challenge: CHALLENGE, contextIdentifier: { type: 'Nip', value: NIP }, encryptedToken: 'AAAA', publicKeyId: 'QIoAK/Yc3s27Z4t3SZY4Mhp8JNLH7Vl4N3lNlJAEig8=' }), '/auth/ksef-token', null, { referenceNumber: AUTH_REF }],
    ['auth status', 'GET /auth/{referenceNumber}', { status: 200, json: statusBody(200) }, (c) => c.auth.status(AUTH_REF, TOKEN), `/auth/${AUTH_REF}`, TOKEN, { status: { code: 200, description: 'x' } }],
    ['redeem', 'POST /auth/token/redeem', { status: 200, json: tokensBody(T0) }, (c) => c.auth.redeem(TOKEN), '/auth/token/redeem', TOKEN, { refreshToken: { validUntil: iso(T0 + 7 * 24 * 3600_000) } }],
    ['refresh', 'POST /auth/token/refresh', { status: 200, json: refreshBody(T0) }, (c) => c.auth.refresh(TOKEN), '/auth/token/refresh', TOKEN, { accessToken: { validUntil: iso(T0 + 900_000) } }],
    ['revoke', 'DELETE /auth/sessions/current', { status: 204 }, (c) => c.auth.revokeCurrent(TOKEN), '/auth/sessions/current', TOKEN, undefined],
    ['public keys', 'GET /security/public-key-certificates', { status: 200, json: [{ certificate: 'MIIB', certificateId: 'c2l2dHhpcA==', publicKeyId: 'dG10Q2lk', validFrom: iso(T0), validTo: iso(T0 + 1), usage: ['KsefTokenEncryption'] }] }, (c) => c.security.publicKeyCertificates(), '/security/public-key-certificates', null, [{ usage: ['KsefTokenEncryption'] }]],
    ['grants', 'POST /permissions/query/personal/grants', { status: 200, json: { permissions: [], hasMore: false } }, (c) => c.permissions.personalGrants({ permissionState: 'Active' }, TOKEN), '/permissions/query/personal/grants?pageOffset=0&pageSize=100', TOKEN, { hasMore: false }],
    ['metadata', 'POST /invoices/query/metadata', { status: 200, json: metadataBody(2) }, (c) => c.invoices.queryMetadata({ subjectType: 'Subject2', dateRange: { dateType: 'PermanentStorage', from: '2026-03-01T00:00:00+01:00', restrictToPermanentStorageHwmDate: true } }, { pageOffset: 1, pageSize: 250, sortOrder: 'Asc' }, TOKEN), '/invoices/query/metadata?sortOrder=Asc&pageOffset=1&pageSize=250', TOKEN, { hasMore: false, isTruncated: false }],
    ['download', 'GET /invoices/ksef/{ksefNumber}', xmlReply, (c) => c.invoices.download(KSEF_NUMBER, TOKEN), `/invoices/ksef/${KSEF_NUMBER}`, TOKEN, { xml, hash: HASH_OF(xml), headerHash: HASH_OF(xml) }],
    ['open session', 'POST /sessions/online', { status: 201, json: { referenceNumber: SESSION_REF, validUntil: iso(T0 + 12 * 3600_000) } }, (c) => c.sessions.openOnline(openBody, TOKEN), '/sessions/online', TOKEN, { referenceNumber: SESSION_REF }],
    ['send invoice', 'POST /sessions/online/{referenceNumber}/invoices', { status: 202, json: { referenceNumber: INVOICE_REF } }, (c) => c.sessions.sendInvoice(SESSION_REF, sendBody, TOKEN), `/sessions/online/${SESSION_REF}/invoices`, TOKEN, { referenceNumber: INVOICE_REF }],
    ['close session', 'POST /sessions/online/{referenceNumber}/close', { status: 204 }, (c) => c.sessions.closeOnline(SESSION_REF, TOKEN), `/sessions/online/${SESSION_REF}/close`, TOKEN, undefined],
    ['session status', 'GET /sessions/{referenceNumber}', { status: 200, json: sessionStatus }, (c) => c.sessions.status(SESSION_REF, TOKEN), `/sessions/${SESSION_REF}`, TOKEN, { invoiceCount: 1 }],
    ['invoice status', 'GET /sessions/{referenceNumber}/invoices/{invoiceReferenceNumber}', { status: 200, json: invoiceStatus }, (c) => c.sessions.invoiceStatus(SESSION_REF, INVOICE_REF, TOKEN), `/sessions/${SESSION_REF}/invoices/${INVOICE_REF}`, TOKEN, { ksefNumber: KSEF_NUMBER }],
    ['invoice UPO', 'GET /sessions/{referenceNumber}/invoices/{invoiceReferenceNumber}/upo', xmlReply, (c) => c.sessions.invoiceUpo(SESSION_REF, INVOICE_REF, TOKEN), `/sessions/${SESSION_REF}/invoices/${INVOICE_REF}/upo`, TOKEN, { xml }],
    ['UPO by KSeF number', 'GET /sessions/{referenceNumber}/invoices/ksef/{ksefNumber}/upo', xmlReply, (c) => c.sessions.invoiceUpoByKsefNumber(SESSION_REF, KSEF_NUMBER, TOKEN), `/sessions/${SESSION_REF}/invoices/ksef/${KSEF_NUMBER}/upo`, TOKEN, { xml }],
    ['UPO page', 'GET /sessions/{referenceNumber}/upo/{upoReferenceNumber}', xmlReply, (c) => c.sessions.upoPage(SESSION_REF, UPO_REF, TOKEN), `/sessions/${SESSION_REF}/upo/${UPO_REF}`, TOKEN, { xml }],
    ['rate limits', 'GET /rate-limits', { status: 200, json: limits }, (c) => c.rateLimits(TOKEN), '/rate-limits', TOKEN, { other: { perHour: 120 } }],
  ];

  it.each(table)('%s: sends %s as openapi.json describes and parses the answer', async (_, operation, reply, call, suffix, bearer, expected) => {
    fake.on(operation, reply as never);
    const result = await call(client);
    expect(fake.requests).toHaveLength(1);
    const [req] = fake.requests;
    expect(req!.operation).toBe(operation);
    expect(req!.url).toBe(`https://api-test.ksef.mf.gov.pl/v2${suffix}`);
    expect(req!.headers.authorization).toBe(bearer ? `Bearer ${bearer}` : undefined);
    expect(req!.headers['x-error-format']).toBe('problem-details');
    if (expected === undefined) expect(result).toBeUndefined();
    else expect(result).toMatchObject(expected as object);
  });

  it('sends the signed XML byte for byte as application/xml', async () => {
    fake.on('POST /auth/xades-signature', { status: 202, json: initBody(T0) });
    const signed = '<AuthTokenRequest xmlns="http://ksef.mf.gov.pl/auth/token/2.0"><Challenge>ą</Challenge></AuthTokenRequest>';
    await client.auth.submitXades(signed);
    expect(fake.requests[0]!.headers['content-type']).toBe('application/xml');
    expect(fake.requests[0]!.body).toBe(signed);
    expect(fake.requests[0]!.url).not.toContain('verifyCertificateChain');
  });

  it('reports each X-System-Warning notice, to the deps listener and to added ones', async () => {
    const fromDeps: SystemWarning[] = [];
    const added: SystemWarning[] = [];
    client = createKsefClient({ environment: 'test' }, { fetch: fake.fetch, clock, onSystemWarning: (w) => fromDeps.push(w) });
    const stop = client.onSystemWarning((w) => added.push(w));
    client.onSystemWarning(() => {
      throw new Error('a broken listener');
    });
    const header = '[sig-001]: Format podpisu niezgodny z akceptowanymi profilami XAdES | [abc-2]: drugi';
    fake.on('POST /auth/challenge', { status: 200, json: challengeBody(T0), headers: { 'X-System-Warning': header } });
    await client.auth.challenge();
    const expected = [
      { code: 'sig-001', message: 'Format podpisu niezgodny z akceptowanymi profilami XAdES', operation: 'POST /auth/challenge' },
      { code: 'abc-2', message: 'drugi', operation: 'POST /auth/challenge' },
    ];
    expect(fromDeps).toEqual(expected);
    expect(added).toEqual(expected);
    stop();
    await client.auth.challenge();
    expect(added).toHaveLength(2);
    expect(fromDeps).toHaveLength(4);
  });

  it.each<[(c: KsefClient) => Promise<unknown>, string]>([
    [(c: KsefClient) => c.auth.status('short', TOKEN), '"referenceNumber" must be a 36-character KSeF reference number'],
    [(c: KsefClient) => c.auth.redeem(''), '"authenticationToken" must be a non-empty token without spaces'],
    [(c: KsefClient) => c.invoices.download('FV/1/2026', TOKEN), '"ksefNumber" must be a KSeF number (NNNNNNNNNN-YYYYMMDD-XXXXXXXXXXXX-CC)'],
    [(c: KsefClient) => c.invoices.queryMetadata({} as never, { pageSize: 5 }, TOKEN), '"pageSize" must be an integer from 10 to 250'],
    [(c: KsefClient) => c.invoices.queryMetadata({} as never, { sortOrder: 'Up' as never }, TOKEN), '"sortOrder" must be Asc or Desc'],
    [(c: KsefClient) => c.auth.submitXades('not xml'), '"signedXml" must be an XML string'],
  ])('checks its arguments before sending anything (%#)', async (call, message) => {
    await expect(Promise.resolve().then((): Promise<unknown> => call(client))).rejects.toThrow(new TypeError(message));
    expect(fake.requests).toHaveLength(0);
  });
});

describe('downloads and x-ms-meta-hash', () => {
  const xml = '<Faktura>1</Faktura>';

  it('rejects bytes that do not match the header hash', async () => {
    fake.on('GET /invoices/ksef/{ksefNumber}', { status: 200, text: xml, headers: { 'content-type': 'application/xml', 'x-ms-meta-hash': HASH_OF('<Faktura>2</Faktura>') } });
    const error = await caught(client.invoices.download(KSEF_NUMBER, TOKEN));
    expect(error).toMatchObject({ name: 'KsefError', code: 'HASH_MISMATCH', status: 200, operation: 'GET /invoices/ksef/{ksefNumber}' });
    expect(error.message).toBe(t('pl', 'ksef_error_HASH_MISMATCH'));
    expect(error.messageEn).toBe(t('en', 'ksef_error_HASH_MISMATCH'));
  });

  it('also checks the hash the metadata announced', async () => {
    fake.on('GET /invoices/ksef/{ksefNumber}', { status: 200, text: xml, headers: { 'content-type': 'application/xml' } });
    const error = await caught(client.invoices.download(KSEF_NUMBER, TOKEN, { expectedHash: HASH_OF('other') }));
    expect(error.code).toBe('HASH_MISMATCH');
    fake.on('GET /invoices/ksef/{ksefNumber}', { status: 200, text: xml, headers: { 'content-type': 'application/xml' } });
    const ok = await client.invoices.download(KSEF_NUMBER, TOKEN, { expectedHash: HASH_OF(xml) });
    expect(ok).toMatchObject({ xml, hash: HASH_OF(xml), headerHash: null });
    expect(Array.from(ok.bytes)).toEqual(Array.from(Buffer.from(xml)));
  });
});
