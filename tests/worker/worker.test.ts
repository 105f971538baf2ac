// The worker against the simulator with fake browser seams: alarms, a sync on an alarm with its
// notification and badge, clicks, the message handlers, notices, and the notification switch.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { t } from '../../lib/i18n';
import { parseNotificationId } from '../../lib/worker/notification-ids';
import type { Checked } from '../ksef-sim/kit';
import { BUYER, SELLER, resetInvoices, startSim } from '../sync/harness';
import { pkiExpected } from '../ksef-sim/kit';
import { createWorker } from '../../lib/worker/worker';
import { simClock } from '../sync/harness';
import { setupWorker } from './fakes';
import { createInProcessHeavyWork } from '../../lib/worker/heavy-in-process';

let checked: Checked;
let sim: Checked['sim'];

beforeAll(async () => {
  checked = await startSim('lib-worker');
  sim = checked.sim;
});
afterAll(() => sim.stop());
beforeEach(() => {
  resetInvoices(sim);
  sim.admin.clearFaults();
  sim.admin.clearRequests();
});

function addPurchase(name: string, gross?: number) {
  return sim.admin.addInvoice({ sellerNip: SELLER, buyerNip: BUYER, sellerName: name, ...(gross ? { lines: [{ name: 'Usługa', quantity: 1, unitNetPrice: gross, vatRate: 0 }] } : {}) } as never);
}

describe('alarms', () => {
  it('onStartup creates one alarm per configured profile with a random first delay, and drops stale ones', async () => {
    const { worker, browser, store } = await setupWorker(sim, { random: 0.25 });
    await browser.seams.alarms.create('sync:gone', { delayInMinutes: 1, periodInMinutes: 15 });
    await worker.onStartup();
    expect([...browser.alarms.values()].map(({ name, periodInMinutes, delayInMinutes }) => ({ name, periodInMinutes, delayInMinutes }))).toEqual([
      { name: 'sync:org', periodInMinutes: 15, delayInMinutes: 3.75 },
    ]);
    expect((await store.getSyncState('org', 'Subject2'))?.nextSyncAt).toBe(new Date(sim.state.clock.now() + 3.75 * 60_000).toISOString());
    // A second start keeps the alarm and its phase.
    await worker.onStartup();
    expect(browser.alarms.get('sync:org')?.delayInMinutes).toBe(3.75);
  });

  it('no alarm without credentials or with automatic fetching off', async () => {
    const a = await setupWorker(sim, { credentials: false });
    await a.worker.onStartup();
    expect(a.browser.alarms.size).toBe(0);
    const b = await setupWorker(sim, { preferences: { autoSync: false } });
    await b.worker.onStartup();
    expect(b.browser.alarms.size).toBe(0);
  });
});

describe('a sync on an alarm', () => {
  it('announces the first sync once as a summary, then each later batch with sellers and amounts', async () => {
    const { worker, browser, store } = await setupWorker(sim);
    addPurchase('Alfa Sp. z o.o.');
    addPurchase('Beta S.A.');
    sim.admin.advanceClock(60_000);
    expect(await worker.onAlarm({ name: 'sync:org' })).toMatchObject({ outcome: 'ok', stored: 2, announced: 2 });
    const first = [...browser.shown.values()];
    expect(first).toEqual([
      expect.objectContaining({ title: 'Fundacja Testowa: pobrano faktury z KSeF', message: expect.stringContaining('Zaimportowano 2 faktury') }),
    ]);
    expect(browser.badge.text).toBe('2');

    for (const name of ['Gamma', 'Delta', 'Epsilon', 'Zeta']) addPurchase(name);
    sim.admin.advanceClock(60_000);
    await worker.onAlarm({ name: 'sync:org' });
    const latest = [...browser.shown.entries()].find(([id]) => parseNotificationId(id)?.kind === 'new' && !first.includes(browser.shown.get(id)!));
    expect(latest?.[1].title).toBe('Fundacja Testowa: nowe faktury w KSeF');
    const lines = latest![1].message.split('\n');
    expect(lines[0]).toBe('4 nowe faktury kosztowe');
    // Same storage time (the simulator's clock is frozen): any three of the four, each with its gross amount.
    expect(lines.slice(1, 4)).toEqual(Array(3).fill(expect.stringMatching(/^(Gamma|Delta|Epsilon|Zeta): \d[\d\u00a0 ]*,\d{2}\u00a0zł$/)));
    expect(new Set(lines.slice(1, 4)).size).toBe(3);
    expect(lines[4]).toBe('… i jeszcze 1');
    expect(browser.badge.text).toBe('6');
    expect((await store.getSyncState('org', 'Subject2'))?.nextSyncAt).toBe(new Date(sim.state.clock.now() + 15 * 60_000).toISOString());
  });

  it('a click opens the options page until the inbox exists, then the inbox on those invoices', async () => {
    let inbox = false;
    const { worker, browser, store } = await setupWorker(sim, { extra: { pageExists: async () => inbox } });
    sim.admin.advanceClock(60_000);
    await worker.onAlarm({ name: 'sync:org' });
    addPurchase('Alfa');
    addPurchase('Beta');
    sim.admin.advanceClock(60_000);
    await worker.onAlarm({ name: 'sync:org' });
    const [id] = [...browser.shown.keys()];
    await worker.onNotificationClicked(id!);
    expect(browser.tabs).toEqual(['options.html?profile=org']);
    expect(browser.shown.size).toBe(0);
    inbox = true;
    await worker.onNotificationClicked(id!);
    const numbers = (await store.listInvoicesPage({ profileId: 'org', dateField: 'permanentStorageDate', direction: 'asc', limit: 10 })).items.map((i) => i.ksefNumber);
    expect(browser.tabs[1]).toBe(`inbox.html?profile=org&ksef=${numbers.join(',')}`);
  });

  it('raises no notification when the profile has them off, but still stores and counts', async () => {
    const { worker, browser } = await setupWorker(sim, { preferences: { notifications: false } });
    addPurchase('Alfa');
    sim.admin.advanceClock(60_000);
    await worker.onAlarm({ name: 'sync:org' });
    expect(browser.created).toEqual([]);
    expect(browser.badge.text).toBe('1');
  });

  it('ignores alarms that are not ours', async () => {
    const { worker } = await setupWorker(sim);
    expect(await worker.onAlarm({ name: 'other' })).toBeUndefined();
  });
});

describe('handlers', () => {
  it('setInvoiceState moves the badge; fetchInvoiceXml downloads once and then reads the store', async () => {
    const { worker, browser, store } = await setupWorker(sim);
    const added = addPurchase('Alfa') as { ksefNumber: string };
    sim.admin.advanceClock(60_000);
    await worker.handlers.syncNow({ type: 'syncNow', profileId: 'org' });
    expect(browser.badge.text).toBe('1');
    const key = { profileId: 'org', ksefNumber: added.ksefNumber };
    expect(await worker.handlers.setInvoiceState({ type: 'setInvoiceState', keys: [key], state: 'booked' })).toEqual({ changed: 1 });
    expect(browser.badge.text).toBe('');
    // The background run downloaded it already; the handler answers from the store.
    sim.admin.clearRequests();
    const { xml } = (await worker.handlers.fetchInvoiceXml({ type: 'fetchInvoiceXml', key })) as { xml: string };
    expect(xml).toContain('<Faktura');
    expect(sim.admin.requests()).toEqual([]);
    expect(await store.getInvoiceXml('org', added.ksefNumber)).toBe(xml);
  });

  it('fetchInvoiceXml of an unknown invoice fails with INVOICE_NOT_FOUND', async () => {
    const { worker } = await setupWorker(sim);
    await expect(
      worker.handlers.fetchInvoiceXml({ type: 'fetchInvoiceXml', key: { profileId: 'org', ksefNumber: '5265877635-20260115-0000000000AA-AA' } }),
    ).rejects.toMatchObject({ code: 'INVOICE_NOT_FOUND', message: t('pl', 'sync_error_INVOICE_NOT_FOUND') });
  });

  it('verifyProfile answers NOT_AVAILABLE until lib/diagnostics is wired, then delegates', async () => {
    const { worker } = await setupWorker(sim);
    await expect(worker.handlers.verifyProfile({ type: 'verifyProfile', profileId: 'org' })).rejects.toMatchObject({
      code: 'NOT_AVAILABLE',
      message: t('pl', 'worker_error_NOT_AVAILABLE'),
      messageEn: t('en', 'worker_error_NOT_AVAILABLE'),
    });
    const wired = await setupWorker(sim, {
      extra: { verifyProfile: async (deps, profileId) => ({ profileId, env: deps.createClient((await deps.store.getProfile(profileId))!).baseUrl }) },
    });
    expect(await wired.worker.handlers.verifyProfile({ type: 'verifyProfile', profileId: 'org' })).toEqual({ profileId: 'org', env: sim.baseUrl });
  });

  it('profileSaved re-creates the alarm and starts a sync; deleteProfile removes data, alarm and notifications', async () => {
    const { worker, browser, store } = await setupWorker(sim);
    addPurchase('Alfa');
    sim.admin.advanceClock(60_000);
    expect(await worker.handlers.profileSaved({ type: 'profileSaved', profileId: 'org' })).toEqual({ scheduled: true });
    expect(browser.alarms.has('sync:org')).toBe(true);
    await worker.handlers.syncNow({ type: 'syncNow' });
    expect(browser.shown.size).toBe(1);
    expect(await worker.handlers.deleteProfile({ type: 'deleteProfile', profileId: 'org' })).toEqual({ deleted: true });
    expect(browser.alarms.size).toBe(0);
    expect(browser.shown.size).toBe(0);
    expect(browser.badge.text).toBe('');
    expect(await store.getProfile('org')).toBeUndefined();
  });

  it('profileSaved of an unknown profile fails with PROFILE_NOT_FOUND', async () => {
    const { worker } = await setupWorker(sim);
    await expect(worker.handlers.profileSaved({ type: 'profileSaved', profileId: 'nobody' })).rejects.toMatchObject({
      code: 'PROFILE_NOT_FOUND',
      message: t('pl', 'sync_error_PROFILE_NOT_FOUND'),
    });
  });
});

describe('notices', () => {
  it('warns once that the certificate expires within 7 days, not on every poll', async () => {
    const notAfter = Date.parse(pkiExpected.certificates['person-tinpl-ec']!.notAfter);
    const saved = sim.state.clock.now();
    sim.admin.setClock(notAfter - 5 * 86_400_000);
    try {
      const { worker, browser } = await setupWorker(sim);
      await worker.onAlarm({ name: 'sync:org' });
      sim.admin.advanceClock(15 * 60_000);
      await worker.onAlarm({ name: 'sync:org' });
      const notices = browser.created.filter((id) => id.startsWith('notice|'));
      expect(notices).toEqual([`notice|org|cert_expiring_7:${new Date(notAfter).toISOString()}`]);
      expect(browser.shown.get(notices[0]!)?.message).toContain('zostało 5 dni');
    } finally {
      sim.admin.setClock(saved);
    }
  });
});

describe('a restarted worker', () => {
  it('keeps the login and the limiter in the store: its idle poll costs one request', async () => {
    const { worker, browser, store } = await setupWorker(sim);
    sim.admin.advanceClock(60_000);
    await worker.onAlarm({ name: 'sync:org' });
    expect(await store.getTokens('org')).toMatchObject({ accessToken: expect.any(String), authReference: expect.any(String) });
    const limiter = (await store.getSyncState('org', 'Subject2'))?.rateLimiter as { windows: Record<string, number[]> };
    expect(limiter.windows.invoiceMetadata).toHaveLength(1);

    // A new worker over the same store, as after Chrome stopped the old one.
    const restarted = createWorker({ store, heavy: createInProcessHeavyWork(store), fetch: (input, init) => fetch(input, init), ...browser.seams, clock: simClock(sim), random: () => 0.5 });
    sim.admin.advanceClock(5 * 60_000);
    sim.admin.clearRequests();
    expect(await restarted.onAlarm({ name: 'sync:org' })).toMatchObject({ outcome: 'ok', stored: 0 });
    expect(sim.admin.requests().map((r) => r.path.split('?')[0])).toEqual(['/v2/invoices/query/metadata']);
  });
});
