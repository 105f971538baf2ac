// Shared wiring for the sync tests: the simulator (frozen clock, contract-checked), a fresh fake-indexeddb
// store with one profile, a client on the simulator's clock whose limiter is restored from the store like
// the worker does, a session backed by tokens the simulator issues, and a notifier that keeps what a
// browser would show (same id replaces).
import { IDBFactory } from 'fake-indexeddb';
import { createKsefClient } from '../../lib/ksef/client';
import { createRateLimiter, type RateLimiterOptions } from '../../lib/ksef/rate-limits';
import type { Clock } from '../../lib/ksef/clock';
import { createStore, type Store } from '../../lib/store/store';
import { defaultPreferences } from '../../lib/store/profiles';
import type { Profile } from '../../lib/store/records';
import type { NewInvoicesNotice, SyncDeps } from '../../lib/sync/types';
import { createInvoiceStore } from '../ksef-sim/invoices';
import { pkiExpected, startChecked, type Checked } from '../ksef-sim/kit';
import type { SimulatorOptions } from '../ksef-sim';

export const BUYER = pkiExpected.nips.person;
export const SELLER = pkiExpected.nips.seal;
export const START = '2026-02-10T12:00:00.000Z';

/** Generous client budgets: these tests are about the algorithm; the limiter has its own tests. */
export const RELAXED = {
  invoiceMetadata: { perSecond: 10_000 },
  invoiceDownload: { perSecond: 10_000 },
};

/** `options` may lower the simulator's 10 000-record cap (`maxQueryRecords`) so a truncation costs a few pages. */
export async function startSim(seed: string, options: SimulatorOptions = {}): Promise<Checked> {
  return startChecked({ seed, now: START, ...options });
}

export function simClock(sim: Checked['sim']): Clock {
  return { now: () => sim.state.clock.now(), sleep: async (ms) => void sim.admin.advanceClock(ms) };
}

export interface ShownNotice {
  batchId: string;
  total: number;
  firstSync: boolean;
  ksefNumbers: string[];
}

/** What the browser would show: one entry per id; showing an id again replaces it. */
export function createFakeNotifier() {
  const visible = new Map<string, ShownNotice>();
  let calls = 0;
  return {
    visible,
    calls: () => calls,
    notifier: {
      async newInvoices(notice: NewInvoicesNotice) {
        calls += 1;
        visible.set(notice.batchId, {
          batchId: notice.batchId,
          total: notice.total,
          firstSync: notice.firstSync,
          ksefNumbers: notice.invoices.map((i) => i.ksefNumber),
        });
      },
    },
  };
}

export async function freshProfileStore(
  sim: Checked['sim'],
  overrides: Partial<Profile['preferences']> = {},
): Promise<{ factory: IDBFactory; store: Store; profile: Profile }> {
  const factory = new IDBFactory();
  const store = createStore({ indexedDB: factory, now: () => new Date(sim.state.clock.now()) });
  const profile = await store.saveProfile({
    id: 'org',
    name: 'Fundacja Testowa',
    nip: BUYER,
    environment: 'simulator',
    baseUrl: sim.baseUrl,
    preferences: { ...defaultPreferences(new Date(START)), firstSyncFrom: '2026-02-01', ...overrides },
  });
  return { factory, store, profile };
}

/**
 * Deps as a fresh worker would build them: the limiter restored from what the store kept. `budgets`: the
 * client's own (RELAXED here; `{}` for KSeF's real ones, NOTES §9).
 */
export async function buildDeps(
  sim: Checked['sim'],
  store: Store,
  notifier: SyncDeps['notifier'],
  token: () => string,
  budgets: RateLimiterOptions['budgets'] = RELAXED,
): Promise<SyncDeps> {
  const clock = simClock(sim);
  const saved = (await store.getSyncState('org', 'Subject2'))?.rateLimiter;
  const limiter = createRateLimiter({ state: saved, budgets });
  const client = createKsefClient({ baseUrl: sim.baseUrl }, { clock, rateLimiter: limiter, random: () => 0.5 });
  return {
    store,
    client,
    session: { getAccessToken: async () => token() },
    clock,
    random: () => 0.5,
    notifier,
    rateLimiterState: () => limiter.toJSON(),
  };
}

/** A token for the buyer's context, issued by the simulator without signing (lib/auth has its own tests). */
export function issueToken(sim: Checked['sim']): string {
  return sim.admin.issueTokens({ context: BUYER }).accessToken.token;
}

export function addPurchases(sim: Checked['sim'], count: number, spacingMs = 1000) {
  if (count === 1) return sim.admin.addInvoice({ sellerNip: SELLER, buyerNip: BUYER });
  return sim.admin.addInvoices({ sellerNip: SELLER, buyerNip: BUYER, count, spacingMs });
}

/** Every stored KSeF number of the profile, sorted (normalised as the store keeps them). */
export async function storedNumbers(store: Store): Promise<string[]> {
  const out: string[] = [];
  let after;
  for (;;) {
    const page = await store.listInvoicesPage({ profileId: 'org', dateField: 'permanentStorageDate', direction: 'asc', limit: 1000, after });
    out.push(...page.items.map((i) => i.ksefNumber));
    if (!page.next) break;
    after = page.next;
  }
  return out.sort();
}

/** The purchase invoices the simulator holds for the buyer up to its mark. */
export function serverNumbers(sim: Checked['sim']): string[] {
  return sim.admin
    .invoices()
    .filter((m) => (m.buyer as { identifier: { value: string } }).identifier.value === BUYER)
    .map((m) => String(m.ksefNumber).toUpperCase())
    .sort();
}

/** Empties the simulator's invoices (a fresh store, so its duplicate index is empty too). */
export function resetInvoices(sim: Checked['sim']): void {
  sim.state.invoices = createInvoiceStore();
}
