// The certificate endpoints against openapi.json and NOTES §4.3: every answer is contract-checked.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as x509 from '@peculiar/x509';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readCertificate } from '../../lib/pki';
import { createKsefClient } from '../../lib/ksef';
import {
  getCertificateLimits,
  getEnrollmentData,
  getEnrollmentStatus,
  queryCertificates,
  retrieveCertificates,
  revokeCertificate,
  submitEnrollment,
} from '../../lib/ksef/api-certificates';
import { CA_NAMES } from './certificates-ca';
import { ecKeys, importEcKey, loginWith, makeCsr } from './certificates-kit';
import { call, encryptKsefToken, login, pkiExpected, startChecked, type Checked } from './kit';

const NIP = pkiExpected.nips.person;
const PESEL = '85010112345';
const DAY = 86_400_000;
let t: Checked;
let token: string;

beforeAll(async () => {
  t = await startChecked({ seed: 'certificates', now: '2026-12-07T10:00:00Z' });
});
afterAll(() => t.sim.stop());
beforeEach(async () => {
  token = (await login(t.sim, 'person-tinpl-ec', NIP)).accessToken;
});
afterEach(() => {
  expect(t.checker.responseViolations).toEqual([]);
  expect(t.checker.requestViolations).toEqual([]);
});

const errorCode = (res: { body: any }) => res.body.exception?.exceptionDetailList?.[0]?.exceptionCode;

async function enrolData(accessToken = token) {
  const res = await call(t.sim, 'GET', '/certificates/enrollments/data', { token: accessToken });
  expect(res.status).toBe(200);
  return res.body as Record<string, string>;
}

async function enrol(keys: CryptoKeyPair, body: Record<string, unknown> = {}, accessToken = token) {
  const csr = await makeCsr(await enrolData(accessToken), keys);
  return call(t.sim, 'POST', '/certificates/enrollments', { token: accessToken, json: { certificateName: 'KSeF Pilot test', certificateType: 'Authentication', csr, ...body } });
}

/** Polls until the outcome shows; returns every status answer. */
async function poll(referenceNumber: string, accessToken = token) {
  const seen = [];
  for (let i = 0; i < 5; i++) {
    const res = await call(t.sim, 'GET', `/certificates/enrollments/${referenceNumber}`, { token: accessToken });
    seen.push(res.body);
    if (res.body.status.code !== 100) break;
  }
  return seen;
}

async function issued(keys: CryptoKeyPair, body: Record<string, unknown> = {}) {
  const started = await enrol(keys, body);
  expect(started.status).toBe(202);
  const statuses = await poll(started.body.referenceNumber);
  const serial = statuses.at(-1).certificateSerialNumber as string;
  const retrieved = await call(t.sim, 'POST', '/certificates/retrieve', { token, json: { certificateSerialNumbers: [serial] } });
  return { started, statuses, serial, item: retrieved.body.certificates[0] };
}

describe('limits and enrolment data', () => {
  it('a NIP identity may make 300 requests and hold 100 certificates (NOTES §4.3)', async () => {
    const res = await call(t.sim, 'GET', '/certificates/limits', { token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ canRequest: true, enrollment: { limit: 300 }, certificate: { limit: 100 } });
  });

  it('a PESEL identity 12 and 6', async () => {
    t.sim.admin.setGrants({ context: NIP, identity: { type: 'Pesel', value: PESEL }, permissions: ['InvoiceRead'] });
    const pesel = (await login(t.sim, 'person-pnopl-ec', NIP)).accessToken;
    const res = await call(t.sim, 'GET', '/certificates/limits', { token: pesel });
    expect(res.body).toMatchObject({ canRequest: true, enrollment: { limit: 12 }, certificate: { limit: 6 } });
  });

  it('enrolment data is the DN of the certificate used to log in', async () => {
    expect(await enrolData()).toEqual({
      commonName: 'Anna Nowak',
      countryName: 'PL',
      givenName: 'Anna',
      surname: 'Nowak',
      serialNumber: `TINPL-${NIP}`,
      uniqueIdentifier: '5f1c2a4e-8c1d-4b7e-9f0a-2d3b4c5d6e7f',
    });
    const seal = (await login(t.sim, 'seal-vatpl-ec', pkiExpected.nips.seal)).accessToken;
    expect(await enrolData(seal)).toEqual({
      commonName: 'Fundacja Przykładowa',
      countryName: 'PL',
      organizationName: 'Fundacja Przykładowa',
      organizationIdentifier: `VATPL-${pkiExpected.nips.seal}`,
    });
  });
});

describe('a KSeF-token login', () => {
  let ksefToken: string;
  beforeAll(async () => {
    const { token: secret } = t.sim.admin.addKsefToken({ context: NIP, permissions: ['InvoiceRead'] });
    const challenge = (await call(t.sim, 'POST', '/auth/challenge')).body;
    const body = { challenge: challenge.challenge, contextIdentifier: { type: 'Nip', value: NIP }, ...(await encryptKsefToken(t.sim, `${secret}|${challenge.timestampMs}`)) };
    const started = await call(t.sim, 'POST', '/auth/ksef-token', { json: body });
    const op = started.body.authenticationToken.token;
    await call(t.sim, 'GET', `/auth/${started.body.referenceNumber}`, { token: op });
    await call(t.sim, 'GET', `/auth/${started.body.referenceNumber}`, { token: op });
    ksefToken = (await call(t.sim, 'POST', '/auth/token/redeem', { token: op })).body.accessToken.token;
  });

  it('gets no enrolment data (25001), cannot enrol (25002) nor revoke (403 auth-method-not-allowed)', async () => {
    const data = await call(t.sim, 'GET', '/certificates/enrollments/data', { token: ksefToken });
    expect([data.status, errorCode(data)]).toEqual([400, 25001]);
    const csr = await makeCsr({ commonName: 'Anna Nowak', countryName: 'PL' }, await ecKeys());
    const enrolled = await call(t.sim, 'POST', '/certificates/enrollments', { token: ksefToken, json: { certificateName: 'Token login', certificateType: 'Authentication', csr } });
    expect([enrolled.status, errorCode(enrolled)]).toEqual([400, 25002]);
    const revoked = await call(t.sim, 'POST', '/certificates/0321C82DA41B4362/revoke', { token: ksefToken, json: {} });
    expect([revoked.status, revoked.body.reasonCode]).toEqual([403, 'auth-method-not-allowed']);
    const limits = await call(t.sim, 'GET', '/certificates/limits', { token: ksefToken });
    expect(limits.body.canRequest).toBe(false);
  });
});

describe('enrolment requests that KSeF refuses', () => {
  it('a DN that differs from the enrolment data is 25003', async () => {
    const csr = await makeCsr({ ...(await enrolData()), commonName: 'Someone Else' }, await ecKeys());
    const res = await call(t.sim, 'POST', '/certificates/enrollments', { token, json: { certificateName: 'Wrong DN', certificateType: 'Authentication', csr } });
    expect([res.status, errorCode(res)]).toEqual([400, 25003]);
    const extra = await makeCsr({ ...(await enrolData()), organizationName: 'Extra' }, await ecKeys());
    const res2 = await call(t.sim, 'POST', '/certificates/enrollments', { token, json: { certificateName: 'Extra DN', certificateType: 'Authentication', csr: extra } });
    expect(errorCode(res2)).toBe(25003);
  });

  it('a broken signature or format is 25004, a P-384 key 25010', async () => {
    const good = Buffer.from(await makeCsr(await enrolData(), await ecKeys()), 'base64');
    good.writeUInt8(good.readUInt8(good.length - 5) ^ 0xff, good.length - 5);
    const tampered = await call(t.sim, 'POST', '/certificates/enrollments', { token, json: { certificateName: 'Tampered', certificateType: 'Authentication', csr: good.toString('base64') } });
    expect(errorCode(tampered)).toBe(25004);
    const garbage = await call(t.sim, 'POST', '/certificates/enrollments', { token, json: { certificateName: 'Garbage', certificateType: 'Authentication', csr: 'AAAA' } });
    expect(errorCode(garbage)).toBe(25004);
    const p384 = await makeCsr(await enrolData(), await ecKeys('P-384'), { name: 'ECDSA', hash: 'SHA-384' } as EcdsaParams);
    const wrongKey = await call(t.sim, 'POST', '/certificates/enrollments', { token, json: { certificateName: 'P384 key', certificateType: 'Authentication', csr: p384 } });
    expect(errorCode(wrongKey)).toBe(25010);
  });

  it('an unknown enrolment is 25005; after 30 days its status is gone (410)', async () => {
    const unknown = await call(t.sim, 'GET', '/certificates/enrollments/20261207-EH-0000000000-0000000000-00', { token });
    expect(errorCode(unknown)).toBe(25005);
    const started = await enrol(await ecKeys());
    t.sim.admin.advanceClock(31 * DAY);
    const fresh = (await login(t.sim, 'person-tinpl-ec', NIP)).accessToken;
    const res = await call(t.sim, 'GET', `/certificates/enrollments/${started.body.referenceNumber}`, { token: fresh });
    expect(res.status).toBe(410);
    t.sim.admin.advanceClock(-31 * DAY);
  });

  it('the request and certificate limits are 25006 and 25007', async () => {
    const used = t.sim.admin.certificates().filter((c) => c.identity.value === NIP && c.status === 'Active').length;
    t.sim.admin.setCertificateOptions({ limits: { Nip: { enrollment: 1000, certificate: used } } });
    expect(errorCode(await enrol(await ecKeys()))).toBe(25007);
    t.sim.admin.setCertificateOptions({ limits: { Nip: { enrollment: 0, certificate: 100 } } });
    expect(errorCode(await enrol(await ecKeys()))).toBe(25006);
    t.sim.admin.setCertificateOptions({ limits: { Nip: { enrollment: 300, certificate: 100 } } });
  });
});

describe('an issued certificate', () => {
  it('goes 100 → 200 with its serial; it is from the TEST CA with the requested validity and type', async () => {
    const keys = await ecKeys();
    const validFrom = '2026-12-08T00:00:00+00:00';
    const { started, statuses, serial, item } = await issued(keys, { validFrom });
    expect(started.body.referenceNumber).toMatch(/^\d{8}-EH-/);
    expect(statuses.map((s) => s.status.code)).toEqual([100, 200]);
    expect(serial).toMatch(/^[0-7][0-9A-F]{15}$/);
    expect(item).toMatchObject({ certificateName: 'KSeF Pilot test', certificateSerialNumber: serial, certificateType: 'Authentication' });
    const cert = new x509.X509Certificate(Buffer.from(item.certificate, 'base64'));
    expect(cert.issuer).toBe(CA_NAMES.test);
    expect(cert.serialNumber.toUpperCase()).toBe(serial);
    expect(cert.notBefore.toISOString()).toBe('2026-12-08T00:00:00.000Z');
    expect(cert.notAfter.getTime() - cert.notBefore.getTime()).toBe(730 * DAY);
    expect(cert.getExtension(x509.KeyUsagesExtension)?.usages).toBe(x509.KeyUsageFlags.digitalSignature);
    const spki = new Uint8Array(await webcrypto.subtle.exportKey('spki', keys.publicKey));
    expect(new Uint8Array(cert.publicKey.rawData)).toEqual(spki);
    const info = await readCertificate(Buffer.from(item.certificate, 'base64'));
    expect(info).toMatchObject({ purpose: 'authentication', environmentHint: 'test', identifier: { type: 'NIP', value: NIP } });
  });

  it('an Offline certificate has keyUsage nonRepudiation and cannot log in', async () => {
    const keys = await ecKeys();
    const { item } = await issued(keys, { certificateType: 'Offline', certificateName: 'Offline cert' });
    const cert = new x509.X509Certificate(Buffer.from(item.certificate, 'base64'));
    expect(cert.getExtension(x509.KeyUsagesExtension)?.usages).toBe(x509.KeyUsageFlags.nonRepudiation);
    const attempt = await loginWith(t.sim, item.certificate, keys.privateKey, NIP);
    expect(attempt.status).toMatchObject({ code: 460, details: ['Niepoprawny certyfikat'] });
  });

  it('logs in; is listed by query; once revoked it is refused at login with 460 "Certyfikat odwołany"', async () => {
    const keys = await ecKeys();
    const { serial, item } = await issued(keys, { certificateName: 'Do odwolania' });
    const ok = await loginWith(t.sim, item.certificate, keys.privateKey, NIP);
    expect(ok.status?.code).toBe(200);
    const listed = await call(t.sim, 'POST', '/certificates/query?pageSize=10', { token, json: { certificateSerialNumber: serial } });
    expect(listed.body.certificates).toEqual([expect.objectContaining({ certificateSerialNumber: serial, status: 'Active', name: 'Do odwolania', subjectIdentifier: { type: 'Nip', value: NIP }, commonName: 'Anna Nowak' })]);
    expect(listed.body.certificates[0].lastUseDate).toBeTruthy();

    const revoked = await call(t.sim, 'POST', `/certificates/${serial}/revoke`, { token, json: { revocationReason: 'Superseded' } });
    expect(revoked.status).toBe(204);
    const again = await call(t.sim, 'POST', `/certificates/${serial}/revoke`, { token, json: {} });
    expect(errorCode(again)).toBe(25009);
    const byStatus = await call(t.sim, 'POST', '/certificates/query', { token, json: { status: 'Revoked' } });
    expect(byStatus.body.certificates.map((c: { certificateSerialNumber: string }) => c.certificateSerialNumber)).toContain(serial);
    const refused = await loginWith(t.sim, item.certificate, keys.privateKey, NIP);
    expect(refused.status).toEqual({ code: 460, description: 'Uwierzytelnianie zakończone niepowodzeniem z powodu błędu certyfikatu', details: ['Certyfikat odwołany'] });
  });

  it('another identity cannot retrieve or revoke it (25008)', async () => {
    const { serial } = await issued(await ecKeys(), { certificateName: 'Cudzy certyfikat' });
    const other = (await login(t.sim, 'other-nip-ec', pkiExpected.nips.other)).accessToken;
    const retrieved = await call(t.sim, 'POST', '/certificates/retrieve', { token: other, json: { certificateSerialNumbers: [serial] } });
    expect(retrieved.body.certificates).toEqual([]);
    const revoke = await call(t.sim, 'POST', `/certificates/${serial}/revoke`, { token: other, json: {} });
    expect(errorCode(revoke)).toBe(25008);
  });

  it('a key certified for another identity is refused in the status (400)', async () => {
    const keys = await ecKeys();
    await issued(keys, { certificateName: 'Pierwszy wniosek' });
    const other = (await login(t.sim, 'other-nip-ec', pkiExpected.nips.other)).accessToken;
    const started = await enrol(keys, { certificateName: 'Ten sam klucz' }, other);
    expect(started.status).toBe(202);
    const statuses = await poll(started.body.referenceNumber, other);
    expect(statuses.at(-1)).toMatchObject({ status: { code: 400, details: ['Klucz publiczny został już certyfikowany przez inny podmiot.'] } });
  });
});

describe('admin hook: a certificate that expires in N days', () => {
  it('issues one for a profile identity with a usable key, 20 days from expiry', async () => {
    const fixture = await readCertificate(readFileSync(new URL('../fixtures/pki/person-tinpl-ec.crt', import.meta.url), 'utf8'));
    const made = await t.sim.admin.issueCertificate({ certificate: Buffer.from(fixture.der).toString('base64'), expiresInDays: 20, password: 'haslo-testowe' });
    expect(made.identity).toEqual({ type: 'Nip', value: NIP });
    expect(Date.parse(made.validTo) - t.sim.state.clock.now()).toBe(20 * DAY);
    expect(made.encryptedPrivateKeyPem).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    const info = await readCertificate(made.certificatePem);
    expect(info.subject).toEqual(fixture.subject);
    const ok = await loginWith(t.sim, made.certificate, await importEcKey(made.privateKey), NIP);
    expect(ok.status?.code).toBe(200);
    const answer = await call(t.sim, 'POST', '/admin/certificates', { json: { nip: '7680002466', expiresInDays: 5 } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ identity: { type: 'Nip', value: '7680002466' }, serialNumber: expect.stringMatching(/^[0-7][0-9A-F]{15}$/) });
  });

  it('adopts a fixture certificate so that revoking it stops its login', async () => {
    const own = await startChecked({ seed: 'adopt', now: '2026-12-07T10:00:00Z' });
    try {
      const pem = readFileSync(new URL('../fixtures/pki/person-tinpl-ec.crt', import.meta.url), 'utf8');
      const { serialNumber } = await own.sim.admin.adoptCertificate({ certificate: pem });
      const accessToken = (await login(own.sim, 'person-tinpl-ec', NIP)).accessToken;
      const revoked = await call(own.sim, 'POST', `/certificates/${serialNumber}/revoke`, { token: accessToken, json: {} });
      expect(revoked.status).toBe(204);
      await expect(login(own.sim, 'person-tinpl-ec', NIP)).rejects.toThrow('authentication ended with 460');
      expect(own.checker.responseViolations).toEqual([]);
    } finally {
      await own.sim.stop();
    }
  });
});

describe('lib/ksef/api-certificates against the simulator', () => {
  it('enrols, polls, retrieves, lists and revokes', async () => {
    const client = { ksef: createKsefClient({ baseUrl: t.sim.baseUrl }), getAccessToken: async () => token };
    expect((await getCertificateLimits(client)).canRequest).toBe(true);
    const keys = await ecKeys();
    const csr = await makeCsr(await getEnrollmentData(client), keys);
    const { referenceNumber } = await submitEnrollment(client, { certificateName: 'Przez klienta', certificateType: 'Authentication', csr });
    expect((await getEnrollmentStatus(client, referenceNumber)).status.code).toBe(100);
    const done = await getEnrollmentStatus(client, referenceNumber);
    expect(done.status.code).toBe(200);
    const serial = done.certificateSerialNumber as string;
    const [item] = (await retrieveCertificates(client, [serial])).certificates;
    expect(item?.certificateSerialNumber).toBe(serial);
    const page = await queryCertificates(client, { name: 'Przez klienta', status: 'Active' });
    expect(page.certificates.map((c) => c.certificateSerialNumber)).toEqual([serial]);
    await revokeCertificate(client, serial, 'Superseded');
    const error = await revokeCertificate(client, serial).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'KsefError', code: 'HTTP', status: 400, exceptionCodes: [25009] });
  });
});
