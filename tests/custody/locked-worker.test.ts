// A locked profile in the worker (lib/worker/unlock-handlers.ts) against the simulator: the tokens keep the sync
// running; when a new login is needed the worker signs nothing, marks the profile "locked, waiting for the
// password" and raises exactly one notification; the unlock page's work (lib/custody/locked-unlock.ts) logs in
// with the unsealed key, and `profileUnlocked` resumes the sync.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lockProfile } from '../../lib/custody/locked-custody';
import { unlockAndLogin } from '../../lib/custody/locked-unlock';
import { dispatchRequest, type Request } from '../../lib/messages';
import { getProfileStatus } from '../../lib/views/profile-status';
import type { Checked } from '../ksef-sim/kit';
import { pkiExpected } from '../ksef-sim/kit';
import { BUYER, SELLER, resetInvoices, simClock, startSim } from '../sync/harness';
import { setupWorker, type WorkerHarness } from '../worker/fakes';

const KEY_FILE = new Uint8Array(readFileSync(new URL('../fixtures/pki/person-tinpl-ec.key', import.meta.url)));
const UNLOCK_ID = 'notice|org|unlock';
const WEEK = 7 * 24 * 3_600_000;

let sim: Checked['sim'];

beforeAll(async () => {
  sim = (await startSim('lib-locked')).sim;
});
afterAll(() => sim.stop());
beforeEach(() => {
  resetInvoices(sim);
  sim.admin.clearFaults();
});

const signatures = () => sim.admin.requests().filter((r) => r.path.endsWith('/auth/xades-signature'));

/** A profile that synced once with its key in the browser (tokens stored), then locked. */
async function lockedAfterOneSync(): Promise<WorkerHarness> {
  const harness = await setupWorker(sim);
  expect(await harness.worker.onAlarm({ name: 'sync:org' })).toMatchObject({ outcome: 'ok' });
  await lockProfile(harness.store, 'org', KEY_FILE, pkiExpected.password);
  // As the options page does after a change of credentials: the worker forgets the session it built with the key.
  const synced = async () => (await harness.store.listLog({ limit: 50 })).filter((e) => e.code === 'SYNC_OK').length;
  const before = await synced();
  expect(await dispatchRequest({ type: 'profileSaved', profileId: 'org' }, harness.worker.handlers)).toMatchObject({ ok: true });
  await expect.poll(synced, { timeout: 30_000 }).toBe(before + 1);
  return harness;
}

function unlockDeps({ store, worker }: WorkerHarness, sent: Request[]) {
  return {
    store,
    fetch: (input: string, init: RequestInit) => fetch(input, init),
    clock: simClock(sim),
    send: async (message: Request) => {
      sent.push(message);
      return dispatchRequest(message, worker.handlers);
    },
  };
}

describe('a locked profile in the worker', () => {
  it('syncs on its tokens, then, with the refresh token expired, signs nothing and asks once', async () => {
    const harness = await lockedAfterOneSync();
    const { worker, browser, store } = harness;
    sim.admin.addInvoice({ sellerNip: SELLER, buyerNip: BUYER, sellerName: 'Alfa' } as never);
    sim.admin.advanceClock(60_000);
    // Within the tokens' life a locked profile syncs as any other.
    expect(await worker.onAlarm({ name: 'sync:org' })).toMatchObject({ outcome: 'ok', stored: 1 });

    sim.admin.advanceClock(WEEK + 60_000);
    sim.admin.clearRequests();
    for (let i = 0; i < 3; i += 1) {
      expect(await worker.onAlarm({ name: 'sync:org' })).toMatchObject({ outcome: 'blocked', failure: { kind: 'attention', code: 'UNLOCK_NEEDED' } });
    }
    expect(sim.admin.requests()).toEqual([]); // not even a challenge: nothing to sign with, nothing asked of KSeF
    expect(browser.created.filter((id) => id === UNLOCK_ID)).toHaveLength(1);
    expect(browser.shown.get(UNLOCK_ID)).toMatchObject({ title: 'Fundacja Testowa: podaj hasło do klucza', message: expect.stringContaining('Kliknij, aby podać hasło') });
    const status = await getProfileStatus(store, 'org', new Date(sim.state.clock.now()));
    expect(status).toMatchObject({ state: 'locked', problem: { code: 'LOCKED', title: 'Zablokowane — czeka na hasło', needsUser: true } });

    await worker.onNotificationClicked(UNLOCK_ID);
    expect(browser.tabs).toEqual(['unlock.html?profile=org']);
    expect(browser.shown.has(UNLOCK_ID)).toBe(false);

    // The unlock page: a wrong password is counted and named, and signs nothing.
    const sent: Request[] = [];
    const deps = unlockDeps(harness, sent);
    await expect(unlockAndLogin(deps, 'org', 'zle-haslo')).rejects.toMatchObject({ name: 'LockError', code: 'WRONG_PASSWORD', message: expect.stringMatching(/^Nieprawidłowe hasło \(1\. próba\)/) });
    expect(signatures()).toEqual([]);
    expect((await getProfileStatus(store, 'org', new Date(sim.state.clock.now()))).problem?.message).toContain('Nieudane próby: 1');

    sim.admin.addInvoice({ sellerNip: SELLER, buyerNip: BUYER, sellerName: 'Beta' } as never);
    await unlockAndLogin(deps, 'org', pkiExpected.password);
    expect(signatures()).toHaveLength(1);
    expect(sent).toEqual([{ type: 'profileUnlocked', profileId: 'org' }]);
    expect(await store.getCredentials('org')).toMatchObject({ custody: 'locked', failedUnlocks: 0 });
    expect((await store.getCredentials('org'))?.unlockRequestedAt).toBeUndefined();
    expect((await store.getCredentials('org'))?.privateKey).toBeUndefined();

    // profileUnlocked started a run; the next alarm joins or follows it, and the sync goes on with the new tokens.
    sim.admin.advanceClock(60_000);
    await expect.poll(async () => (await store.countByState('org')).new, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    expect(await worker.onAlarm({ name: 'sync:org' })).toMatchObject({ outcome: 'ok' });
    expect(signatures()).toHaveLength(1);
    expect(browser.created.filter((id) => id === UNLOCK_ID)).toHaveLength(1);
  }, 60_000);

  it('a refresh token KSeF refuses before its end reaches the locked signer: no signature, one notification', async () => {
    const { worker, browser, store } = await lockedAfterOneSync();
    const tokens = await store.getTokens('org');
    const ended = await fetch(`${sim.baseUrl}/auth/sessions/current`, { method: 'DELETE', headers: { Authorization: `Bearer ${tokens!.refreshToken}` } });
    expect(ended.status).toBe(204);
    sim.admin.advanceClock(20 * 60_000); // the access token (15 min) is over: the session must refresh
    sim.admin.clearRequests();
    const first = await worker.onAlarm({ name: 'sync:org' });
    expect(first, JSON.stringify(sim.admin.requests().map((r) => [r.method, r.path, r.status]))).toMatchObject({ outcome: 'failed', failure: { code: 'UNLOCK_NEEDED' } });
    expect(await worker.onAlarm({ name: 'sync:org' })).toMatchObject({ outcome: 'blocked', failure: { code: 'UNLOCK_NEEDED' } });
    expect(signatures()).toEqual([]);
    expect(browser.created.filter((id) => id === UNLOCK_ID)).toHaveLength(1);
    expect((await getProfileStatus(store, 'org', new Date(sim.state.clock.now()))).state).toBe('locked');
  }, 60_000);
});
