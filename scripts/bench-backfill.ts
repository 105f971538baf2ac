// Issue 10: the requests and runs a 14-month first sync needs under KSeF's own budget (NOTES §9: 8 metadata
// queries a second, 16 a minute, 20 an hour), with one window holding more than 10 000 invoices (the full-size
// truncation of NOTES §7.1, which unit tests only run at a lowered cap). The simulator enforces the production
// limits too, so a 429 would show in `rejected429`. Each run is a fresh engine whose limiter is restored from
// the store, woken when the previous run's budget stop said it may go on.
// lib/store in Node: idb needs the IndexedDB globals (IDBKeyRange, …).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { createKsefClient, createRateLimiter, type Clock, type InvoiceQueryFilters, type MetadataPaging } from '../lib/ksef';
import { createStore, defaultPreferences } from '../lib/store';
import { syncProfile, type SyncDeps } from '../lib/sync';
import { startSimulator } from '../tests/ksef-sim';

const DAY = 86_400_000;
const START = '2026-02-10T12:00:00Z';
const FIRST_SYNC_FROM = '2024-12-10';

type Kind = 'closedWindow' | 'openWindow' | 'nextPage' | 'afterTruncation' | 'heldBackByBudget';

export async function benchBackfill(): Promise<Record<string, unknown>> {
  const nips = JSON.parse(readFileSync('tests/fixtures/pki/expected.json', 'utf8')).nips as { person: string; seal: string };
  const sim = await startSimulator({ port: 0, seed: 'bench-backfill', rateLimits: {}, freezeClock: true, now: START, tokenLifetimes: { accessMs: 30 * DAY } });
  try {
    const clock: Clock = { now: () => sim.state.clock.now(), sleep: async (ms) => void sim.admin.advanceClock(ms) };
    const now = clock.now();
    // Ten a day over the 14 months, and 10 500 within three days of June 2025 (one 89-day window over the cap).
    sim.admin.addInvoices({ sellerNip: nips.seal, buyerNip: nips.person, count: 4_250, spacingMs: DAY / 10, permanentStorageDate: now - 60_000, invoiceNumber: 'FV/DZIENNA' });
    sim.admin.addInvoices({ sellerNip: nips.seal, buyerNip: nips.person, count: 10_500, spacingMs: 24_000, permanentStorageDate: Date.parse('2025-06-20T12:00:00Z'), invoiceNumber: 'FV/CZERWIEC' });
    const onServer = sim.admin.invoices().length;

    const store = createStore({ indexedDB: new IDBFactory(), now: () => new Date(clock.now()) });
    const profile = await store.saveProfile({
      id: 'bench',
      name: 'Bench',
      nip: nips.person,
      environment: 'simulator',
      baseUrl: sim.baseUrl,
      preferences: { ...defaultPreferences(new Date(now)), firstSyncFrom: FIRST_SYNC_FROM },
    });
    const token = sim.admin.issueTokens({ context: nips.person }).accessToken.token;
    const requests: Record<Kind, number> = { closedWindow: 0, openWindow: 0, nextPage: 0, afterTruncation: 0, heldBackByBudget: 0 };
    let truncations = 0;
    let afterTruncated = false;
    const summaries: number[] = [];
    let notices = 0;
    let announced = 0;
    const outcomes: string[] = [];

    const runOnce = async () => {
      const saved = (await store.getSyncState('bench', 'Subject2'))?.rateLimiter;
      const client = createKsefClient({ baseUrl: sim.baseUrl }, { clock, rateLimiter: createRateLimiter({ state: saved }) });
      const queryMetadata = async (filters: InvoiceQueryFilters, paging: MetadataPaging, accessToken: string) => {
        try {
          const page = await client.invoices.queryMetadata(filters, paging, accessToken);
          const kind: Kind = (paging.pageOffset ?? 0) > 0 ? 'nextPage' : afterTruncated ? 'afterTruncation' : filters.dateRange.to ? 'closedWindow' : 'openWindow';
          requests[kind] += 1;
          afterTruncated = page.isTruncated;
          if (page.isTruncated) truncations += 1;
          return page;
        } catch (error) {
          if ((error as { code?: unknown }).code === 'RATE_LIMITED' && (error as { status?: unknown }).status === undefined) requests.heldBackByBudget += 1;
          throw error;
        }
      };
      const deps: SyncDeps = {
        store,
        client: { invoices: { ...client.invoices, queryMetadata } },
        session: { getAccessToken: async () => token },
        clock,
        notifier: {
          newInvoices: async (notice) => {
            notices += 1;
            announced += notice.total;
            if (notice.firstSync) summaries.push(notice.total);
          },
        },
        rateLimiterState: () => client.rateLimiter.toJSON(),
      };
      return syncProfile(deps, (await store.getProfile(profile.id))!);
    };

    const t0 = performance.now();
    for (let run = 0; run < 100; run++) {
      const result = await runOnce();
      outcomes.push(result.outcome);
      if (result.outcome === 'ok' || result.outcome === 'failed') break;
      if (result.blockedUntil) sim.admin.setClock(result.blockedUntil);
    }
    const wallMs = Math.round(performance.now() - t0);
    const storedTotal = Object.values(await store.countByState('bench')).reduce((sum, n) => sum + n, 0);
    const sent = requests.closedWindow + requests.openWindow + requests.nextPage + requests.afterTruncation;
    store.close();
    return {
      firstSyncFrom: FIRST_SYNC_FROM,
      now: START,
      invoicesOnServer: onServer,
      stored: storedTotal,
      lost: onServer - storedTotal,
      outcome: outcomes.at(-1),
      runs: outcomes.length,
      runOutcomes: outcomes,
      metadataQueries: { sent, ...requests },
      truncations,
      rejected429: sim.admin.requests().filter((r) => r.status === 429).length,
      firstSyncSummaries: summaries,
      notices,
      announcedTwice: announced - storedTotal,
      simulatedHours: Math.round(((clock.now() - now) / 3_600_000) * 100) / 100,
      wallMs,
      note:
        'client budgets of KSeF (8/s, 16/min, 20/h for metadata); the simulator enforces the same; each run woken at the ' +
        'blockedUntil of the previous budget stop; heldBackByBudget = queries the client held back (never sent), one per stopped run',
    };
  } finally {
    await sim.stop();
  }
}
