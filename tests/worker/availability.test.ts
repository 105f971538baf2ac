// KSeF's announced breaks (Latarnia) around a sync run, and "Pobierz starsze faktury", through the worker
// against the simulator (its /latarnia/status and admin hook, tests/ksef-sim/latarnia.ts).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Checked } from '../ksef-sim/kit';
import { BUYER, SELLER, resetInvoices, startSim } from '../sync/harness';
import { setupWorker } from './fakes';

let checked: Checked;
let sim: Checked['sim'];

beforeAll(async () => {
  checked = await startSim('worker-availability');
  sim = checked.sim;
});
afterAll(() => sim.stop());
beforeEach(() => {
  resetInvoices(sim);
  sim.admin.clearFaults();
  sim.admin.clearAvailability();
  sim.admin.clearRequests();
});

const subject2 = async (h: Awaited<ReturnType<typeof setupWorker>>) => (await h.store.getSyncState('org', 'Subject2'))!;

describe('KSeF availability (Latarnia)', () => {
  it('during an announced maintenance: outage stored, failures not counted, cleared when KSeF is back', async () => {
    const h = await setupWorker(sim);
    sim.admin.announceAvailability({ kind: 'maintenance', title: 'Prace serwisowe KSeF', end: new Date(sim.state.clock.now() + 3 * 3_600_000).toISOString() });
    sim.admin.addFault({ path: '/v2/*', kind: 'http503', count: 1_000 });
    for (let run = 0; run < 2; run += 1) {
      const result = await h.worker.onAlarm({ name: 'sync:org' });
      expect(result).toMatchObject({ outcome: 'failed', failure: { kind: 'transient' } });
      const state = await subject2(h);
      expect(state).toMatchObject({ consecutiveFailures: 0, outage: { kind: 'maintenance', message: 'Prace serwisowe KSeF' } });
      expect(state.failingSince ?? null).toBeNull();
      sim.admin.setClock(state.blockedUntil!);
    }
    sim.admin.clearFaults();
    sim.admin.clearAvailability();
    expect(await h.worker.onAlarm({ name: 'sync:org' })).toMatchObject({ outcome: 'ok' });
    expect((await subject2(h)).outage).toBeUndefined();
    const codes = (await h.store.listLog({ profileId: 'org' })).map((e) => e.code);
    expect(codes.filter((c) => c === 'KSEF_MAINTENANCE')).toHaveLength(1);
    expect(codes[0]).toBe('SYNC_OK');
    expect(codes).toContain('KSEF_BACK');
  });

  it('without an announcement the same failure counts as before, and nothing is stored as an outage', async () => {
    const h = await setupWorker(sim);
    sim.admin.addFault({ path: '/v2/*', kind: 'http503', count: 1_000 });
    await h.worker.onAlarm({ name: 'sync:org' });
    const state = await subject2(h);
    expect(state.consecutiveFailures).toBe(1);
    expect(state.outage).toBeUndefined();
  });

  it('a failure that is not KSeF being down (KSeF\'s pause, 429) never asks Latarnia', async () => {
    const h = await setupWorker(sim);
    sim.admin.announceAvailability({ kind: 'failure' });
    sim.admin.addFault({ path: '/v2/auth/challenge', kind: 'http429', retryAfterSeconds: 30, count: 10 } as never);
    await h.worker.onAlarm({ name: 'sync:org' });
    expect((await subject2(h)).outage).toBeUndefined();
    expect(sim.admin.requests().some((r) => r.path.startsWith('/latarnia/'))).toBe(false);
  });
});

describe('fetchOlderInvoices', () => {
  it('stores invoices before the first-sync day without announcing them or counting them as new', async () => {
    const h = await setupWorker(sim, { preferences: { firstSyncFrom: '2026-02-05' } });
    const add = (day: string, name: string) =>
      sim.admin.addInvoice({ sellerNip: SELLER, buyerNip: BUYER, sellerName: name, permanentStorageDate: `${day}T10:00:00Z` } as never);
    add('2026-02-02', 'Stara Alfa');
    add('2026-02-03', 'Stara Beta');
    add('2026-02-09', 'Nowa Gamma');
    await h.worker.onAlarm({ name: 'sync:org' });
    expect(await h.store.countByState('org')).toMatchObject({ new: 1 });
    const shown = h.browser.created.length;
    const markBefore = (await subject2(h)).hwm;

    const result = await h.worker.handlers.fetchOlderInvoices({ type: 'fetchOlderInvoices', profileId: 'org', from: '2026-02-01' });
    expect(result).toEqual({ stored: 2, from: '2026-02-01' });
    expect(h.browser.created.length).toBe(shown);
    expect(await h.store.countByState('org')).toMatchObject({ new: 1, seen: 2 });
    expect((await h.store.unnotifiedSummary('org', 10)).count).toBe(0);
    expect((await h.store.getProfile('org'))?.preferences.firstSyncFrom).toBe('2026-02-01');
    expect((await subject2(h)).hwm).toBe(markBefore);
    // The next sync does not announce them either.
    sim.admin.advanceClock(20 * 60_000);
    expect(await h.worker.onAlarm({ name: 'sync:org' })).toMatchObject({ announced: 0 });
    expect(h.browser.created.length).toBe(shown);
    // Asking again for a day not before the start is a no-op.
    expect(await h.worker.handlers.fetchOlderInvoices({ type: 'fetchOlderInvoices', profileId: 'org', from: '2026-02-01' })).toEqual({ stored: 0, from: '2026-02-01' });
  });
});
