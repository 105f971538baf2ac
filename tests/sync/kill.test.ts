// RELIABILITY G7: the engine killed at every await point it reaches, before and after the pending call
// (for a store write: before it starts, and after it committed). A kill is faithful: the call never
// resolves and the engine is thrown away, so no catch or finally of it runs. A fresh engine then resumes
// from what the store holds, and must end with 0 lost, 0 duplicates, the mark never moved back, and every
// invoice announced exactly once in what the browser shows (a repeated notice replaces, by id).
import { finishedOrKilled, killableCalls, type KillMode } from '../helpers/kill-at';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncProfile } from '../../lib/sync/sync-profile';
import type { SyncDeps } from '../../lib/sync/types';
import type { Store } from '../../lib/store/store';
import type { Checked } from '../ksef-sim/kit';
import {
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

let checked: Checked;
let sim: Checked['sim'];

beforeAll(async () => {
  checked = await startSim('lib-sync-kill');
  sim = checked.sim;
});
afterAll(() => sim.stop());

/** Wraps every call the engine awaits; the call numbered `killAt` never returns to it. */
function instrument(deps: SyncDeps, killAt: number, mode: KillMode) {
  const { wrapAll, killed, count } = killableCalls(killAt, mode);
  const wrapped: SyncDeps = {
    ...deps,
    store: wrapAll(deps.store),
    client: { invoices: wrapAll(deps.client.invoices) },
    session: wrapAll(deps.session),
    notifier: wrapAll(deps.notifier),
  };
  return { deps: wrapped, killed, count };
}

interface Scenario {
  name: string;
  /** A session for the killed run and the ones after it (default: a fixed valid token). */
  session?: () => SyncDeps['session'];
  /** Before the killed run: invoices on the server, earlier runs, faults. */
  prepare(run: () => Promise<unknown>): Promise<void>;
}

const scenarios: Scenario[] = [
  { name: 'first sync, no invoices', prepare: async () => void sim.admin.advanceClock(60_000) },
  {
    name: 'first sync, 3 invoices',
    prepare: async () => {
      addPurchases(sim, 3);
      sim.admin.advanceClock(60_000);
    },
  },
  {
    name: 'one new invoice after the first sync',
    prepare: async (run) => {
      addPurchases(sim, 2);
      sim.admin.advanceClock(60_000);
      await run();
      addPurchases(sim, 1);
      sim.admin.advanceClock(60_000);
    },
  },
  {
    name: '251 new invoices (page boundary)',
    prepare: async (run) => {
      sim.admin.advanceClock(60_000);
      await run();
      addPurchases(sim, 251, 5); // 1.25 s: all above the previous mark (2 s lag)
      sim.admin.advanceClock(60_000);
    },
  },
  {
    name: 'token refused mid-sync (401, one refresh)',
    prepare: async (run) => {
      sim.admin.advanceClock(60_000);
      await run();
      addPurchases(sim, 260, 5);
      sim.admin.advanceClock(60_000);
    },
    // The access token KSeF no longer accepts until a refresh replaces it.
    session: () => {
      let current = 'revoked-access-token';
      return {
        getAccessToken: async (options?: { forceRefresh?: boolean }) => {
          if (options?.forceRefresh) current = issueToken(sim);
          return current;
        },
      };
    },
  },
  {
    name: '429 on the second page',
    prepare: async (run) => {
      sim.admin.advanceClock(60_000);
      await run();
      addPurchases(sim, 260, 5);
      sim.admin.advanceClock(60_000);
      // One metadata query a second: the second page (same frozen second) gets 429 with Retry-After.
      sim.admin.configureRateLimits({ enabled: true, reset: true, limits: { invoiceMetadata: { perSecond: 1, perMinute: 1000, perHour: 1000 } } });
    },
  },
];

async function runOnce(store: Store, notes: ReturnType<typeof createFakeNotifier>, token: string) {
  const profile = (await store.getProfile('org'))!;
  return syncProfile(await buildDeps(sim, store, notes.notifier, () => token), profile);
}

/** Runs clean engines until the profile is synced up to the mark, waiting out any block. */
async function converge(store: Store, notes: ReturnType<typeof createFakeNotifier>, token: string) {
  for (let i = 0; i < 10; i++) {
    const result = await runOnce(store, notes, token);
    if (result.outcome === 'ok') return;
    if (result.blockedUntil) sim.admin.setClock(new Date(Date.parse(result.blockedUntil) + 1000));
  }
  throw new Error('did not converge in 10 runs');
}

describe.each(scenarios)('kill at every await: $name', (scenario) => {
  it('loses nothing, stores nothing twice, announces each invoice once', async () => {
    let points = -1;
    const tried: string[] = [];
    for (const mode of ['before', 'after'] as const) {
      for (let killAt = 0; ; killAt++) {
        resetInvoices(sim);
        sim.admin.clearFaults();
        sim.admin.configureRateLimits({ enabled: false, reset: true });
        const { store } = await freshProfileStore(sim);
        const notes = createFakeNotifier();
        const token = issueToken(sim);
        await scenario.prepare(() => converge(store, notes, token));

        const hwmBefore = (await store.getSyncState('org', 'Subject2'))?.hwm ?? '';
        const base = await buildDeps(sim, store, notes.notifier, () => token);
        const probe = instrument(scenario.session ? { ...base, session: scenario.session() } : base, killAt, mode);
        const profile = (await store.getProfile('org'))!;
        const outcome = await finishedOrKilled(syncProfile(probe.deps, profile), probe.killed);
        if (outcome === 'finished') {
          points = Math.max(points, probe.count());
          break;
        }
        tried.push(`${mode}@${killAt}`);
        await converge(store, notes, token);

        const context = `${scenario.name}, killed ${mode} await ${killAt}`;
        expect(await storedNumbers(store), context).toEqual(serverNumbers(sim));
        expect(await store.unnotifiedSummary('org', 1), context).toMatchObject({ count: 0 });
        const shown = [...notes.visible.values()];
        const announced = shown.reduce((sum, notice) => sum + notice.total, 0);
        expect(announced, context).toBe(serverNumbers(sim).length);
        expect(shown.filter((n) => n.firstSync).length, context).toBeLessThanOrEqual(1);
        const hwmAfter = (await store.getSyncState('org', 'Subject2'))?.hwm ?? '';
        expect(hwmAfter >= hwmBefore, context).toBe(true);
      }
    }
    // Coverage: every await point the engine reached was killed, before and after.
    expect(points).toBeGreaterThan(5);
    expect(tried).toHaveLength(2 * points);
    // One full run per await point, twice: about 45 s on a 2-core machine with ten other processes (STYLE 28).
  }, 240_000);
});
