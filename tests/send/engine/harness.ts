// Shared wiring for the engine tests: the simulator (frozen clock, contract-checked), a fresh fake-indexeddb
// store with the seller's profile, a client on the simulator's clock, a token the simulator issues for the
// seller's context, FA(3) files from the simulator's templates, and a notifier that keeps what a browser shows
// (one entry per id; showing an id again replaces it).
import { createHash } from 'node:crypto';
import { IDBFactory } from 'fake-indexeddb';
import { createKsefClient } from '../../../lib/ksef/client';
import type { Clock } from '../../../lib/ksef/clock';
import { createRateLimiter } from '../../../lib/ksef/rate-limits';
import type { RateLimitBudget, RateLimitGroup } from '../../../lib/ksef/rate-limit-budgets';
import type { PublicKeyCertificate } from '../../../lib/ksef/schemas';
import { createStore, type Store } from '../../../lib/store/store';
import { defaultPreferences } from '../../../lib/store/profiles';
import type { Profile } from '../../../lib/store/records';
import type { BatchEndNotice, SendDeps } from '../../../lib/send/types';
import { generateInvoiceXml } from '../../ksef-sim/invoice-templates';
import { createRng } from '../../ksef-sim/random';
import { pkiExpected, startChecked, type Checked } from '../../ksef-sim/kit';
import type { SimulatorOptions } from '../../ksef-sim';

export const SELLER = pkiExpected.nips.person;
export const BUYER = pkiExpected.nips.seal;
export const START = '2026-02-10T12:00:00.000Z';
export type Sim = Checked['sim'];

export function startSim(seed: string, options: SimulatorOptions = {}): Promise<Checked> {
  return startChecked({ seed, now: START, ...options });
}

export function simClock(sim: Sim): Clock {
  return { now: () => sim.state.clock.now(), sleep: async (ms) => void sim.admin.advanceClock(ms) };
}

export async function freshProfileStore(sim: Sim): Promise<{ store: Store; profile: Profile }> {
  const store = createStore({ indexedDB: new IDBFactory(), now: () => new Date(sim.state.clock.now()) });
  const profile = await store.saveProfile({
    id: 'org',
    name: 'Fundacja Testowa',
    nip: SELLER,
    environment: 'simulator',
    baseUrl: sim.baseUrl,
    preferences: { ...defaultPreferences(new Date(START)), firstSyncFrom: '2026-02-01' },
  });
  return { store, profile };
}

export interface Shown extends Omit<BatchEndNotice, 'profile'> {}

export function createFakeNotifier() {
  const visible = new Map<string, Shown>();
  let calls = 0;
  return {
    visible,
    calls: () => calls,
    notifier: {
      async batchEnded({ profile: _p, ...notice }: BatchEndNotice) {
        calls += 1;
        visible.set(`${notice.batchId}|${notice.firstItemId}`, notice);
      },
    },
  };
}

/** A FA(3) invoice of the seller with number `number`, issued on the simulator's day. */
export function invoiceFile(sim: Sim, number: string, overrides: { issueDate?: string; sellerNip?: string } = {}) {
  const today = new Date(sim.state.clock.now()).toISOString().slice(0, 10);
  const sellerNip = overrides.sellerNip ?? SELLER;
  const xml = generateInvoiceXml({ sellerNip, buyerNip: BUYER, invoiceNumber: number, ...(overrides.issueDate ? { issueDate: overrides.issueDate } : {}) }, createRng(number), today);
  const bytes = Buffer.from(xml, 'utf8');
  return {
    fileName: `${number.replace(/\W+/g, '-')}.xml`,
    xml,
    facts: {
      sellerNip,
      kind: 'VAT',
      number,
      issueDate: overrides.issueDate ?? today,
      sizeBytes: bytes.length,
      sha256Base64: createHash('sha256').update(bytes).digest('base64'),
    },
  };
}

/** Deps as a fresh worker builds them. `budgets`: the client's own (default: KSeF's, NOTES §9). */
export function buildDeps(
  sim: Sim,
  store: Store,
  notifier: SendDeps['notifier'],
  options: { token?: () => string; budgets?: Partial<Record<RateLimitGroup, RateLimitBudget>>; keyCache?: { certificates?: PublicKeyCertificate[] }; maxInlineWaitMs?: number } = {},
): SendDeps {
  const clock = simClock(sim);
  const client = createKsefClient({ baseUrl: sim.baseUrl }, { clock, rateLimiter: createRateLimiter({ budgets: options.budgets ?? {} }), random: () => 0.5 });
  const token = options.token ?? (() => issueToken(sim));
  let current: string | undefined;
  return {
    store,
    client,
    session: { getAccessToken: async (o) => (current === undefined || o?.forceRefresh ? (current = token()) : current) },
    clock,
    notifier,
    keyCache: options.keyCache ?? {},
    ...(options.maxInlineWaitMs !== undefined ? { maxInlineWaitMs: options.maxInlineWaitMs } : {}),
  };
}

export function issueToken(sim: Sim): string {
  return sim.admin.issueTokens({ context: SELLER }).accessToken.token;
}

/** Invoices the simulator stored (accepted) for the seller, by P_2. */
export function storedBySim(sim: Sim): string[] {
  return sim.admin
    .invoices()
    .filter((m) => (m.seller as { nip: string }).nip === SELLER)
    .map((m) => String(m.invoiceNumber))
    .sort();
}

/** Every POST of an invoice the simulator received, across all sessions. */
export function postedToSim(sim: Sim): number {
  return [...sim.state.sessions.values()].reduce((sum, s) => sum + s.invoices.length, 0);
}
