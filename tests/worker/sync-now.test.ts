// "Sprawdź teraz" against the simulator (review B4, B6): the answer comes when the run has ended, with each
// organisation's result; one that cannot run is its own failed result; a person's check lifts the extension's
// own back-off but never KSeF's pause; notifications speak the one UI language, not the profile's old one.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { t, tp } from '../../lib/i18n';
import type { SyncNowAnswer } from '../../lib/views/sync-result';
import type { StorageChanges } from '../../lib/views/ui-language';
import { withOwnBackoffLifted } from '../../lib/worker/sync-now';
import type { Checked } from '../ksef-sim/kit';
import { BUYER, SELLER, resetInvoices, startSim } from '../sync/harness';
import { setupWorker, type WorkerHarness } from './fakes';

const check = (worker: WorkerHarness['worker'], profileId?: string) =>
  worker.handlers.syncNow(profileId ? { type: 'syncNow', profileId } : { type: 'syncNow' }) as Promise<SyncNowAnswer>;

let sim: Checked['sim'];

beforeAll(async () => {
  sim = (await startSim('sync-now')).sim;
});
afterAll(() => sim.stop());
beforeEach(() => {
  resetInvoices(sim);
  sim.admin.clearFaults();
});

function addPurchase(name: string) {
  return sim.admin.addInvoice({ sellerNip: SELLER, buyerNip: BUYER, sellerName: name } as never);
}

/** chrome.storage.local as a Map, with its change event. */
function settingsArea(initial: Record<string, unknown>) {
  const data = new Map(Object.entries(initial));
  const listeners = new Set<(changes: StorageChanges) => void>();
  return {
    get: async (key: string) => (data.has(key) ? { [key]: data.get(key) } : {}),
    set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => data.set(k, v)),
    onChanged: { addListener: (l: (c: StorageChanges) => void) => listeners.add(l), removeListener: (l: (c: StorageChanges) => void) => listeners.delete(l) },
  };
}

describe('syncNow', () => {
  it('answers when the run has ended: how many invoices it stored, then none', async () => {
    const { worker } = await setupWorker(sim);
    addPurchase('Alfa');
    addPurchase('Beta');
    sim.admin.advanceClock(60_000);
    expect(await check(worker)).toEqual({ results: [{ profileId: 'org', outcome: 'ok', stored: 2 }] });
    sim.admin.advanceClock(60_000);
    expect(await check(worker, 'org')).toEqual({ results: [{ profileId: 'org', outcome: 'ok', stored: 0 }] });
  });

  it('an organisation that cannot run is its own failed result with its code, not a rejected answer', async () => {
    const { worker } = await setupWorker(sim, { credentials: false });
    const answer = await check(worker, 'org');
    expect(answer.results).toHaveLength(1);
    expect(answer.results[0]).toMatchObject({ profileId: 'org', outcome: 'failed', stored: 0 });
    expect(answer.results[0]!.failure?.code).toMatch(/^[A-Z_]+$/);
    expect(answer.results[0]!.failure?.message.length).toBeGreaterThan(0);
    // "All" leaves out the organisations that have no certificate yet.
    expect(await check(worker)).toEqual({ results: [] });
  });

  it('after a network failure a person\'s check runs at once; the failure and the last good check are kept apart', async () => {
    const { worker, store } = await setupWorker(sim);
    sim.admin.advanceClock(60_000);
    await check(worker);
    const good = (await store.getSyncState('org', 'Subject2'))!.lastSuccessAt;
    expect(good).toEqual(expect.any(String));
    sim.admin.addFault({ path: '/v2/*', kind: 'drop', count: 1000 });
    sim.admin.advanceClock(60_000);
    const failed = await check(worker);
    expect(failed.results[0]).toMatchObject({ outcome: 'failed', failure: { code: 'NETWORK' } });
    const after = (await store.getSyncState('org', 'Subject2'))!;
    expect(after.blockedUntil).not.toBeNull();
    expect(after.lastSuccessAt).toBe(good);
    expect(after.lastSyncAt).not.toBe(good);
    sim.admin.clearFaults();
    addPurchase('Gamma');
    sim.admin.advanceClock(5_000);
    // Still inside the back-off: an alarm would wait, the person's check does not.
    expect(await check(worker, 'org')).toEqual({ results: [{ profileId: 'org', outcome: 'ok', stored: 1 }] });
  });

  it('KSeF\'s own pause (429 Retry-After) stands: the check answers "blocked" with its end', async () => {
    const { worker } = await setupWorker(sim);
    sim.admin.addFault({ path: '/v2/invoices/query/metadata', kind: 'http429', count: 1000, retryAfterSeconds: 600 });
    sim.admin.advanceClock(60_000);
    expect((await check(worker)).results[0]).toMatchObject({ outcome: 'failed', failure: { code: expect.stringMatching(/RATE_LIMITED|HTTP_429/) } });
    const again = (await check(worker)).results[0]!;
    expect(again.outcome).toBe('blocked');
    expect(Date.parse(again.blockedUntil!)).toBeGreaterThan(sim.state.clock.now());
  });
});

describe('withOwnBackoffLifted', () => {
  const base = {
    profileId: 'p', subjectType: 'Subject2' as const, hwm: null, windowFrom: null, lastSyncAt: null, lastSuccessAt: null, nextSyncAt: null,
    consecutiveFailures: 3, blockedUntil: '2026-02-10T12:30:00.000Z', rateLimiter: null, firstSyncDone: true,
  };
  it.each([
    ['NETWORK', true],
    ['HTTP_503', true],
    ['UNEXPECTED', true],
    ['RATE_LIMITED', false],
    ['HTTP_429', false],
  ])('%s → lifted: %s (failures still counted)', (code, lifted) => {
    const result = withOwnBackoffLifted({ ...base, lastError: { code, message: 'x', messageEn: 'x' } });
    expect(result === undefined ? false : result.blockedUntil === null && result.consecutiveFailures === 3).toBe(lifted);
  });
  it('nothing to lift without a block', () => {
    expect(withOwnBackoffLifted({ ...base, blockedUntil: null, lastError: { code: 'NETWORK', message: 'x', messageEn: 'x' } })).toBeUndefined();
    expect(withOwnBackoffLifted(undefined)).toBeUndefined();
  });
});

describe('notification language', () => {
  it('follows the one UI language (chrome.storage.local uiLanguage), not the profile\'s stored language', async () => {
    const settings = settingsArea({ uiLanguage: 'en' });
    const { worker, browser } = await setupWorker(sim, { preferences: { language: 'pl' }, extra: { settings } });
    addPurchase('Alfa');
    sim.admin.advanceClock(60_000);
    await check(worker);
    const first = [...browser.shown.values()][0]!;
    expect(first.message).toBe(t('en', 'notify_imported_message', { imported: tp('en', 'imported_invoices', 1) }));
    await settings.set({ uiLanguage: 'pl' });
    addPurchase('Beta');
    sim.admin.advanceClock(60_000);
    await check(worker);
    const later = [...browser.shown.values()].at(-1)!;
    expect(later.message.split('\n')[0]).toBe('1 nowa faktura kosztowa');
  });
});
