// Issue 10: every way the sync can stop is a named state the pages show (getProfileStatus), with one
// notification when it starts needing the user, against the simulator with its fault API and fake browser seams.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { t } from '../../lib/i18n';
import { BACKOFF_CAP_MS } from '../../lib/sync/backoff';
import { STALL_NOTICE_AFTER_MS } from '../../lib/sync/stall';
import { getProfileStatus } from '../../lib/views/profile-status';
import { timeText } from '../../lib/views/status-text';
import { noticeNotificationId } from '../../lib/worker/notification-ids';
import type { Checked } from '../ksef-sim/kit';
import { addPurchases, resetInvoices, simClock, startSim } from '../sync/harness';
import { setupWorker } from './fakes';

let checked: Checked;
let sim: Checked['sim'];
const METADATA = '/v2/invoices/query/metadata';
const DAY = 86_400_000;

beforeAll(async () => {
  checked = await startSim('lib-worker-stalls');
  sim = checked.sim;
});
afterAll(() => sim.stop());
beforeEach(() => {
  resetInvoices(sim);
  sim.admin.clearFaults();
  sim.admin.clearRequests();
});

const alarm = { name: 'sync:org' };
const noticesOf = (created: string[], notice: string) => created.filter((id) => id === noticeNotificationId('org', notice));

describe('KSeF answering with errors', () => {
  it('5 × 5xx: "KSeF odpowiada błędami" from the first failure, back-off never above the cap, one notice once it lasts, resumes on its own', async () => {
    const { worker, store, browser } = await setupWorker(sim);
    sim.admin.advanceClock(60_000);
    sim.admin.addFault({ path: METADATA, kind: 'http503', count: 100_000 });
    const start = sim.state.clock.now();
    let polls = 0;
    while (sim.state.clock.now() - start < STALL_NOTICE_AFTER_MS + 3_600_000) {
      const result = await worker.onAlarm(alarm);
      polls += 1;
      expect(result).toMatchObject({ outcome: 'failed', failure: { kind: 'transient', code: 'HTTP_503' } });
      const now = sim.state.clock.now();
      expect(Date.parse(result!.blockedUntil!) - now).toBeLessThanOrEqual(BACKOFF_CAP_MS);
      const status = await getProfileStatus(store, 'org', new Date(now));
      expect(status).toMatchObject({ state: 'retrying', problem: { code: 'KSEF_ERRORS', title: 'KSeF odpowiada błędami', needsUser: false } });
      // The next try is the next alarm, never before the back-off ends.
      const next = Date.parse((await store.getSyncState('org', 'Subject2'))!.nextSyncAt!);
      expect(next).toBeGreaterThanOrEqual(Date.parse(result!.blockedUntil!));
      expect(status.problem?.fix).toBe(t('pl', 'status_fix_KSEF_ERRORS', { next: timeText(next, 'pl') }));
      // The notice waits until the stall has lasted, then comes once, however many polls follow.
      const lasted = now - start >= STALL_NOTICE_AFTER_MS;
      expect(noticesOf(browser.created, 'sync_stalled')).toHaveLength(lasted ? 1 : 0);
      sim.admin.setClock(result!.blockedUntil!);
    }
    expect(polls).toBeGreaterThan(10);
    const shown = browser.shown.get(noticeNotificationId('org', 'sync_stalled'));
    expect(shown).toMatchObject({ title: t('pl', 'notify_stalled_title', { organisation: 'Fundacja Testowa' }) });
    expect(shown?.message).toContain('KSeF odpowiada błędami');

    sim.admin.clearFaults();
    addPurchases(sim, 2);
    sim.admin.advanceClock(60_000);
    expect(await worker.onAlarm(alarm)).toMatchObject({ outcome: 'ok', stored: 2 });
    const status = await getProfileStatus(store, 'org', new Date(sim.state.clock.now()));
    expect(status.state).toBe('ok');
    expect(status.problem).toBeUndefined();
    expect(await store.getSyncState('org', 'Subject2')).toMatchObject({ consecutiveFailures: 0, blockedUntil: null, failingSince: null });
  }, 180_000);
});

describe('rate-limited', () => {
  it('a 429 storm: the status says rate-limited until T (Warsaw time), also between polls, never "OK"', async () => {
    const { worker, store } = await setupWorker(sim);
    sim.admin.advanceClock(60_000);
    sim.admin.addFault({ path: METADATA, kind: 'http429', count: 100_000, retryAfterSeconds: 600 });
    for (let i = 0; i < 3; i++) {
      const result = await worker.onAlarm(alarm);
      expect(result).toMatchObject({ outcome: 'failed', failure: { kind: 'rate_limited' } });
      const until = result!.blockedUntil!;
      expect(Date.parse(until)).toBe(sim.state.clock.now() + 600_000);
      const status = await getProfileStatus(store, 'org', new Date(sim.state.clock.now()));
      expect(status).toMatchObject({ state: 'rate_limited', rateLimitedUntil: until, problem: { code: 'RATE_LIMITED' } });
      expect(status.problem?.message).toBe(t('pl', 'status_cause_RATE_LIMITED', { until: timeText(Date.parse(until), 'pl') }));
      // The block has ended, the next poll has not come yet: still rate-limited.
      sim.admin.setClock(new Date(Date.parse(until) + 1_000).toISOString());
      expect((await getProfileStatus(store, 'org', new Date(sim.state.clock.now()))).state).toBe('rate_limited');
    }
  }, 120_000);

  it('a clock set back 30 days: blocked no longer than the Retry-After given (600 s), not for a month', async () => {
    const base = simClock(sim);
    let offset = 0;
    const clock = { now: () => base.now() + offset, sleep: base.sleep };
    const { worker, store } = await setupWorker(sim, { extra: { clock } });
    sim.admin.advanceClock(60_000);
    expect(await worker.onAlarm(alarm)).toMatchObject({ outcome: 'ok' });
    sim.admin.addFault({ path: METADATA, kind: 'http429', count: 1, retryAfterSeconds: 600 });
    sim.admin.advanceClock(60_000);
    expect(await worker.onAlarm(alarm)).toMatchObject({ outcome: 'failed', failure: { kind: 'rate_limited' } });

    offset = -30 * DAY;
    const status = await getProfileStatus(store, 'org', new Date(clock.now()));
    expect(status.state).toBe('rate_limited');
    expect(Date.parse(status.rateLimitedUntil!) - clock.now()).toBeLessThanOrEqual(600_000);
    expect(Date.parse(status.nextSyncAt!) - clock.now()).toBeLessThanOrEqual(15 * 60_000);
    expect(Date.parse(status.lastSyncAt!)).toBeLessThanOrEqual(clock.now());
    const blocked = await worker.onAlarm(alarm);
    expect(blocked?.outcome).toBe('blocked');
    expect(Date.parse(blocked!.blockedUntil!) - clock.now()).toBeLessThanOrEqual(600_000);

    sim.admin.advanceClock(601_000);
    expect(await worker.onAlarm(alarm)).toMatchObject({ outcome: 'ok' });
    expect((await getProfileStatus(store, 'org', new Date(clock.now()))).state).toBe('ok');
  }, 120_000);
});

describe('storage full', () => {
  it('QuotaExceededError → "Brak miejsca na faktury" (not "unknown reason"), exactly one notification over several polls, resumes once there is room', async () => {
    const { worker, store, browser } = await setupWorker(sim);
    addPurchases(sim, 3);
    sim.admin.advanceClock(60_000);
    const put = store.putNewInvoices;
    store.putNewInvoices = async () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    for (let i = 0; i < 4; i++) {
      const result = await worker.onAlarm(alarm);
      expect(result).toMatchObject({ outcome: 'failed', failure: { kind: 'storage', code: 'STORAGE_FULL' } });
      const status = await getProfileStatus(store, 'org', new Date(sim.state.clock.now()));
      expect(status).toMatchObject({ state: 'attention', problem: { code: 'STORAGE_FULL', title: 'Brak miejsca na faktury', needsUser: true } });
      expect(status.problem?.message).toBe(t('pl', 'status_cause_STORAGE_FULL'));
      expect(noticesOf(browser.created, 'storage_full')).toHaveLength(1);
      // The user closes the notification; the next polls must not raise it again.
      browser.shown.delete(noticeNotificationId('org', 'storage_full'));
      sim.admin.setClock(result!.blockedUntil!);
    }
    expect(browser.created.filter((id) => id.startsWith('notice|'))).toEqual([noticeNotificationId('org', 'storage_full')]);

    store.putNewInvoices = put;
    expect(await worker.onAlarm(alarm)).toMatchObject({ outcome: 'ok', stored: 3 });
    expect((await getProfileStatus(store, 'org', new Date(sim.state.clock.now()))).problem).toBeUndefined();
  }, 120_000);
});
