// Issue 15 / review 2026-12 §3.1: one IndexedDB transaction per metadata page in the real worker. The client
// is the worker's own (lib/worker/profile-runtime.ts createClientFor: its limiter saves itself on changes),
// the store fake-indexeddb with every transaction counted; a first sync of 10 001 invoices must write each
// page, its mark and the limiter's bookings in one transaction, and a 429 block must still be saved at once.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClientFor, type RuntimeDeps } from '../../lib/worker/profile-runtime';
import { syncProfile } from '../../lib/sync/sync-profile';
import { PAGE_SIZE } from '../../lib/sync/subject-sync';
import type { Store } from '../../lib/store/store';
import type { Checked } from '../ksef-sim/kit';
import { meterIndexedDb, type Meter } from '../store/idb-meter';
import { BUYER, SELLER, createFakeNotifier, freshProfileStore, issueToken, resetInvoices, simClock, startSim } from './harness';

let checked: Checked;
let sim: Checked['sim'];
let meter: Meter | undefined;

beforeAll(async () => {
  checked = await startSim('lib-sync-page-transactions');
  sim = checked.sim;
});
afterAll(() => sim.stop());
afterEach(() => meter?.stop());

/** A sync as the worker runs it (profile-runner.ts): the worker's client, its limiter's state carried by the pages. */
async function workerSync(store: Store) {
  const profile = (await store.getProfile('org'))!;
  const deps = { store, fetch: (input: string, init: RequestInit) => fetch(input, init), clock: simClock(sim), random: () => 0.5 } as unknown as RuntimeDeps;
  const saved = (await store.getSyncState('org', 'Subject2'))?.rateLimiter;
  const client = createClientFor(deps, profile, saved);
  const token = issueToken(sim);
  const notes = createFakeNotifier();
  const run = () =>
    syncProfile(
      { store, client, session: { getAccessToken: async () => token }, clock: simClock(sim), random: () => 0.5, notifier: notes.notifier, rateLimiterState: () => client.rateLimiter.toJSON() },
      profile,
    );
  return { run, notes, client };
}

describe('one IndexedDB transaction per metadata page (the worker’s client)', () => {
  it('a first sync of 10 001 invoices: 41 pages, 41 page transactions, no other write per page', async () => {
    resetInvoices(sim);
    sim.admin.clearRequests();
    const { store } = await freshProfileStore(sim);
    sim.admin.addInvoices({ sellerNip: SELLER, buyerNip: BUYER, count: 10_001, spacingMs: 100, permanentStorageDate: sim.state.clock.now() - 60_000 });
    sim.admin.advanceClock(60_000);
    const { run, notes } = await workerSync(store);

    meter = meterIndexedDb();
    const result = await run();
    expect(result).toMatchObject({ outcome: 'ok', stored: 10_001, announced: 10_001 });
    const pages = Math.ceil(10_001 / PAGE_SIZE);
    expect(sim.admin.requests().filter((r) => r.path.includes('/invoices/query/metadata'))).toHaveLength(pages);
    const writes = meter.transactions.filter((t) => t.mode === 'readwrite');
    const pageWrites = meter.writesOver('profiles', 'invoices', 'syncState', 'log', 'invoiceCounts');
    expect(pageWrites).toBe(pages);
    // Besides the pages: the run's start and end marks and the announcement, whatever the number of pages.
    expect(writes.map((t) => t.stores.join('+')).filter((s) => s !== 'profiles+invoices+syncState+log+invoiceCounts')).toEqual([
      'profiles+syncState',
      'profiles+syncState',
      'profiles+invoices+invoiceCounts+syncState',
    ]);
    // Announcing wrote no invoice record: only the page writes touched them (one add per invoice).
    expect(meter.writes.invoices).toBe(10_001);
    expect([...notes.visible.values()]).toEqual([expect.objectContaining({ firstSync: true, total: 10_001 })]);
    // The limiter's bookings are in the store although it never saved itself during the pages.
    const saved = (await store.getSyncState('org', 'Subject2'))?.rateLimiter as { windows: Record<string, number[]> };
    expect(saved.windows.invoiceMetadata).toHaveLength(pages);
  }, 300_000);

  it('a 429 block is saved at once, in its own transaction, before the run ends', async () => {
    resetInvoices(sim);
    sim.admin.clearRequests();
    const { store } = await freshProfileStore(sim);
    sim.admin.addInvoices({ sellerNip: SELLER, buyerNip: BUYER, count: 600, spacingMs: 100, permanentStorageDate: sim.state.clock.now() - 60_000 });
    sim.admin.advanceClock(60_000);
    // One metadata query a second on the simulator: the second page (same frozen second) gets 429 + Retry-After.
    sim.admin.configureRateLimits({ enabled: true, reset: true, limits: { invoiceMetadata: { perSecond: 1, perMinute: 1000, perHour: 1000 } } });
    try {
      const { run } = await workerSync(store);
      meter = meterIndexedDb();
      // The client waits a short Retry-After out itself (clock.sleep) and asks again: the run still ends well.
      expect(await run()).toMatchObject({ outcome: 'ok', stored: 600 });
      // Pages 2 and 3 each met a 429 first (same frozen second as the page before).
      expect(sim.admin.requests().filter((r) => r.status === 429)).toHaveLength(2);
      const writes = meter.transactions.filter((t) => t.mode === 'readwrite').map((t) => t.stores.join('+'));
      const page = 'profiles+invoices+syncState+log+invoiceCounts';
      const limiterOrMark = 'profiles+syncState';
      // Run start, then each block saved at once by the limiter, before the page it held back; run end; announcement.
      expect(writes).toEqual([limiterOrMark, page, limiterOrMark, page, limiterOrMark, page, limiterOrMark, 'profiles+invoices+invoiceCounts+syncState']);
    } finally {
      sim.admin.configureRateLimits({ enabled: false, reset: true });
    }
  });

  it('the worker’s limiter saves a booking by itself except a metadata query’s (its page stores it)', async () => {
    const { store } = await freshProfileStore(sim);
    const { client } = await workerSync(store);
    meter = meterIndexedDb();
    const now = sim.state.clock.now();
    expect(client.rateLimiter.acquire('invoiceMetadata', now)).toEqual({ ok: true });
    expect(client.rateLimiter.acquire('invoiceDownload', now)).toEqual({ ok: true });
    await expect.poll(() => meter!.writesOver('profiles', 'syncState')).toBe(1);
    const saved = (await store.getSyncState('org', 'Subject2'))?.rateLimiter as { windows: Record<string, number[]> };
    expect(saved.windows).toEqual({ invoiceMetadata: [now], invoiceDownload: [now] });
  });
});
