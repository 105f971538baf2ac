// The engine against the simulator: first sync from the chosen day with one summary, later syncs with one
// notice each, paging, truncation at the record cap (10 000 in KSeF; the simulator's is lowered to 300 here, the
// full-size one runs in the bench), the 3-month window limit, 401 → one refresh, back-off.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { syncProfile } from '../../lib/sync/sync-profile';
import type { SyncDeps } from '../../lib/sync/types';
import type { Store } from '../../lib/store/store';
import type { Checked } from '../ksef-sim/kit';
import {
  BUYER,
  addPurchases,
  resetInvoices,
  buildDeps,
  createFakeNotifier,
  freshProfileStore,
  issueToken,
  serverNumbers,
  startSim,
  storedNumbers,
} from './harness';

/** The simulator's record cap in this file: a truncation costs 3 queries instead of 41. */
const TRUNCATION_CAP = 300;

let checked: Checked;
let sim: Checked['sim'];
let store: Store;
let notes: ReturnType<typeof createFakeNotifier>;
let token: string;
let deps: () => Promise<SyncDeps>;

beforeAll(async () => {
  checked = await startSim('lib-sync', { maxQueryRecords: TRUNCATION_CAP });
  sim = checked.sim;
});
afterAll(() => sim.stop());
beforeEach(async () => {
  resetInvoices(sim);
  sim.admin.clearFaults();
  sim.admin.clearRequests();
  ({ store } = await freshProfileStore(sim));
  notes = createFakeNotifier();
  token = issueToken(sim);
  deps = () => buildDeps(sim, store, notes.notifier, () => token);
});
afterEach(() => {
  expect(checked.checker.responseViolations).toEqual([]);
});

const metadataCalls = () => sim.admin.requests().filter((r) => r.path.includes('/invoices/query/metadata')).length;

describe('syncProfile', () => {
  it('first sync imports everything since the chosen day and announces it once, as a summary', async () => {
    addPurchases(sim, 3);
    sim.admin.advanceClock(60_000);
    const result = await syncProfile(await deps(), (await store.getProfile('org'))!);
    expect(result).toMatchObject({ outcome: 'ok', stored: 3, announced: 3 });
    expect(await storedNumbers(store)).toEqual(serverNumbers(sim));
    expect([...notes.visible.values()]).toEqual([expect.objectContaining({ total: 3, firstSync: true })]);
    expect(await store.getSyncState('org', 'Subject2')).toMatchObject({ firstSyncDone: true, importedCount: 3, consecutiveFailures: 0 });
  });

  it('an idle poll costs one request and announces nothing', async () => {
    sim.admin.advanceClock(60_000);
    await syncProfile(await deps(), (await store.getProfile('org'))!);
    sim.admin.clearRequests();
    sim.admin.advanceClock(10 * 60_000); // the access token (15 min in the simulator) is still valid
    const result = await syncProfile(await deps(), (await store.getProfile('org'))!);
    expect(result.failure).toBeUndefined();
    expect(result).toMatchObject({ outcome: 'ok', stored: 0, announced: 0 });
    expect(sim.admin.requests()).toHaveLength(1);
    expect(notes.calls()).toBe(0);
  });

  it('later syncs announce the new invoices, one notice per run, naming them', async () => {
    sim.admin.advanceClock(60_000);
    await syncProfile(await deps(), (await store.getProfile('org'))!);
    addPurchases(sim, 2);
    sim.admin.advanceClock(60_000);
    const result = await syncProfile(await deps(), (await store.getProfile('org'))!);
    expect(result).toMatchObject({ outcome: 'ok', stored: 2, announced: 2 });
    const shown = [...notes.visible.values()];
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ total: 2, firstSync: false });
    expect(shown[0]!.ksefNumbers.sort()).toEqual(serverNumbers(sim));
  });

  it('does not fetch invoices stored before the chosen day, nor above the mark', async () => {
    sim.admin.addInvoice({ sellerNip: '5265877635', buyerNip: BUYER, permanentStorageDate: '2026-01-20T10:00:00Z', invoiceNumber: 'FV/STARE' });
    addPurchases(sim, 1);
    // The newest one is inside the simulator's 2-second lag: above the mark, so not yet.
    const result = await syncProfile(await deps(), (await store.getProfile('org'))!);
    expect(result.stored).toBe(0);
    sim.admin.advanceClock(5_000);
    expect((await syncProfile(await deps(), (await store.getProfile('org'))!)).stored).toBe(1);
  });

  it('pages through 251 invoices (page boundary)', async () => {
    addPurchases(sim, 251, 10);
    sim.admin.advanceClock(60_000);
    const result = await syncProfile(await deps(), (await store.getProfile('org'))!);
    expect(result).toMatchObject({ outcome: 'ok', stored: 251 });
    expect(metadataCalls()).toBe(2);
    expect(await storedNumbers(store)).toEqual(serverNumbers(sim));
  });

  it('handles truncation at the record cap: a new window from the last record, nothing lost or doubled', async () => {
    addPurchases(sim, TRUNCATION_CAP + 1, 1);
    sim.admin.advanceClock(60_000);
    const result = await syncProfile(await deps(), (await store.getProfile('org'))!);
    expect(result).toMatchObject({ outcome: 'ok', stored: TRUNCATION_CAP + 1, announced: TRUNCATION_CAP + 1 });
    // Pages of 250 up to the cap (250 + 50, the second truncated), then one query from the last record's date.
    expect(metadataCalls()).toBe(3);
    expect(await storedNumbers(store)).toEqual(serverNumbers(sim));
    expect([...notes.visible.values()]).toEqual([expect.objectContaining({ total: TRUNCATION_CAP + 1, firstSync: true })]);
  });

  it('splits a first sync older than 3 months into windows KSeF accepts', async () => {
    ({ store } = await freshProfileStore(sim, { firstSyncFrom: '2025-06-01' }));
    sim.admin.addInvoice({ sellerNip: '5265877635', buyerNip: BUYER, permanentStorageDate: '2025-07-15T10:00:00Z', invoiceNumber: 'FV/LIPIEC' });
    sim.admin.addInvoice({ sellerNip: '5265877635', buyerNip: BUYER, permanentStorageDate: '2025-12-15T10:00:00Z', invoiceNumber: 'FV/GRUDZIEN' });
    sim.admin.advanceClock(60_000);
    const result = await syncProfile(await deps(), (await store.getProfile('org'))!);
    expect(result).toMatchObject({ outcome: 'ok', stored: 2 });
    expect(metadataCalls()).toBe(3); // 31 May → 28 Aug → 25 Nov (89 days each) → the mark
    expect(sim.admin.requests().every((r) => r.status === 200)).toBe(true);
  });

  it('refreshes the token once on 401 and asks again', async () => {
    sim.admin.advanceClock(60_000);
    let forced = 0;
    const base = await deps();
    token = 'expired-or-revoked';
    const result = await syncProfile(
      {
        ...base,
        session: {
          getAccessToken: async (o) => {
            if (o?.forceRefresh) {
              forced += 1;
              token = issueToken(sim);
            }
            return token;
          },
        },
      },
      (await store.getProfile('org'))!,
    );
    expect(result.outcome).toBe('ok');
    expect(forced).toBe(1);
  });

  it('after a 429 it records the block, and a restarted engine sends nothing before it ends', async () => {
    sim.admin.advanceClock(60_000);
    sim.admin.addFault({ path: '/v2/invoices/query/metadata', kind: 'http429', retryAfterSeconds: 600 });
    const first = await syncProfile(await deps(), (await store.getProfile('org'))!);
    expect(first).toMatchObject({ outcome: 'failed', failure: { kind: 'rate_limited', code: 'RATE_LIMITED' } });
    expect(sim.admin.requests().map((r) => r.status)).toEqual([429]);
    const blockedUntil = Date.parse(first.blockedUntil!);
    expect(blockedUntil).toBeGreaterThanOrEqual(sim.state.clock.now() + 599_000);
    sim.admin.clearRequests();
    sim.admin.advanceClock(300_000);
    expect(await syncProfile(await deps(), (await store.getProfile('org'))!)).toMatchObject({ outcome: 'blocked' });
    expect(sim.admin.requests()).toEqual([]);
    sim.admin.advanceClock(301_000);
    expect(await syncProfile(await deps(), (await store.getProfile('org'))!)).toMatchObject({ outcome: 'ok' });
    expect(await store.getSyncState('org', 'Subject2')).toMatchObject({ blockedUntil: null, consecutiveFailures: 0 });
  });

  it('backs off after server errors, never longer than the back-off ceiling', async () => {
    sim.admin.advanceClock(60_000);
    sim.admin.addFault({ path: '/v2/invoices/query/metadata', kind: 'http500', count: 100 });
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const result = await syncProfile(await deps(), (await store.getProfile('org'))!);
      expect(result).toMatchObject({ outcome: 'failed', failure: { kind: 'transient', code: 'HTTP_500' } });
      waits.push(Date.parse(result.blockedUntil!) - sim.state.clock.now());
      sim.admin.setClock(result.blockedUntil!);
    }
    // Full jitter with random 0.5: half of 2, 4, 8, 16, then of the 30-minute ceiling (no silent 2-hour pause, issue 10).
    expect(waits).toEqual([60_000, 120_000, 240_000, 480_000, 900_000]);
    expect(await store.getSyncState('org', 'Subject2')).toMatchObject({ consecutiveFailures: 5, lastError: { code: 'HTTP_500' } });
  });
});

