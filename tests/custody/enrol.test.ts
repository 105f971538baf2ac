// The enrolment against the simulator (issue 14 point 1): a profile set up from files gets a certificate made in
// the browser; the switch happens only after a login with it; each refusal keeps the previous credentials and
// answers a stable code with both languages.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolment } from '../../lib/custody/enrol';
import { isEnrolError, type EnrolError } from '../../lib/custody/enrol-errors';
import { keyMatchesCertificate } from '../../lib/pki/key-match';
import { t } from '../../lib/i18n';
import { enrolDeps, loginOnce, profileWithFixture, startSim, type Sim } from './harness';
import type { Checked } from '../ksef-sim/kit';

let checked: Checked;
let sim: Sim;

beforeAll(async () => {
  checked = await startSim('custody-enrol');
  sim = checked.sim;
});
afterAll(() => sim.stop());
afterEach(() => {
  expect(checked.checker.responseViolations).toEqual([]);
  expect(checked.checker.requestViolations).toEqual([]);
});

async function failure(run: Promise<unknown>): Promise<EnrolError> {
  const error = await run.then(() => null, (e: unknown) => e);
  if (!isEnrolError(error)) throw new Error(`expected an EnrolError, got ${String(error)}`);
  return error;
}

describe('enrolCertificate', () => {
  it('makes a KSeF certificate in the browser and switches the profile to it after a login with it', async () => {
    const { store } = await profileWithFixture(sim);
    const before = await store.getCredentials('org');
    const result = await createEnrolment(await enrolDeps(sim, store), 'org').run();
    const after = await store.getCredentials('org');
    expect(after!.custody).toBe('browser');
    expect(after!.privateKey!.extractable).toBe(false);
    expect(after!.privateKey!.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-256' });
    expect(after!.certificate.fingerprintSha256).not.toBe(before!.certificate.fingerprintSha256);
    expect(after!.certificate.subject).toEqual(before!.certificate.subject);
    expect(after!.certificate.identifier).toEqual({ type: 'NIP', value: before!.certificate.identifier!.value });
    expect(after!.certificate.issuer).toMatch(/(^|,)CN=TEST CCK KSeF(,|$)/);
    expect(after!.certificate.environmentHint).toBe('test');
    expect(after!.certificate.purpose).toBe('authentication');
    expect(await keyMatchesCertificate(after!.privateKey!, after!.certificate.der)).toBe(true);
    expect(result.credentials.certificate.fingerprintSha256).toBe(after!.certificate.fingerprintSha256);
    // The fixture's serial has 32 hex digits: not one KSeF issued, so nothing to offer to revoke.
    expect(result.replaced).toBeUndefined();
    const pending = await store.getPendingEnrolment('org');
    expect(pending).toMatchObject({ step: 'switched', trigger: 'user' });
    expect(pending!.privateKey).toBeUndefined();
    await loginOnce(sim, { certificate: after!.certificate, privateKey: after!.privateKey! });
    const log = (await store.listLog({ profileId: 'org' })).map((e) => e.code);
    expect(log).toContain('CERTIFICATE_ENROLLED');
  });

  it('a certificate made in the browser renews itself the same way, and offers to revoke the one it replaced', async () => {
    const { store } = await profileWithFixture(sim);
    const first = await createEnrolment(await enrolDeps(sim, store), 'org').run();
    const second = await createEnrolment(await enrolDeps(sim, store), 'org').run();
    expect(second.replaced).toEqual({
      serialNumber: first.credentials.certificate.serialNumberHex.toUpperCase().padStart(16, '0'),
      commonName: 'Anna Nowak',
      notAfter: first.credentials.certificate.notAfter.toISOString(),
    });
  });

  it('a refused enrolment (limit reached) changes nothing: the same credentials, LIMIT_REACHED in both languages', async () => {
    const { store } = await profileWithFixture(sim);
    const before = await store.getCredentials('org');
    const deps = await enrolDeps(sim, store);
    deps.ksef = { ...deps.ksef, limits: async () => ({ canRequest: false, enrollment: { remaining: 0, limit: 300 }, certificate: { remaining: 0, limit: 100 } }) };
    const error = await failure(createEnrolment(deps, 'org').run());
    expect(error.code).toBe('LIMIT_REACHED');
    expect(error.message).toBe(t('pl', 'custody_error_LIMIT_REACHED'));
    expect(error.messageEn).toBe(t('en', 'custody_error_LIMIT_REACHED'));
    expect((await store.getCredentials('org'))!.certificate.fingerprintSha256).toBe(before!.certificate.fingerprintSha256);
    expect(await store.getPendingEnrolment('org')).toBeUndefined();
  });

  it('a CSR whose DN differs from the enrolment data is refused by KSeF (25003): DN_MISMATCH, nothing switched', async () => {
    const { store } = await profileWithFixture(sim);
    const before = await store.getCredentials('org');
    const deps = await enrolDeps(sim, store);
    const real = deps.ksef.enrollmentData;
    deps.ksef = { ...deps.ksef, enrollmentData: async () => ({ ...(await real()), commonName: 'Ktoś Inny' }) };
    const error = await failure(createEnrolment(deps, 'org').run());
    expect(error.code).toBe('DN_MISMATCH');
    expect(error.data).toEqual({ code: 25003 });
    expect(error.message).toContain('kod 25003');
    expect((await store.getCredentials('org'))!.certificate.fingerprintSha256).toBe(before!.certificate.fingerprintSha256);
    expect(await store.getPendingEnrolment('org')).toMatchObject({ step: 'failed', error: { code: 'DN_MISMATCH' } });
    expect((await store.getPendingEnrolment('org'))!.privateKey).toBeUndefined();
  });

  it('a login with the new certificate that fails keeps the previous credentials, and the next try only logs in', async () => {
    const { store } = await profileWithFixture(sim);
    const before = await store.getCredentials('org');
    const deps = await enrolDeps(sim, store);
    const enrolments = sim.state.certificates.enrollments.size;
    const error = await failure(createEnrolment({ ...deps, loginWith: async () => { throw new Error('KSeF nie odpowiada.'); } }, 'org').run());
    expect(error.code).toBe('NEW_LOGIN_FAILED');
    expect(error.message).toContain('KSeF nie odpowiada.');
    expect((await store.getCredentials('org'))!.certificate.fingerprintSha256).toBe(before!.certificate.fingerprintSha256);
    expect(await store.getPendingEnrolment('org')).toMatchObject({ step: 'retrieved' });
    const result = await createEnrolment(deps, 'org').run();
    expect(result.credentials.custody).toBe('browser');
    expect(sim.state.certificates.enrollments.size).toBe(enrolments + 1);
  });

  it('abandon drops the attempt in flight and its key; the profile keeps its credentials', async () => {
    const { store } = await profileWithFixture(sim);
    const deps = await enrolDeps(sim, store);
    await failure(createEnrolment({ ...deps, loginWith: async () => { throw new Error('x'); } }, 'org').run());
    expect(await createEnrolment(deps, 'org').abandon()).toBe(true);
    expect(await store.getPendingEnrolment('org')).toBeUndefined();
    expect((await store.getCredentials('org'))!.custody).toBe('file');
    expect((await store.listLog({ profileId: 'org' })).map((e) => e.code)).toContain('ENROL_ABANDONED');
  });
});
