import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKsefClient, type KsefClient } from '../../lib/ksef/client';
import {
  CERTIFICATE_EXCEPTIONS,
  getCertificateLimits,
  getEnrollmentData,
  getEnrollmentStatus,
  queryCertificates,
  retrieveCertificates,
  revokeCertificate,
  submitEnrollment,
  type CertificatesClient,
} from '../../lib/ksef/api-certificates';
import { t } from '../../lib/i18n';
import { caught, createFakeClock, createFakeKsef, type FakeKsef } from './fake-ksef';
import { iso, makeJwt, problem400 } from './samples';
import { T0 } from './fake-ksef';

const ENROL_REF = '20251010-EH-1B6C9EB000-4B15D3AEB9-89';
const SERIAL = '0321C82DA41B4362';
const CSR = 'MIIBBjCBrAIBADBKMQswCQYDVQQGEwJQTA==';

let fake: FakeKsef;
let ksef: KsefClient;
let tokens: string[];
let client: CertificatesClient;

beforeEach(() => {
  fake = createFakeKsef();
  ksef = createKsefClient({ environment: 'test' }, { fetch: fake.fetch, clock: createFakeClock(), random: () => 0.5 });
  tokens = [makeJwt({ n: 1 }), makeJwt({ n: 2 })];
  let n = 0;
  client = {
    ksef,
    getAccessToken: async (opts) => {
      if (opts?.forceRefresh) n += 1;
      return tokens[n]!;
    },
  };
});

afterEach(() => {
  expect(fake.problems).toEqual([]);
});

const unauthorized = { status: 401, json: { title: 'Unauthorized', status: 401, detail: 'Wymagane jest uwierzytelnienie.', timestamp: '2026-03-02T10:00:00+00:00' } };

describe('certificates client', () => {
  it('reads the limits with the bearer token, on its own "other" counter', async () => {
    fake.on('GET /certificates/limits', { status: 200, json: { canRequest: true, enrollment: { remaining: 299, limit: 300 }, certificate: { remaining: 99, limit: 100 } } });
    await expect(getCertificateLimits(client)).resolves.toEqual({
      canRequest: true,
      enrollment: { remaining: 299, limit: 300 },
      certificate: { remaining: 99, limit: 100 },
    });
    expect(fake.requests[0]!.headers.authorization).toBe(`Bearer ${tokens[0]}`);
    expect(Object.keys(ksef.rateLimiter.toJSON().windows)).toEqual(['other:GET /certificates/limits']);
  });

  it('reads the enrolment data, dropping fields KSeF may add', async () => {
    const data = { commonName: 'Jan Kowalski', countryName: 'PL', givenName: 'Jan', surname: 'Kowalski', serialNumber: 'PNOPL-80010112345', uniqueIdentifier: null };
    fake.on('GET /certificates/enrollments/data', { status: 200, json: { ...data, somethingNew: 1 }, offContract: true });
    await expect(getEnrollmentData(client)).resolves.toEqual(data);
  });

  it('refreshes the token once after a 401 and asks again', async () => {
    fake.on('GET /certificates/enrollments/data', unauthorized, { status: 200, json: { commonName: 'X', countryName: 'PL' } });
    await expect(getEnrollmentData(client)).resolves.toEqual({ commonName: 'X', countryName: 'PL' });
    expect(fake.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${tokens[0]}`, `Bearer ${tokens[1]}`]);
  });

  it('gives up after a second 401', async () => {
    fake.on('GET /certificates/limits', unauthorized);
    const error = await caught(getCertificateLimits(client));
    expect([error.code, error.status, error.operation]).toEqual(['HTTP', 401, 'GET /certificates/limits']);
    expect(fake.requests).toHaveLength(2);
  });

  it('submits an enrolment with exactly the openapi fields', async () => {
    fake.on('POST /certificates/enrollments', { status: 202, json: { referenceNumber: ENROL_REF, timestamp: iso(T0) } });
    const body = { certificateName: 'KSeF Pilot 2026-12-07', certificateType: 'Authentication' as const, csr: CSR, validFrom: iso(T0) };
    await expect(submitEnrollment(client, { ...body, extra: 1 } as never)).resolves.toEqual({ referenceNumber: ENROL_REF, timestamp: iso(T0) });
    expect(JSON.parse(fake.requests[0]!.body!)).toEqual(body);
  });

  it('never repeats an enrolment whose answer was lost (it may count against the limit)', async () => {
    fake.on('POST /certificates/enrollments', 'network-error');
    const error = await caught(submitEnrollment(client, { certificateName: 'Pilot cert', certificateType: 'Authentication', csr: CSR }));
    expect(error.code).toBe('NETWORK');
    expect(fake.requests).toHaveLength(1);
  });

  it('names a KSeF-token login refused with 25002 in words', async () => {
    fake.on('POST /certificates/enrollments', { status: 400, json: problem400(25002, 'Brak możliwości złożenia wniosku certyfikacyjnego dla wykorzystanego sposobu uwierzytelnienia.') });
    const error = await caught(submitEnrollment(client, { certificateName: 'Pilot cert', certificateType: 'Authentication', csr: CSR }));
    expect(error.hasException(CERTIFICATE_EXCEPTIONS.noEnrollmentForLogin)).toBe(true);
    expect(error.message).toBe(t('pl', 'ksef_exception_25002'));
    expect(error.messageEn).toBe(t('en', 'ksef_exception_25002'));
  });

  it.each([
    [{ certificateName: 'abc', certificateType: 'Authentication', csr: CSR }, '"certificateName" must be 5–100 letters, digits, spaces, "_" or "-"'],
    [{ certificateName: 'Name <script>', certificateType: 'Authentication', csr: CSR }, '"certificateName" must be 5–100 letters, digits, spaces, "_" or "-"'],
    [{ certificateName: 'Pilot cert', certificateType: 'Signature', csr: CSR }, '"certificateType" must be Authentication or Offline'],
    [{ certificateName: 'Pilot cert', certificateType: 'Offline', csr: '-----BEGIN' }, '"csr" must be base64 DER'],
    [{ certificateName: 'Pilot cert', certificateType: 'Offline', csr: CSR, validFrom: 'soon' }, '"validFrom" must be an ISO date-time'],
  ])('refuses the enrolment body %j before sending', (body, message) => {
    expect(() => submitEnrollment(client, body as never)).rejects.toThrow(new TypeError(message));
  });

  it('reads the enrolment status with the serial number once issued', async () => {
    fake.on(
      'GET /certificates/enrollments/{referenceNumber}',
      { status: 200, json: { requestDate: iso(T0), status: { code: 100, description: 'Wniosek przyjęty do realizacji' } } },
      { status: 200, json: { requestDate: iso(T0), status: { code: 200, description: 'Wniosek obsłużony (certyfikat wygenerowany)' }, certificateSerialNumber: SERIAL } },
    );
    expect((await getEnrollmentStatus(client, ENROL_REF)).status.code).toBe(100);
    expect(await getEnrollmentStatus(client, ENROL_REF)).toMatchObject({ status: { code: 200 }, certificateSerialNumber: SERIAL });
    expect(fake.requests[0]!.url).toBe(`https://api-test.ksef.mf.gov.pl/v2/certificates/enrollments/${ENROL_REF}`);
    await expect(getEnrollmentStatus(client, 'short')).rejects.toThrow(new TypeError('"referenceNumber" must be a 36-character KSeF reference number'));
  });

  it('retrieves certificates by serial number', async () => {
    const item = { certificate: 'MIIB', certificateName: 'Pilot cert', certificateSerialNumber: SERIAL, certificateType: 'Authentication' };
    fake.on('POST /certificates/retrieve', { status: 200, json: { certificates: [item] } });
    await expect(retrieveCertificates(client, [SERIAL])).resolves.toEqual({ certificates: [item] });
    expect(JSON.parse(fake.requests[0]!.body!)).toEqual({ certificateSerialNumbers: [SERIAL] });
    await expect(retrieveCertificates(client, [])).rejects.toThrow(new TypeError('"serialNumbers" must list 1 to 10 serial numbers'));
    await expect(retrieveCertificates(client, ['0321c82da41b4362'])).rejects.toThrow(
      new TypeError('"serialNumbers[]" must be a certificate serial number of 16 upper-case hex digits'),
    );
  });

  it('queries certificates, one page of at most 50', async () => {
    const item = {
      certificateSerialNumber: SERIAL,
      name: 'Pilot cert',
      type: 'Authentication',
      commonName: 'Jan Kowalski',
      status: 'Active',
      subjectIdentifier: { type: 'Pesel', value: '80010112345' },
      validFrom: iso(T0),
      validTo: iso(T0 + 730 * 86_400_000),
      requestDate: iso(T0),
    };
    fake.on('POST /certificates/query', { status: 200, json: { certificates: [item], hasMore: false } });
    await expect(queryCertificates(client, { status: 'Active', type: 'Authentication' })).resolves.toEqual({ certificates: [item], hasMore: false });
    expect(fake.requests[0]!.url).toBe('https://api-test.ksef.mf.gov.pl/v2/certificates/query?pageOffset=0&pageSize=50');
    expect(JSON.parse(fake.requests[0]!.body!)).toEqual({ status: 'Active', type: 'Authentication' });
    await expect(queryCertificates(client, {}, { pageSize: 100 })).rejects.toThrow(new TypeError('"pageSize" must be an integer from 10 to 50'));
  });

  it('revokes with a reason, or with an empty body', async () => {
    fake.on('POST /certificates/{certificateSerialNumber}/revoke', { status: 204 });
    await revokeCertificate(client, SERIAL, 'Superseded');
    await revokeCertificate(client, SERIAL);
    expect(fake.requests.map((r) => [r.url, JSON.parse(r.body!)])).toEqual([
      [`https://api-test.ksef.mf.gov.pl/v2/certificates/${SERIAL}/revoke`, { revocationReason: 'Superseded' }],
      [`https://api-test.ksef.mf.gov.pl/v2/certificates/${SERIAL}/revoke`, {}],
    ]);
    await expect(revokeCertificate(client, SERIAL, 'Lost' as never)).rejects.toThrow(
      new TypeError('"reason" must be Unspecified, Superseded or KeyCompromise'),
    );
  });

  it('names an already revoked certificate (25009) so the caller can treat it as done', async () => {
    fake.on('POST /certificates/{certificateSerialNumber}/revoke', {
      status: 400,
      json: problem400(25009, 'Nie można odwołać wskazanego certyfikatu, ponieważ jest już odwołany, zablokowany lub nieważny.'),
    });
    const error = await caught(revokeCertificate(client, SERIAL));
    expect(error.hasException(CERTIFICATE_EXCEPTIONS.cannotRevoke)).toBe(true);
    expect(error.message).toBe(t('pl', 'ksef_exception_25009'));
  });

  it('refuses a client without a session', async () => {
    await expect(getCertificateLimits({ ksef } as never)).rejects.toThrow(new TypeError('"client" must be { ksef: KsefClient, getAccessToken }'));
  });
});
