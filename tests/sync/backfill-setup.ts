// A first sync as the backfill tests run it: a fresh profile and store on a simulator, each run a fresh engine
// (as after a worker restart) whose metadata queries are logged with how each ended.
import type { InvoiceQueryFilters, MetadataPaging } from '../../lib/ksef/schemas';
import { syncProfile, type ProfileSyncResult } from '../../lib/sync/sync-profile';
import type { SyncDeps } from '../../lib/sync/types';
import { expect } from 'vitest';
import type { Checked } from '../ksef-sim/kit';
import { BUYER, SELLER, START, buildDeps, createFakeNotifier, freshProfileStore, resetInvoices, serverNumbers, storedNumbers } from './harness';

type Sim = Checked['sim'];

/** KSeF's own budgets in the client (NOTES §9), not the relaxed ones of the other sync tests. */
export const KSEF_BUDGETS = {};
export const NO_BUDGETS = { invoiceMetadata: { perSecond: 10_000 }, invoiceDownload: { perSecond: 10_000 } };

export interface Query {
  run: number;
  filters: InvoiceQueryFilters;
  paging: MetadataPaging;
  refused?: string;
  truncated?: boolean;
}

/** A profile syncing from `firstSyncFrom`, each run a fresh engine (as after a worker restart), queries logged. */
export async function backfillSetup(sim: Sim, firstSyncFrom: string, budgets: Record<string, unknown> = KSEF_BUDGETS) {
  sim.admin.setClock(START);
  resetInvoices(sim);
  sim.admin.configureRateLimits({ enabled: true, reset: true });
  sim.admin.clearRequests();
  const { store } = await freshProfileStore(sim, { firstSyncFrom });
  const notes = createFakeNotifier();
  const token = sim.admin.issueTokens({ context: BUYER }).accessToken.token;
  const queries: Query[] = [];
  let runs = 0;
  const run = async (): Promise<ProfileSyncResult> => {
    runs += 1;
    const current = runs;
    const base = await buildDeps(sim, store, notes.notifier, () => token, budgets);
    const deps: SyncDeps = {
      ...base,
      client: {
        invoices: {
          ...base.client.invoices,
          queryMetadata: async (filters, paging, accessToken) => {
            const entry: Query = { run: current, filters: structuredClone(filters), paging: { ...paging } };
            queries.push(entry);
            try {
              const answer = await base.client.invoices.queryMetadata(filters, paging, accessToken);
              entry.truncated = answer.isTruncated;
              return answer;
            } catch (error) {
              entry.refused = (error as { code?: string }).code;
              throw error;
            }
          },
        },
      },
    };
    return syncProfile(deps, (await store.getProfile('org'))!);
  };
  const purchases = (count: number, last: number, spacingMs: number, invoiceNumber: string) =>
    sim.admin.addInvoices({ sellerNip: SELLER, buyerNip: BUYER, count, spacingMs, permanentStorageDate: last, invoiceNumber });
  /** Runs until up to the mark; a budget stop waits for its `blockedUntil`, as the worker's alarm does. */
  const untilCaughtUp = async (maxRuns: number): Promise<ProfileSyncResult[]> => {
    const results: ProfileSyncResult[] = [];
    for (let i = 0; i < maxRuns; i++) {
      const result = await run();
      results.push(result);
      if (result.outcome === 'ok') return results;
      if (result.blockedUntil) sim.admin.setClock(result.blockedUntil);
    }
    throw new Error(`not caught up after ${maxRuns} runs: ${JSON.stringify(results.map((r) => r.outcome))}`);
  };
  /** 0 lost, 0 twice, and exactly one notice: the first-sync summary with the full count. */
  const expectAllStoredOnce = async () => {
    const stored = await storedNumbers(store);
    expect(new Set(stored).size).toBe(stored.length);
    expect(stored).toEqual(serverNumbers(sim));
    expect([...notes.visible.values()]).toEqual([expect.objectContaining({ firstSync: true, total: stored.length })]);
    expect(notes.calls()).toBe(1);
  };
  return { store, notes, queries, run, purchases, untilCaughtUp, expectAllStoredOnce };
}

