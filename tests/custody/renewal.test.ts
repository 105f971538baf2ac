// Renewal (issue 14 point 2): the 30-day window, "Odnawiaj automatycznie" once per certificate (a failure is
// logged and announced once, never retried in a loop), and certificate notices that open the custody panel.
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autoRenewDue, renewalOffer } from '../../lib/custody/renewal';
import { RENEWAL_WINDOW_DAYS } from '../../lib/custody/steps';
import { EXPIRY_WARNING_DAYS } from '../../lib/pki/check';
import { loadCredentials } from '../../lib/pki';
import { defaultPreferences } from '../../lib/store/profiles';
import { createStore, type Store } from '../../lib/store/store';
import type { PendingEnrolment } from '../../lib/store/records';
import { clickTarget } from '../../lib/worker/click-target';
import { createInProcessHeavyWork } from '../../lib/worker/heavy-in-process';
import { createCustody } from '../../lib/worker/custody-handlers';
import { createLoginGuard } from '../../lib/worker/login-guard';
import { createRuntimeCache } from '../../lib/worker/profile-runtime';
import { OWNER, START, simClock, startSim, type Sim } from './harness';

const DAY = 86_400_000;
const now = Date.parse(START);
const cert = (days: number) => ({ certificate: { notAfter: new Date(now + days * DAY), fingerprintSha256: 'a'.repeat(64) } }) as never;
const attempt = (patch: Partial<PendingEnrolment>): PendingEnrolment =>
  ({ id: 'x', step: 'failed', trigger: 'auto', startedAt: START, updatedAt: START, replacing: 'a'.repeat(64), certificateName: 'KSeF Pilot x', ...patch });

describe('renewalOffer and autoRenewDue', () => {
  it('the window is lib/pki\'s warning threshold', () => {
    expect(RENEWAL_WINDOW_DAYS).toBe(EXPIRY_WARNING_DAYS);
  });

  it('offers from 30 days before expiry until it expires, not while an attempt is in flight', () => {
    expect(renewalOffer(cert(31), undefined, now)).toBeNull();
    expect(renewalOffer(cert(30), undefined, now)).toEqual({ daysLeft: 30, notAfter: new Date(now + 30 * DAY).toISOString() });
    expect(renewalOffer(cert(0.5), undefined, now)).toMatchObject({ daysLeft: 1 });
    expect(renewalOffer(cert(-1), undefined, now)).toBeNull();
    expect(renewalOffer(cert(20), attempt({ step: 'submitted' }), now)).toBeNull();
    expect(renewalOffer(cert(20), attempt({ step: 'switched' }), now)).toMatchObject({ daysLeft: 20 });
    expect(renewalOffer(undefined, undefined, now)).toBeNull();
  });

  it('renews on its own only when asked for, and once per certificate', () => {
    expect(autoRenewDue({}, cert(20), undefined, now)).toBe(false);
    expect(autoRenewDue({ autoRenew: true }, cert(20), undefined, now)).toBe(true);
    expect(autoRenewDue({ autoRenew: true }, cert(40), undefined, now)).toBe(false);
    expect(autoRenewDue({ autoRenew: true }, cert(20), attempt({}), now)).toBe(false);
    expect(autoRenewDue({ autoRenew: true }, cert(20), attempt({ replacing: 'b'.repeat(64) }), now)).toBe(true);
    expect(autoRenewDue({ autoRenew: true }, cert(20), attempt({ trigger: 'user' }), now)).toBe(true);
  });

  it('certificate notices open the options page on the custody panel', async () => {
    const store = {} as never;
    for (const notice of ['cert_expiring_30:2027-01-01T00:00:00.000Z', 'cert_expired:x', 'renewed:abc', 'renewal_failed:abc']) {
      expect(await clickTarget(store, { kind: 'notice', profileId: 'org 1', notice }, true)).toBe('options.html?profile=org%201&view=custody');
    }
    expect(await clickTarget(store, { kind: 'notice', profileId: 'org', notice: 'login_failing' }, true)).toBe('options.html?profile=org');
  });
});

describe('"Odnawiaj automatycznie" in the worker', () => {
  let sim: Sim;
  beforeAll(async () => {
    sim = (await startSim('custody-auto-renew')).sim;
  });
  afterAll(() => sim.stop());

  async function setUp(expiresInDays: number) {
    const store = createStore({ indexedDB: new IDBFactory(), now: () => new Date(sim.state.clock.now()) });
    await store.saveProfile({ id: 'org', name: 'Biuro', nip: OWNER, environment: 'simulator', baseUrl: sim.baseUrl, preferences: defaultPreferences(new Date(START)) });
    const issued = await sim.admin.issueCertificate({ nip: OWNER, expiresInDays, password: 'haslo-testowe-1' });
    await store.saveCredentials('org', await loadCredentials({ certificate: issued.certificatePem, privateKey: issued.encryptedPrivateKeyPem!, password: 'haslo-testowe-1' }));
    await store.setAutoRenew('org', true);
    const clock = simClock(sim);
    const logins = createLoginGuard({ store, fetch: (u, i) => fetch(u, i), clock });
    const heavy = createInProcessHeavyWork(store);
    const runtimeDeps = { store, fetch: (u: string, i: RequestInit) => fetch(u, i), clock, random: () => 0.5, logins, heavy };
    const shown: { id: string; title: string; message: string }[] = [];
    const switched: string[] = [];
    const custody = createCustody({
      store, runtimeDeps, runtimes: createRuntimeCache(runtimeDeps), clock, language: async () => 'pl', heavy,
      notifications: { create: async (id, c) => (shown.push({ id, title: c.title, message: c.message }), id), clear: async () => true, getAll: async () => ({}) },
      afterSwitch: async (id) => void switched.push(id),
    });
    return { store, custody, shown, switched, issued };
  }

  const codes = async (store: Store) => (await store.listLog({ profileId: 'org' })).map((e) => e.code);

  it('within the window: renews once, announces it, and does not start again', async () => {
    const { store, custody, shown, switched, issued } = await setUp(20);
    await custody.afterSync('org');
    const after = await store.getCredentials('org');
    expect(after!.custody).toBe('browser');
    expect(after!.certificate.fingerprintSha256).not.toBe(issued.fingerprint);
    expect(switched).toEqual(['org']);
    expect(shown.map((n) => n.title)).toEqual(['Biuro: certyfikat KSeF odnowiony']);
    const enrolments = sim.state.certificates.enrollments.size;
    await custody.afterSync('org');
    expect(sim.state.certificates.enrollments.size).toBe(enrolments);
    expect(await store.getPendingEnrolment('org')).toMatchObject({ step: 'switched', trigger: 'auto', replaced: { serialNumber: issued.serialNumber } });
  });

  it('a failure is logged and announced once, and never retried for that certificate', async () => {
    const { store, custody, shown } = await setUp(20);
    sim.admin.setCertificateOptions({ limits: { Nip: { enrollment: 0 } } });
    try {
      await custody.afterSync('org');
      await custody.afterSync('org');
      await custody.afterSync('org');
    } finally {
      sim.admin.setCertificateOptions({ limits: { Nip: { enrollment: 300 } } });
    }
    expect(shown).toHaveLength(1);
    expect(shown[0]!.title).toBe('Biuro: nie udało się odnowić certyfikatu');
    expect(shown[0]!.message).toContain('osiągnięto limit wniosków');
    expect(shown[0]!.id).toMatch(/^notice\|org\|renewal_failed:/);
    expect((await codes(store)).filter((c) => c === 'AUTO_RENEW_FAILED')).toHaveLength(1);
    expect(await store.getPendingEnrolment('org')).toMatchObject({ step: 'failed', trigger: 'auto', error: { code: 'LIMIT_REACHED' } });
    expect((await store.getCredentials('org'))!.custody).toBe('file');
  });

  it('outside the window nothing happens', async () => {
    const { store, custody, shown } = await setUp(200);
    await custody.afterSync('org');
    expect(shown).toEqual([]);
    expect(await store.getPendingEnrolment('org')).toBeUndefined();
  });
});
