// verifyProfile against the KSeF simulator: real HTTP, the real XAdES signer, the OpenSSL fixtures, a
// fake-indexeddb store; one test per path a bookkeeper can meet on "Weryfikuj certyfikat".
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAuthSession } from '../../lib/auth/session';
import { createMemoryTokenStore, type MemoryTokenStore } from '../../lib/auth/token-store';
import { verifyProfile, type VerifyDeps, type VerifyReport } from '../../lib/diagnostics/verify';
import { createKsefClient } from '../../lib/ksef/client';
import type { Clock } from '../../lib/ksef/clock';
import { loadCredentials, type Credentials } from '../../lib/pki';
import { createStore, type Store } from '../../lib/store/store';
import { defaultPreferences } from '../../lib/store/profiles';
import type { Profile } from '../../lib/store/records';
import { pkiExpected, startChecked, type Checked } from '../ksef-sim/kit';

const OWNER = pkiExpected.nips.person;
const SEAL = pkiExpected.nips.seal;
const OTHER = pkiExpected.nips.other;
const fixture = (name: string) => readFileSync(new URL(`../fixtures/pki/${name}`, import.meta.url), 'utf8');
const cache: Record<string, Credentials> = {};
async function creds(name: string): Promise<Credentials> {
  cache[name] ??= await loadCredentials({ certificate: fixture(`${name}.crt`), privateKey: fixture(`${name}.key`), password: pkiExpected.password });
  return cache[name]!;
}

let sim: Checked;
let store: Store;
let tokens: Map<string, MemoryTokenStore>;

function clock(): Clock {
  return { now: () => sim.sim.state.clock.now(), sleep: async (ms) => void sim.sim.admin.advanceClock(ms) };
}

function deps(overrides: Partial<VerifyDeps> = {}): VerifyDeps {
  return {
    store,
    createClient: (profile: Profile) =>
      createKsefClient({ baseUrl: profile.baseUrl ?? sim.sim.baseUrl }, { clock: clock(), maxAttempts: 1, maxWaitMs: 1, timeoutMs: 5_000 }),
    createSession: (profile, credentials, client) => {
      const tokenStore = tokens.get(profile.id) ?? createMemoryTokenStore();
      tokens.set(profile.id, tokenStore);
      return createAuthSession({
        client,
        tokenStore,
        credentials: { certificate: credentials.certificate, privateKey: credentials.privateKey! },
        context: { type: 'Nip', value: profile.nip },
        clock: clock(),
      });
    },
    now: () => new Date(sim.sim.state.clock.now()),
    ...overrides,
  };
}

async function profileWith(id: string, nip: string, certificate?: string, baseUrl = sim.sim.baseUrl): Promise<string> {
  await store.saveProfile({ id, name: `Organizacja ${id}`, nip, environment: 'simulator', baseUrl, preferences: defaultPreferences() });
  if (certificate) {
    const c = await creds(certificate);
    await store.saveCredentials(id, { certificate: c.certificate, privateKey: c.privateKey });
  }
  return id;
}

const statuses = (report: VerifyReport) => Object.fromEntries(report.steps.map((s) => [s.id, s.status]));
const step = (report: VerifyReport, id: string) => report.steps.find((s) => s.id === id)!;

beforeAll(async () => {
  sim = await startChecked({ seed: 'diagnostics-verify' });
});
afterAll(() => sim.sim.stop());
beforeEach(() => {
  store = createStore({ indexedDB: new IDBFactory(), now: () => new Date(sim.sim.state.clock.now()) });
  tokens = new Map();
  sim.sim.admin.clearFaults();
});
afterEach(() => {
  expect(sim.checker.responseViolations).toEqual([]);
});

describe('verifyProfile', () => {
  it.each([['person-tinpl-ec'], ['person-rsa2048']])('passes every step for the owner with %s', async (name) => {
    const id = await profileWith('owner', OWNER, name);
    const report = await verifyProfile(deps(), id);
    expect(statuses(report)).toEqual({ certificate: 'ok', challenge: 'ok', signature: 'ok', login: 'ok', read: 'ok', send: 'ok' });
    expect(report).toMatchObject({ profileId: 'owner', ok: true, permissions: { canReadInvoices: true, canSendInvoices: true, isOwner: true } });
    expect(report.checkedAt).toBe(new Date(sim.sim.state.clock.now()).toISOString());
  });

  it('reuses a login that is still valid and says so', async () => {
    const id = await profileWith('owner', OWNER, 'person-tinpl-ec');
    await verifyProfile(deps(), id);
    const second = await verifyProfile(deps(), id);
    expect(statuses(second)).toMatchObject({ challenge: 'ok', signature: 'skipped', login: 'ok', read: 'ok' });
    expect(step(second, 'login').verdict).toMatchObject({ code: 'LOGIN_REUSED', severity: 'info' });
    expect(second.ok).toBe(true);
  });

  it('reports KSeF\'s X-System-Warning (sig-001 on the signature) once, without failing the check', async () => {
    const id = await profileWith('warned', OWNER, 'person-tinpl-ec');
    sim.sim.admin.addFault({ path: '/v2/auth/*', kind: 'warning', count: 100 });
    const report = await verifyProfile(deps(), id);
    expect(report.ok).toBe(true);
    expect(statuses(report)).toMatchObject({ signature: 'ok', login: 'ok' });
    expect(report.warnings).toEqual([
      { code: 'sig-001', message: 'Format podpisu niezgodny z akceptowanymi profilami XAdES', operation: 'POST /auth/challenge' },
    ]);
    sim.sim.admin.clearFaults();
    expect((await verifyProfile(deps(), id)).warnings).toBeUndefined();
  });

  it('fails the first step when no certificate is saved, or the profile is gone', async () => {
    const id = await profileWith('bare', OWNER);
    const report = await verifyProfile(deps(), id);
    expect(step(report, 'certificate')).toMatchObject({ status: 'failed', verdict: { code: 'NO_CREDENTIALS' } });
    expect(step(report, 'certificate').verdict!.fix.pl).toContain('Zapisz certyfikat');
    expect(statuses(report)).toMatchObject({ challenge: 'skipped', login: 'skipped', send: 'skipped' });
    const missing = await verifyProfile(deps(), 'nobody');
    expect(missing).toMatchObject({ ok: false });
    expect(missing.steps[0]).toMatchObject({ id: 'certificate', status: 'failed', verdict: { code: 'PROFILE_NOT_FOUND' } });
    expect(missing.steps.slice(1).map((s) => s.status)).toEqual(['skipped', 'skipped', 'skipped', 'skipped', 'skipped']);
  });

  it('stops at the local check for an offline certificate, before any request', async () => {
    const id = await profileWith('offline', OWNER, 'offline-ec');
    sim.sim.admin.clearRequests();
    const report = await verifyProfile(deps(), id);
    expect(step(report, 'certificate')).toMatchObject({ status: 'failed', verdict: { code: 'OFFLINE_CERTIFICATE', severity: 'error' } });
    expect(step(report, 'certificate').verdict!.title.pl).toBe('To certyfikat typu Offline – nie służy do logowania');
    expect(sim.sim.admin.requests()).toEqual([]);
    expect(report.ok).toBe(false);
  });

  it('names both NIPs and the grant steps when the certificate holder has no permissions (415)', async () => {
    const id = await profileWith('foreign', SEAL, 'other-nip-ec');
    const report = await verifyProfile(deps(), id);
    expect(step(report, 'certificate')).toMatchObject({ status: 'warning', verdict: { code: 'NIP_MISMATCH', data: { certificateNip: OTHER, organizationNip: SEAL } } });
    expect(step(report, 'certificate').verdict!.title.pl).toBe(`Certyfikat wystawiono na NIP ${OTHER}, a organizacja ma NIP ${SEAL}`);
    const login = step(report, 'login');
    expect(login).toMatchObject({ status: 'failed', verdict: { code: 'NO_PERMISSIONS', data: { ksefStatus: 415, organizationNip: SEAL } } });
    expect(login.verdict!.fix.pl).toContain(`NIP ${OTHER}`);
    expect(login.verdict!.fix.pl).toContain('„Uprawnienia” → „Nadaj uprawnienia”');
    expect(login.verdict!.fix.en).toContain(`for NIP ${SEAL}`);
    expect(statuses(report)).toMatchObject({ challenge: 'ok', signature: 'ok', read: 'skipped', send: 'skipped' });
  });

  it('reports a reader without the right to issue invoices as a warning, not a failure', async () => {
    sim.sim.admin.setGrants({ context: SEAL, identity: { type: 'Nip', value: OTHER }, permissions: ['InvoiceRead'] });
    const id = await profileWith('reader', SEAL, 'other-nip-ec');
    const report = await verifyProfile(deps(), id);
    expect(statuses(report)).toMatchObject({ login: 'ok', read: 'ok', send: 'warning' });
    expect(step(report, 'send').verdict).toMatchObject({ code: 'NO_SEND_PERMISSION', severity: 'warning' });
    expect(step(report, 'send').verdict!.cause.pl).toContain('Obecne uprawnienia: Przeglądanie faktur.');
    expect(report).toMatchObject({ ok: true, permissions: { canReadInvoices: true, canSendInvoices: false, isOwner: false } });
  });

  it('shows the required and present permissions from KSeF\'s 403 when reading is not allowed', async () => {
    sim.sim.admin.setGrants({ context: SEAL, identity: { type: 'Nip', value: OTHER }, permissions: ['InvoiceWrite'] });
    const id = await profileWith('writer', SEAL, 'other-nip-ec');
    const report = await verifyProfile(deps(), id);
    const read = step(report, 'read');
    expect(read).toMatchObject({ status: 'failed', verdict: { code: 'MISSING_PERMISSIONS', data: { required: ['InvoiceRead'], present: ['InvoiceWrite'] } } });
    expect(read.verdict!.cause.pl).toBe(
      `KSeF odmówił (kod 403). Potrzebne jest jedno z uprawnień: Przeglądanie faktur. Osoba z certyfikatu (NIP ${OTHER}) ma obecnie: Wystawianie faktur.`,
    );
    expect(read.verdict!.cause.en).toContain('One of these permissions is required: View invoices.');
    expect(step(report, 'send').status).toBe('ok');
    expect(report.ok).toBe(false);
  });

  it('explains 21115 as a certificate of another environment', async () => {
    const id = await profileWith('prod-cert', OWNER, 'person-tinpl-prod-ec');
    const report = await verifyProfile(deps(), id);
    const signature = step(report, 'signature');
    expect(signature).toMatchObject({ status: 'failed', verdict: { code: 'OTHER_ENVIRONMENT', data: { environment: 'simulator' } } });
    expect(signature.verdict!.title.pl).toBe('KSeF nie przyjął certyfikatu (kod 21115)');
    expect(signature.verdict!.cause.pl).toContain('Wybrane środowisko: symulator KSeF (do testów).');
    expect(statuses(report)).toMatchObject({ challenge: 'ok', login: 'skipped' });
  });

  it('gives KSeF\'s reason when it refuses the certificate (460)', async () => {
    const id = await profileWith('late', OWNER, 'person-tinpl-ec');
    sim.sim.admin.setClock('2046-01-01T00:00:00Z'); // after the certificate's notAfter, as KSeF's clock sees it
    try {
      const report = await verifyProfile(deps({ now: () => new Date('2030-01-01T00:00:00Z') }), id);
      const login = step(report, 'login');
      expect(login).toMatchObject({ status: 'failed', verdict: { code: 'CERTIFICATE_REFUSED', data: { ksefStatus: 460 } } });
      expect(login.verdict!.cause.pl).toMatch(/^KSeF zakończył logowanie kodem 460 i podał powód: „.+”\.$/);
      expect(login.verdict!.fix.pl.length).toBeGreaterThan(20);
    } finally {
      sim.sim.admin.setClock(new Date().toISOString());
    }
  });

  it('says KSeF is unreachable when nothing answers', async () => {
    const id = await profileWith('offline-net', OWNER, 'person-tinpl-ec', 'http://127.0.0.1:9/v2');
    const report = await verifyProfile(deps(), id);
    expect(step(report, 'challenge')).toMatchObject({ status: 'failed', verdict: { code: 'KSEF_UNREACHABLE' } });
    expect(step(report, 'challenge').verdict!.title.pl).toBe('Nie udało się połączyć z KSeF');
    expect(statuses(report)).toMatchObject({ certificate: 'ok', signature: 'skipped', login: 'skipped' });
  });

  it('puts a lost connection on the connection step and skips the rest, also when the login was kept (review B3)', async () => {
    const id = await profileWith('kept-then-offline', OWNER, 'person-tinpl-ec');
    await verifyProfile(deps(), id); // a login now kept: the next check's first request is the permissions query
    sim.sim.admin.addFault({ path: '/v2/*', kind: 'drop', count: 100 });
    const report = await verifyProfile(deps(), id);
    expect(statuses(report)).toEqual({ certificate: 'ok', challenge: 'failed', signature: 'skipped', login: 'skipped', read: 'skipped', send: 'skipped' });
    expect(step(report, 'challenge').verdict).toMatchObject({ code: 'KSEF_UNREACHABLE', data: { profileId: id } });
    expect(step(report, 'challenge').verdict!.fix.pl).toContain('nic nie zmieniaj w ustawieniach');
  });

  it('names KSeF\'s own error (5xx) as KSeF being down, not as a permission problem', async () => {
    const id = await profileWith('kept-then-503', OWNER, 'person-tinpl-ec');
    await verifyProfile(deps(), id);
    sim.sim.admin.addFault({ path: '/v2/*', kind: 'http503', count: 100 });
    const report = await verifyProfile(deps(), id);
    expect(statuses(report)).toMatchObject({ challenge: 'failed', login: 'skipped', read: 'skipped' });
    expect(step(report, 'challenge').verdict).toMatchObject({ code: 'KSEF_DOWN', data: { status: 503 } });
    expect(step(report, 'challenge').verdict!.title.pl).toBe('KSeF odpowiada błędem po swojej stronie (kod 503)');
  });

  it('says maintenance when Latarnia announces it, asking only after the connection failed', async () => {
    const id = await profileWith('maintenance', OWNER, 'person-tinpl-ec', 'http://127.0.0.1:9/v2');
    const asked: string[] = [];
    const announcedOutage = async (profile: Profile) => {
      asked.push(profile.id);
      return { kind: 'maintenance' as const, since: '2026-12-07T20:00:00.000Z', until: '2026-12-07T23:00:00.000Z', message: 'Prace serwisowe KSeF' };
    };
    const report = await verifyProfile(deps({ announcedOutage }), id);
    expect(asked).toEqual([id]);
    expect(step(report, 'challenge').verdict).toMatchObject({ code: 'KSEF_MAINTENANCE', data: { until: '2026-12-07T23:00:00.000Z' } });
    expect(step(report, 'challenge').verdict!.cause.pl).toContain('„Prace serwisowe KSeF”');
    expect(step(report, 'challenge').verdict!.fix.pl).toContain('po 08.12.2026 00:00');
    const fine = await profileWith('fine', OWNER, 'person-tinpl-ec');
    await verifyProfile(deps({ announcedOutage }), fine);
    expect(asked).toEqual([id]);
  });

  it('writes the outcome to the activity log', async () => {
    const id = await profileWith('logged', OWNER, 'person-tinpl-ec', 'http://127.0.0.1:9/v2');
    await verifyProfile(deps(), id);
    await expect.poll(async () => (await store.listLog({ profileId: id })).map((e) => [e.code, e.message])).toEqual([['VERIFY_FAILED', 'challenge: KSEF_UNREACHABLE']]);
  });

  it('says until when KSeF rate-limits the login', async () => {
    sim.sim.admin.addFault({ path: '/v2/auth/challenge', kind: 'http429', retryAfterSeconds: 600 });
    const id = await profileWith('busy', OWNER, 'person-tinpl-ec');
    const report = await verifyProfile(deps(), id);
    const challenge = step(report, 'challenge');
    expect(challenge).toMatchObject({ status: 'failed', verdict: { code: 'RATE_LIMITED', severity: 'warning' } });
    const retryAt = Date.parse(String(challenge.verdict!.data.retryAt));
    expect(retryAt).toBeGreaterThan(Date.now() + 500_000);
    const time = new Intl.DateTimeFormat('pl-PL', { timeZone: 'Europe/Warsaw', hour: '2-digit', minute: '2-digit' }).format(retryAt);
    expect(challenge.verdict!.cause.pl).toContain(time);
  });

  it('checks its arguments', async () => {
    await expect(verifyProfile(deps(), '')).rejects.toThrow(new TypeError('"profileId" must be a non-empty string'));
    await expect(verifyProfile({ ...deps(), now: undefined as never }, 'x')).rejects.toThrow(new TypeError('"deps.now" must be a function'));
    await expect(verifyProfile(null as never, 'x')).rejects.toThrow(new TypeError('"deps" must be an object'));
  });
});
