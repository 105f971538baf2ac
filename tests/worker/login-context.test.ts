// Issue 10: tokens and sync marks belong to (environment, API address, context NIP) and to the certificate the
// login was signed with. Two simulators stand for two hosts; a recording fetch keeps which bearer token went
// where, and each simulator's request log shows what reached it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../lib/store/store';
import type { Tokens } from '../../lib/store/records';
import { createWorker } from '../../lib/worker/worker';
import { call, fixtureCredentials, pkiExpected, type Checked } from '../ksef-sim/kit';
import { BUYER, SELLER, resetInvoices, simClock, startSim } from '../sync/harness';
import { setupWorker, type WorkerHarness } from './fakes';
import { createInProcessHeavyWork } from '../../lib/worker/heavy-in-process';

type Sim = Checked['sim'];
let a: Sim;
let b: Sim;

beforeAll(async () => {
  [a, b] = await Promise.all([startSim('login-context-a').then((c) => c.sim), startSim('login-context-b').then((c) => c.sim)]);
});
afterAll(async () => {
  await Promise.all([a.stop(), b.stop()]);
});
beforeEach(() => {
  for (const sim of [a, b]) {
    resetInvoices(sim);
    sim.admin.clearFaults();
    sim.admin.clearRequests();
  }
});

const TEST_API = 'https://api-test.ksef.mf.gov.pl/v2';
const DEMO_API = 'https://api-demo.ksef.mf.gov.pl/v2';
const REVOKE = { method: 'DELETE', path: '/v2/auth/sessions/current' };
const POLL = { timeout: 20_000, interval: 50 };
/** Two simulators, logins and a background run: more than the default on a loaded 2-core machine. */
const SLOW = 60_000;

interface Seen {
  url: string;
  method: string;
  auth: string | null;
}

/** The worker's fetch: records each request's bearer token; `routes` maps KSeF hosts onto the simulators. */
function recordingFetch(routes: Record<string, string> = {}) {
  const seen: Seen[] = [];
  return {
    seen,
    fetch(input: string, init: RequestInit) {
      seen.push({ url: input, method: init.method ?? 'GET', auth: new Headers(init.headers).get('authorization') });
      const prefix = Object.keys(routes).find((p) => input.startsWith(p));
      return fetch(prefix ? routes[prefix] + input.slice(prefix.length) : input, init);
    },
  };
}

function addPurchase(sim: Sim, buyerNip = BUYER, sellerNip = SELLER) {
  return sim.admin.addInvoice({ sellerNip, buyerNip, sellerName: 'Alfa Sp. z o.o.' } as never) as { ksefNumber: string };
}

/** Bearer values of the requests whose URL starts with `base`. */
const bearersAt = (seen: Seen[], base: string) => seen.filter((r) => r.url.startsWith(base)).map((r) => r.auth);

const revokes = (sim: Sim) => sim.admin.requests().filter((r) => r.method === REVOKE.method && r.path === REVOKE.path);

async function firstSync(h: WorkerHarness, sim: Sim): Promise<Tokens> {
  sim.admin.advanceClock(60_000);
  expect(await h.worker.onAlarm({ name: 'sync:org' })).toMatchObject({ outcome: 'ok' });
  const tokens = await h.store.getTokens('org');
  expect(tokens).toBeDefined();
  return tokens!;
}

/** How many sync runs the activity log shows (each run ends with one SYNC_* entry, after its announcement). */
async function runsLogged(store: Store): Promise<number> {
  return (await store.listLog({ profileId: 'org' })).filter((e) => e.code.startsWith('SYNC_')).length;
}

/** Waits for the run that profileSaved started in the background to end, whatever its outcome. */
async function afterBackgroundRun(store: Store, runsBefore: number) {
  await expect.poll(() => runsLogged(store), POLL).toBeGreaterThan(runsBefore);
}

async function logCodes(store: Store) {
  return (await store.listLog({ profileId: 'org' })).map((e) => e.code);
}

/** The refresh token is dead at `sim` once its session ended (NOTES §3.7: 400 21301). */
async function refreshRefused(sim: Sim, refreshToken: string) {
  const answer = await call(sim, 'POST', '/auth/token/refresh', { token: refreshToken });
  return answer.status === 400 && JSON.stringify(answer.body).includes('21301');
}

function expectNoTokenIn(values: unknown, tokens: Tokens) {
  const text = JSON.stringify(values);
  expect(text).not.toContain(tokens.accessToken);
  expect(text).not.toContain(tokens.refreshToken);
}

describe('an edited login context (issue 10)', () => {
  it('a new simulator address: the old tokens never reach the new host, the old session ends at the old one, the marks restart', async () => {
    const rec = recordingFetch();
    const h = await setupWorker(a, { extra: { fetch: rec.fetch } });
    addPurchase(a);
    addPurchase(a);
    const old = await firstSync(h, a);
    addPurchase(b);
    b.admin.advanceClock(60_000);
    a.admin.clearRequests();
    rec.seen.length = 0;

    const profile = (await h.store.getProfile('org'))!;
    const runs = await runsLogged(h.store);
    await h.store.saveProfile({ ...profile, baseUrl: b.baseUrl });
    await h.worker.handlers.profileSaved({ type: 'profileSaved', profileId: 'org' });
    await afterBackgroundRun(h.store, runs);

    // The new host never saw a token of the old one: its first request was a fresh login.
    expectNoTokenIn(bearersAt(rec.seen, b.baseUrl), old);
    expect(b.admin.requests()[0]).toMatchObject({ method: 'POST', path: '/v2/auth/challenge' });
    expect(revokes(b)).toEqual([]);
    // The old session ended where it was opened, with its refresh token; nothing else went there.
    expect(a.admin.requests().map(({ method, path, status }) => ({ method, path, status }))).toEqual([{ ...REVOKE, status: 204 }]);
    expect(bearersAt(rec.seen, a.baseUrl)).toEqual([`Bearer ${old.refreshToken}`]);
    expect(await refreshRefused(a, old.refreshToken)).toBe(true);
    const fresh = (await h.store.getTokens('org'))!;
    expect(fresh.loginContext).toEqual({ environment: 'simulator', apiBaseUrl: b.baseUrl, nip: BUYER });

    // Fresh marks from the first-sync day at the new host, with their own first-sync summary; nothing is lost.
    expect(await h.store.getSyncState('org', 'Subject2')).toMatchObject({ importedCount: 1, firstSyncDone: true, consecutiveFailures: 0 });
    expect(await h.store.countByState()).toMatchObject({ new: 3 });
    const summaries = [...h.browser.shown.values()].filter((n) => n.title.includes('pobrano faktury z KSeF'));
    expect(summaries.map((n) => n.message)).toEqual([expect.stringContaining('Zaimportowano 2'), expect.stringContaining('Zaimportowano 1')]);
    const log = await h.store.listLog({ profileId: 'org' });
    expect(log.find((e) => e.code === 'KSEF_SESSION_ENDED')).toMatchObject({
      level: 'info',
      message: `login simulator ${a.baseUrl}, NIP ${BUYER}: the profile's NIP, environment or address changed`,
    });
    expectNoTokenIn(log, old);
  }, SLOW);

  it('a new NIP, found at the next use without a word from the page: the old session ends, the new NIP logs in afresh', async () => {
    a.admin.setGrants({ context: SELLER, identity: { type: 'Nip', value: BUYER }, permissions: ['InvoiceRead'] });
    try {
      const rec = recordingFetch();
      const h = await setupWorker(a, { extra: { fetch: rec.fetch } });
      const mine = [addPurchase(a), addPurchase(a)];
      const old = await firstSync(h, a);
      const theirs = addPurchase(a, SELLER, BUYER);
      a.admin.advanceClock(60_000);
      a.admin.clearRequests();
      rec.seen.length = 0;

      const profile = (await h.store.getProfile('org'))!;
      await h.store.saveProfile({ ...profile, nip: SELLER });
      // A restarted worker (no profileSaved message): the check is made where the tokens are used.
      const restarted = createWorker({ store: h.store, heavy: createInProcessHeavyWork(h.store), fetch: rec.fetch, ...h.browser.seams, clock: simClock(a), random: () => 0.5 });
      const result = await restarted.onAlarm({ name: 'sync:org' });

      expect(rec.seen.filter((r) => r.auth === `Bearer ${old.accessToken}`)).toEqual([]);
      expect(rec.seen.filter((r) => r.auth === `Bearer ${old.refreshToken}`).map((r) => r.method)).toEqual(['DELETE']);
      const paths = a.admin.requests().map((r) => `${r.method} ${r.path} ${r.status}`);
      expect(paths.slice(0, 2)).toEqual(['DELETE /v2/auth/sessions/current 204', 'POST /v2/auth/challenge 200']);
      expect(result).toMatchObject({ outcome: 'ok', stored: 1 });
      expect((await h.store.getTokens('org'))?.loginContext?.nip).toBe(SELLER);
      expect(await h.store.getSyncState('org', 'Subject2')).toMatchObject({ loginContext: { nip: SELLER }, importedCount: 1, firstSyncDone: true });
      // The old NIP's invoices stay, keyed as before; the new NIP's arrive beside them.
      const stored = await h.store.listInvoicesPage({ profileId: 'org', dateField: 'permanentStorageDate', direction: 'asc', limit: 10 });
      expect(stored.items.map((i) => i.ksefNumber).sort()).toEqual([...mine, theirs].map((i) => i.ksefNumber).sort());
      expect(await logCodes(h.store)).toContain('KSEF_SESSION_ENDED');
    } finally {
      a.admin.setGrants({ context: SELLER, identity: { type: 'Nip', value: BUYER }, permissions: [] });
    }
  }, SLOW);

  it('another environment (TEST → DEMO): the TEST tokens never go to DEMO, the TEST session ends at TEST', async () => {
    const rec = recordingFetch({ [TEST_API]: a.baseUrl, [DEMO_API]: b.baseUrl });
    const h = await setupWorker(a, { extra: { fetch: rec.fetch } });
    const { baseUrl: _sim, ...profile } = (await h.store.getProfile('org'))!;
    await h.store.saveProfile({ ...profile, environment: 'test' });
    addPurchase(a);
    const old = await firstSync(h, a);
    addPurchase(b);
    b.admin.advanceClock(60_000);
    a.admin.clearRequests();
    rec.seen.length = 0;

    const runs = await runsLogged(h.store);
    await h.store.saveProfile({ ...profile, environment: 'demo' });
    await h.worker.handlers.profileSaved({ type: 'profileSaved', profileId: 'org' });
    await afterBackgroundRun(h.store, runs);

    expectNoTokenIn(bearersAt(rec.seen, DEMO_API), old);
    expect(b.admin.requests()[0]).toMatchObject({ method: 'POST', path: '/v2/auth/challenge' });
    expect(revokes(a).map((r) => r.status)).toEqual([204]);
    expect(bearersAt(rec.seen, TEST_API)).toEqual([`Bearer ${old.refreshToken}`]);
    expect((await h.store.getTokens('org'))?.loginContext).toEqual({ environment: 'demo', apiBaseUrl: DEMO_API, nip: BUYER });
    expect(await h.store.getSyncState('org', 'Subject2')).toMatchObject({ loginContext: { environment: 'demo', apiBaseUrl: DEMO_API }, importedCount: 1 });
  }, SLOW);

  it('records of before issue 10 (no context, no fingerprint) are the profile\'s own: no new login, marks kept', async () => {
    const h = await setupWorker(a);
    addPurchase(a);
    await firstSync(h, a);
    const { profileId: _p, updatedAt: _u, loginContext: _c, certificateFingerprint: _f, ...legacyTokens } = (await h.store.getTokens('org'))!;
    await h.store.saveTokens('org', legacyTokens);
    const { loginContext: _s, ...legacyState } = (await h.store.getSyncState('org', 'Subject2'))!;
    await h.store.putSyncState(legacyState);
    a.admin.advanceClock(5 * 60_000);
    a.admin.clearRequests();

    const restarted = createWorker({ store: h.store, heavy: createInProcessHeavyWork(h.store), fetch: (input, init) => fetch(input, init), ...h.browser.seams, clock: simClock(a), random: () => 0.5 });
    expect(await restarted.onAlarm({ name: 'sync:org' })).toMatchObject({ outcome: 'ok', stored: 0 });
    expect(a.admin.requests().map((r) => r.path.split('?')[0])).toEqual(['/v2/invoices/query/metadata']);
    const state = (await h.store.getSyncState('org', 'Subject2'))!;
    // The mark moved on from where it was (a fresh start would announce a new first-sync summary of 0).
    expect(Date.parse(state.hwm!)).toBeGreaterThan(Date.parse(legacyState.hwm!));
    expect(state).toMatchObject({
      firstSyncDone: true,
      importedCount: 1,
      loginContext: { environment: 'simulator', apiBaseUrl: a.baseUrl, nip: BUYER },
    });
    expect(await logCodes(h.store)).not.toContain('KSEF_SESSION_ENDED');
  }, SLOW);
});

describe('a replaced certificate (issue 10)', () => {
  it('ends the session and drops the tokens in the worker; the next login is signed with the new certificate', async () => {
    const h = await setupWorker(a);
    const old = await firstSync(h, a);
    a.admin.clearRequests();

    const replacement = await fixtureCredentials('generalized-time-ec');
    const runs = await runsLogged(h.store);
    await h.store.saveCredentials('org', replacement);
    await h.worker.handlers.profileSaved({ type: 'profileSaved', profileId: 'org' });
    await afterBackgroundRun(h.store, runs);

    expect(a.admin.requests()[0]).toMatchObject({ ...REVOKE, status: 204 });
    expect(revokes(a)).toHaveLength(1);
    expect((await h.store.getTokens('org'))?.certificateFingerprint).toBe(replacement.certificate.fingerprintSha256);
    expect(old.certificateFingerprint).toBe(pkiExpected.certificates['person-tinpl-ec']!.fingerprintSha256);
    expect(await refreshRefused(a, old.refreshToken)).toBe(true);
    expect((await h.store.listLog({ profileId: 'org' })).find((e) => e.code === 'KSEF_SESSION_ENDED')?.message).toBe(
      `login simulator ${a.baseUrl}, NIP ${BUYER}: the certificate was replaced`,
    );
    // Marks are the context's, not the certificate's: they stay.
    expect(await h.store.getSyncState('org', 'Subject2')).toMatchObject({ firstSyncDone: true });
  }, SLOW);
});

describe('a removed profile (issue 10)', () => {
  it('ends its KSeF session before its data goes', async () => {
    let profileAtRevoke: unknown = 'not asked';
    let h: WorkerHarness | undefined;
    const rec = recordingFetch();
    const spy = async (input: string, init: RequestInit) => {
      if (init.method === 'DELETE') profileAtRevoke = await h?.store.getProfile('org');
      return rec.fetch(input, init);
    };
    h = await setupWorker(a, { extra: { fetch: spy } });
    const old = await firstSync(h, a);
    a.admin.clearRequests();

    expect(await h.worker.handlers.deleteProfile({ type: 'deleteProfile', profileId: 'org' })).toEqual({ deleted: true });
    expect(revokes(a).map((r) => r.status)).toEqual([204]);
    expect(profileAtRevoke).toMatchObject({ id: 'org' });
    expect(await refreshRefused(a, old.refreshToken)).toBe(true);
    expect(await h.store.getProfile('org')).toBeUndefined();
    // The key and the tokens go with the profile (issue 14 point 4).
    expect(await h.store.getCredentials('org')).toBeUndefined();
    expect(await h.store.getTokens('org')).toBeUndefined();
    const log = await h.store.listLog({ profileId: 'org' });
    expect(log.find((e) => e.code === 'KSEF_SESSION_ENDED')?.message).toBe(`login simulator ${a.baseUrl}, NIP ${BUYER}: the profile was removed`);
    expectNoTokenIn(log, old);
  }, SLOW);

  it.each<[string, 'http503' | 'drop']>([
    ['KSeF answers 503', 'http503'],
    ['the connection drops', 'drop'],
  ])('is removed anyway when %s, and the failure is logged', async (_name, kind) => {
    const h = await setupWorker(a);
    const old = await firstSync(h, a);
    a.admin.addFault({ path: REVOKE.path, method: 'DELETE', kind, count: 5 });

    expect(await h.worker.handlers.deleteProfile({ type: 'deleteProfile', profileId: 'org' })).toEqual({ deleted: true });
    expect(await h.store.getProfile('org')).toBeUndefined();
    expect(await h.store.getTokens('org')).toBeUndefined();
    const failed = (await h.store.listLog({ profileId: 'org' })).find((e) => e.code === 'KSEF_SESSION_END_FAILED');
    expect(failed).toMatchObject({ level: 'warn', message: expect.stringMatching(/^login simulator .*: the profile was removed \((HTTP 503|NETWORK)\)$/) });
    expectNoTokenIn(failed, old);
  }, SLOW);
});
