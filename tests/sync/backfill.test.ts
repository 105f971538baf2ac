// Backfills longer than one 3-month window, through the simulator (which answers a closed older window with its
// own `to` as the mark, like KSeF), lib/sync and lib/store: everything stored, one first-sync summary after the
// whole backfill, nothing older than it announced as new later, and runs stopped by KSeF's budget (NOTES §9:
// 16 metadata queries a minute, 20 an hour) resuming exactly where they stopped.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { syncProfile } from '../../lib/sync/sync-profile';
import type { SyncDeps } from '../../lib/sync/types';
import type { Checked } from '../ksef-sim/kit';
import { backfillSetup, NO_BUDGETS } from './backfill-setup';
import { BUYER, START, buildDeps, startSim } from './harness';

const DAY = 86_400_000;
const NOW = Date.parse(START);

type Sim = Checked['sim'];
/** KSeF's record cap (10 000) and a small one, so truncations cost a few pages (the full size runs in the bench). */
let sims: Checked[];
let plain: Sim;
let capped: Sim;
const CAP = 300;

beforeAll(async () => {
  // Production rate limits on the simulator too: the client must never earn a 429. Tokens outlive the test.
  const options = { rateLimits: {}, tokenLifetimes: { accessMs: 400 * DAY } };
  sims = await Promise.all([
    startSim('lib-sync-backfill', options),
    startSim('lib-sync-backfill-capped', { ...options, maxQueryRecords: CAP }),
  ]);
  plain = sims[0]!.sim;
  capped = sims[1]!.sim;
});
afterAll(() => Promise.all(sims.map((c) => c.sim.stop())));
afterEach(() => {
  for (const c of sims) expect(c.checker.responseViolations).toEqual([]);
});

describe('a backfill longer than one query window', () => {
  it('205 days, 1 100 invoices: all stored in one run, one summary with the full count, later only the new ones', async () => {
    const b = await backfillSetup(plain, '2025-07-20');
    b.purchases(1100, NOW - 60_000, 4.4 * 3_600_000, 'FV/205');
    const result = await b.run();
    expect(result).toMatchObject({ outcome: 'ok', stored: 1100, announced: 1100 });
    await b.expectAllStoredOnce();
    expect(await b.store.getSyncState('org', 'Subject2')).toMatchObject({ firstSyncDone: true, importedCount: 1100 });
    // Windows of 89 days from Warsaw midnight of 20 July; each closed one is answered with its own end as the mark.
    const windows = b.queries.filter((q) => q.paging.pageOffset === 0).map((q) => [q.filters.dateRange.from, q.filters.dateRange.to]);
    expect(windows).toEqual([
      ['2025-07-19T22:00:00.000Z', '2025-10-16T22:00:00.000Z'],
      ['2025-10-16T22:00:00.000Z', '2026-01-13T22:00:00.000Z'],
      ['2026-01-13T22:00:00.000Z', undefined],
    ]);
    expect(plain.admin.requests().map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);

    b.purchases(2, plain.state.clock.now(), 1000, 'FV/NOWA');
    plain.admin.advanceClock(60_000);
    expect(await b.run()).toMatchObject({ outcome: 'ok', stored: 2, announced: 2 });
    const shown = [...b.notes.visible.values()];
    expect(shown.map((n) => [n.firstSync, n.total])).toEqual([
      [true, 1100],
      [false, 2],
    ]);
  }, 120_000);

  it('14 months with truncations inside windows: completes across budget-stopped runs, 0 lost, 0 twice, one summary', async () => {
    const b = await backfillSetup(capped, '2024-12-10');
    b.purchases(1680, NOW - 60_000, DAY / 4, 'FV/CODZIENNA'); // four a day since 17 December 2024
    b.purchases(700, Date.parse('2025-03-02T12:00:00Z'), 60_000, 'FV/MARZEC'); // 700 within 12 hours
    b.purchases(350, Date.parse('2025-09-15T08:00:00Z'), 1000, 'FV/WRZESIEN'); // 350 within 6 minutes
    b.purchases(600, Date.parse('2025-12-01T12:00:00Z'), 10_000, 'FV/GRUDZIEN'); // 600 within 2 hours
    const results = await b.untilCaughtUp(10);

    await b.expectAllStoredOnce();
    expect(capped.admin.requests().every((r) => r.status === 200)).toBe(true);
    const sent = b.queries.filter((q) => !q.refused);
    // Both ways through a window: the next page (pageOffset 1) and, at the cap, a new `from` (truncation).
    expect(sent.filter((q) => q.truncated).length).toBeGreaterThanOrEqual(8);
    expect(sent.some((q) => (q.paging.pageOffset ?? 0) > 0)).toBe(true);
    // More than KSeF allows in a minute (16) and in an hour (20): each budget stop a pause, not a failure, and
    // no more runs than the budget forces (a stop after the 16th, the 20th, the 36th, 40th… query).
    expect(sent.length).toBeGreaterThan(20);
    const stops = Array.from({ length: 10 }, (_, i) => [16 + 20 * i, 20 + 20 * i]).flat().filter((k) => k < sent.length);
    expect(results).toHaveLength(stops.length + 1);
    for (const stopped of results.slice(0, -1)) {
      expect(stopped).toMatchObject({ outcome: 'partial', announced: 0 });
      expect(stopped.failure).toBeUndefined();
      expect(Date.parse(stopped.blockedUntil!)).toBeGreaterThan(NOW);
    }
    const state = await b.store.getSyncState('org', 'Subject2');
    expect(state).toMatchObject({ consecutiveFailures: 0, firstSyncDone: true, importedCount: 3330 });
    expect(state?.lastError).toBeUndefined();
    // Each run starts with exactly the query the budget held back at the end of the one before.
    for (let run = 2; run <= results.length; run++) {
      const held = b.queries.filter((q) => q.run === run - 1).at(-1)!;
      const first = b.queries.find((q) => q.run === run)!;
      expect(held.refused).toBe('RATE_LIMITED');
      expect({ filters: first.filters, paging: first.paging }).toEqual({ filters: held.filters, paging: held.paging });
    }
  }, 180_000);

  it('a run killed after any page resumes from the store: one summary, after the whole backfill', async () => {
    // 60 invoices over 205 days: three windows of one page each; the kill comes after page 1, 2 or 3 is stored.
    for (let killAfter = 1; killAfter <= 3; killAfter++) {
      const b = await backfillSetup(plain, '2025-07-20', NO_BUDGETS);
      b.purchases(60, NOW - 60_000, 3.3 * DAY, 'FV/KILL');
      const base = await buildDeps(plain, b.store, b.notes.notifier, () => plain.admin.issueTokens({ context: BUYER }).accessToken.token);
      let pages = 0;
      await new Promise<void>((killed) => {
        const putNewInvoices: SyncDeps['store']['putNewInvoices'] = async (...args) => {
          const fresh = await base.store.putNewInvoices(...args);
          pages += 1;
          if (pages < killAfter) return fresh;
          killed();
          return new Promise<never>(() => undefined); // the worker is gone: nothing after this await runs
        };
        void b.store.getProfile('org').then((profile) => syncProfile({ ...base, store: { ...base.store, putNewInvoices } }, profile!));
      });
      expect(b.notes.calls(), `killed after page ${killAfter}`).toBe(0);
      await b.untilCaughtUp(3);
      await b.expectAllStoredOnce();
    }
  }, 120_000);
});
