// Issue 10: one metadata record the store refuses must not block every later invoice. It is set aside (kept in
// the log by its KSeF number), the rest of the page is stored, the mark moves on, and later runs go on.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../lib/store/store';
import { syncProfile } from '../../lib/sync/sync-profile';
import type { SyncDeps } from '../../lib/sync/types';
import type { Checked } from '../ksef-sim/kit';
import {
  addPurchases,
  buildDeps,
  createFakeNotifier,
  freshProfileStore,
  issueToken,
  resetInvoices,
  serverNumbers,
  startSim,
  storedNumbers,
} from './harness';

let checked: Checked;
let sim: Checked['sim'];
let store: Store;
let token: string;

beforeAll(async () => {
  checked = await startSim('lib-sync-set-aside');
  sim = checked.sim;
});
afterAll(() => sim.stop());
beforeEach(async () => {
  resetInvoices(sim);
  ({ store } = await freshProfileStore(sim));
  token = issueToken(sim);
});

/** A client whose metadata answers carry one record the store refuses (a currency code of 7 letters). */
function spoiling(deps: SyncDeps, spoil: (ksefNumber: string) => boolean): SyncDeps {
  const invoices = deps.client.invoices;
  return {
    ...deps,
    client: {
      invoices: {
        download: (...args) => invoices.download(...args),
        queryMetadata: async (...args) => {
          const page = await invoices.queryMetadata(...args);
          const spoilt = page.invoices.map((m) => (spoil(m.ksefNumber) ? { ...m, currency: 'złotych' } : m));
          return { ...page, invoices: spoilt as typeof page.invoices };
        },
      },
    },
  };
}

describe('a record the store refuses', () => {
  it('is set aside: the others of the page are stored, the mark moves on, and the next runs store the later ones', async () => {
    const notes = createFakeNotifier();
    addPurchases(sim, 5);
    sim.admin.advanceClock(60_000);
    const server = serverNumbers(sim);
    const bad = server[2]!;
    const profile = (await store.getProfile('org'))!;
    const first = await syncProfile(spoiling(await buildDeps(sim, store, notes.notifier, () => token), (n) => n.toUpperCase() === bad), profile);
    expect(first).toMatchObject({ outcome: 'ok', stored: 4 });
    expect(await storedNumbers(store)).toEqual(server.filter((n) => n !== bad));
    const state = await store.getSyncState('org', 'Subject2');
    expect(state).toMatchObject({ skippedCount: 1, skippedNumbers: [bad], consecutiveFailures: 0 });
    expect(state?.lastError).toBeUndefined();
    const log = await store.listLog({ profileId: 'org' });
    expect(log.filter((e) => e.code === 'INVOICE_SET_ASIDE').map((e) => e.message)).toEqual([
      expect.stringMatching(new RegExp(`^KSeF ${bad} \\(Subject2\\) set aside: putNewInvoices \\[\\d\\]: invalid currency$`)),
    ]);

    addPurchases(sim, 3);
    sim.admin.advanceClock(60_000);
    const later = await syncProfile(await buildDeps(sim, store, notes.notifier, () => token), profile);
    expect(later).toMatchObject({ outcome: 'ok', stored: 3 });
    expect(await storedNumbers(store)).toEqual(serverNumbers(sim).filter((n) => n !== bad));
    expect(await store.getSyncState('org', 'Subject2')).toMatchObject({ skippedCount: 1 });
  }, 60_000);
});
