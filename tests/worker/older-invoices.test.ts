// Issue 15: "Pobierz starsze faktury" stores each page already announced and seen, with the limiter's bookings,
// in the page's one transaction (before: a store, then a rewrite to mark them announced, then another to mark
// them seen, and a limiter write per request). Through the worker against the simulator, transactions counted.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_SIZE } from '../../lib/sync/subject-sync';
import type { Checked } from '../ksef-sim/kit';
import { meterIndexedDb, type Meter } from '../store/idb-meter';
import { BUYER, SELLER, resetInvoices, startSim } from '../sync/harness';
import { setupWorker } from './fakes';

let checked: Checked;
let sim: Checked['sim'];
let meter: Meter | undefined;

beforeAll(async () => {
  checked = await startSim('worker-older-invoices');
  sim = checked.sim;
});
afterAll(() => sim.stop());
afterEach(() => meter?.stop());

describe('fetchOlderInvoices', () => {
  it('one transaction per page: stored announced and seen, the limiter with them, no rewrite', async () => {
    resetInvoices(sim);
    const h = await setupWorker(sim, { preferences: { firstSyncFrom: '2026-02-05' } });
    const older = 2 * PAGE_SIZE + 10;
    // Before the first-sync day, one a minute from 2 February on.
    sim.admin.addInvoices({ sellerNip: SELLER, buyerNip: BUYER, count: older, spacingMs: 60_000, permanentStorageDate: Date.parse('2026-02-02T10:00:00Z') + older * 60_000 });
    sim.admin.addInvoice({ sellerNip: SELLER, buyerNip: BUYER, permanentStorageDate: '2026-02-09T10:00:00Z' } as never);
    expect(await h.worker.onAlarm({ name: 'sync:org' })).toMatchObject({ outcome: 'ok', stored: 1 });
    sim.admin.clearRequests();

    meter = meterIndexedDb();
    const result = await h.worker.handlers.fetchOlderInvoices({ type: 'fetchOlderInvoices', profileId: 'org', from: '2026-02-01' });
    expect(result).toEqual({ stored: older, from: '2026-02-01' });
    const queries = sim.admin.requests().filter((r) => r.path.includes('/invoices/query/metadata')).length;
    expect(queries).toBe(3);
    const writes = meter.transactions.filter((t) => t.mode === 'readwrite').map((t) => t.stores.join('+'));
    expect(writes.filter((w) => w.includes('invoices'))).toEqual(Array(queries).fill('profiles+invoices+syncState+log+invoiceCounts'));
    // Each older invoice written once (its add); the limiter never wrote on its own for a metadata query.
    expect(meter.writes.invoices).toBe(older);
    expect(writes.filter((w) => w === 'profiles+syncState')).toEqual([]);
    meter.stop();

    expect(await h.store.countByState('org')).toEqual({ new: 1, seen: older, booked: 0 });
    expect((await h.store.unnotifiedSummary('org', 10)).count).toBe(0);
    const limiter = (await h.store.getSyncState('org', 'Subject2'))?.rateLimiter as { windows: Record<string, number[]> };
    expect(limiter.windows.invoiceMetadata?.length).toBeGreaterThanOrEqual(queries);
  });
});
