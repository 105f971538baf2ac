// Issue 5 end to end: the built extension in Chromium against the simulator. A profile is stored through
// the dev hooks (the options page does not exist yet) and announced with `profileSaved`; then invoices
// arrive, the alarm fires, a notification appears and the badge counts; the worker is stopped in the middle
// of a sync and woken; a 429 with Retry-After is waited out; a backfill crosses the per-query record cap (500 here; 10 000 in the bench).
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../ksef-sim';
import { launchExtension, serviceWorkerRunning, stopServiceWorker, type LaunchedExtension } from './launch';

const fixtures = 'tests/fixtures/pki';
const expected = JSON.parse(readFileSync(`${fixtures}/expected.json`, 'utf8')) as { password: string; nips: { person: string; seal: string } };
const BUYER = expected.nips.person;
const SELLER = expected.nips.seal;
const LAG_MS = 500;
const CAP = 500;

let sim: Simulator;
let ext: LaunchedExtension;
let page: Page;

/**
 * Invoices stored from just after now on, `spacingMs` apart (KSeF never stores below a mark it has given,
 * so the simulator must not be told to either). Resolves once all are below the simulator's mark.
 */
async function purchases(count: number, spacingMs = 1): Promise<void> {
  const last = Date.now() + 50 + count * spacingMs;
  if (count === 1) sim.admin.addInvoice({ sellerNip: SELLER, buyerNip: BUYER, sellerName: 'Hurtownia Papieru Sp. z o.o.', permanentStorageDate: last });
  else sim.admin.addInvoices({ sellerNip: SELLER, buyerNip: BUYER, count, spacingMs, permanentStorageDate: last });
  await new Promise((r) => setTimeout(r, last - Date.now() + LAG_MS + 100));
}

/** Messages must come from an extension page (lib/messages checks the sender). */
async function send(message: unknown): Promise<any> {
  return page.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), message);
}

/** Reads the extension's IndexedDB from its page (same origin as the worker). */
async function storedCount(): Promise<{ total: number; unnotified: number; xml: number }> {
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const req = indexedDB.open('ksef-pilot');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const count = (store: string, index?: string, range?: IDBKeyRange) =>
      new Promise<number>((resolve, reject) => {
        const os = db.transaction(store).objectStore(store);
        const req = index ? os.index(index).count(range) : os.count();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    // Since schema 4 (issue 15) what awaits a notice is the profile's counters: stored to announce minus announced.
    const counts = await new Promise<{ lastSeq: number; announcedSeq: number; withdrawn: number } | undefined>((resolve, reject) => {
      const req = db.transaction('invoiceCounts').objectStore('invoiceCounts').get('org');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const result = {
      total: await count('invoices'),
      unnotified: counts ? counts.lastSeq - counts.announcedSeq - counts.withdrawn : 0,
      xml: await count('invoiceXml'),
    };
    db.close();
    return result;
  });
}

async function notificationIds(): Promise<string[]> {
  return page.evaluate(async () => Object.keys(await (globalThis as any).chrome.notifications.getAll()).sort());
}

async function badge(): Promise<string> {
  return page.evaluate(() => (globalThis as any).chrome.action.getBadgeText({}));
}

async function currentWorker() {
  const [sw] = ext.context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${ext.extensionId}/`));
  return sw ?? ext.context.waitForEvent('serviceworker', { timeout: 20_000 });
}

const metadataRequests = () => sim.admin.requests().filter((r) => r.path.includes('/invoices/query/metadata'));

beforeAll(async () => {
  // A cap of 500 records per query instead of KSeF's 10 000 (STYLE rule 28): the full-size truncation runs once,
  // in the bench (scripts/bench-backfill.ts); here the same crossing takes seconds.
  sim = await startSimulator({ port: 0, seed: 'e2e-sync', rateLimits: false, hwmLagMs: LAG_MS, maxQueryRecords: CAP });
  ext = await launchExtension();
  page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
});
afterAll(async () => {
  await ext?.close();
  await sim?.stop();
});

describe('background sync in Chromium', () => {
  it('stores a profile, syncs it on profileSaved with one summary, then announces new invoices on the alarm', async () => {
    await purchases(2, 100);
    const certificate = readFileSync(`${fixtures}/person-tinpl-ec.crt`, 'utf8');
    const privateKey = readFileSync(`${fixtures}/person-tinpl-ec.key`, 'utf8');
    await ext.sw.evaluate(
      async ({ certificate, privateKey, password, nip, baseUrl }) => {
        const { pki, store: lib } = (globalThis as any).__ksefPilotDev;
        const store = lib.createStore();
        const today = new Date().toISOString().slice(0, 10);
        await store.saveProfile({
          id: 'org',
          name: 'Fundacja E2E',
          nip,
          environment: 'simulator',
          baseUrl,
          preferences: { ...lib.defaultPreferences(new Date()), intervalMinutes: 60, firstSyncFrom: today },
        });
        const credentials = await pki.loadCredentials({ certificate, privateKey, password });
        await store.saveCredentials('org', credentials);
        store.close();
      },
      { certificate, privateKey, password: expected.password, nip: BUYER, baseUrl: sim.baseUrl },
    );
    expect(await send({ type: 'profileSaved', profileId: 'org' })).toEqual({ ok: true, result: { scheduled: true } });
    // "Sprawdź teraz" joins the run profileSaved started.
    const first = await send({ type: 'syncNow', profileId: 'org' });
    expect(first.ok).toBe(true);
    expect(await storedCount()).toMatchObject({ total: 2, unnotified: 0 });
    expect(await notificationIds()).toEqual([expect.stringMatching(/^new\|org\|.+\|2$/)]);
    expect(await badge()).toBe('2');
    const alarm = await ext.sw.evaluate(() => (globalThis as any).chrome.alarms.get('sync:org'));
    expect(alarm).toMatchObject({ name: 'sync:org', periodInMinutes: 60 });

    await purchases(3, 100);
    const run = await ext.sw.evaluate(() => (globalThis as any).__ksefPilotDev.worker.onAlarm({ name: 'sync:org' }));
    const log = () => ext.sw.evaluate(async () => JSON.stringify(await (globalThis as any).__ksefPilotDev.store.createStore().listLog({ limit: 5 })));
    expect(run, run ? '' : await log()).toMatchObject({ outcome: 'ok', stored: 3, announced: 3 });
    expect(await notificationIds()).toHaveLength(2);
    expect(await badge()).toBe('5');
    // A click opens the inbox on exactly the three announced invoices.
    const batch = (await notificationIds()).find((id) => id.endsWith('|3'))!;
    const opened = ext.context.waitForEvent('page', { timeout: 10_000 });
    await ext.sw.evaluate((id) => (globalThis as any).__ksefPilotDev.worker.onNotificationClicked(id), batch);
    const inbox = await opened;
    const url = new URL(inbox.url());
    expect(url.pathname).toBe('/inbox.html');
    expect(url.searchParams.get('profile')).toBe('org');
    expect(url.searchParams.get('ksef')?.split(',')).toHaveLength(3);
    expect(await notificationIds()).toHaveLength(1);
    await inbox.close();
    const status = await ext.sw.evaluate(async () => {
      const dev = (globalThis as any).__ksefPilotDev;
      return dev.getProfileStatus(dev.store.createStore(), 'org', new Date());
    });
    expect(status).toMatchObject({ profileId: 'org', state: 'ok', newCount: 5 });
  });

  it('a worker stopped in the middle of a sync resumes when woken: nothing lost, nothing announced twice', async () => {
    await purchases(600, 1);
    // Each metadata answer takes 1.5 s, so the worker can be stopped between stored pages.
    sim.admin.addFault({ path: '/v2/invoices/query/metadata', kind: 'slow', delayMs: 1500, count: 20 });
    const before = (await storedCount()).total;
    void ext.sw.evaluate(() => (globalThis as any).__ksefPilotDev.worker.onAlarm({ name: 'sync:org' })).catch(() => undefined);
    const deadline = Date.now() + 20_000;
    while ((await storedCount()).total === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const midway = (await storedCount()).total - before;
    expect(midway).toBeGreaterThan(0);
    expect(midway).toBeLessThan(600);
    const stoppedAt = Date.now();
    await stopServiceWorker(ext.context, ext.extensionId);
    expect(await serviceWorkerRunning(ext.context, ext.extensionId)).toBe(false);
    sim.admin.clearFaults();
    // The request the stopped worker left in flight still completes on the simulator (and is logged when it
    // answers); wait for that answer, so that the next test's request log holds only its own requests. The
    // worker may have been stopped between two requests, with none in flight: then the wait ends at 5 s.
    const settle = Date.now() + 5_000;
    while (!metadataRequests().some((r) => r.fault === 'slow' && Date.parse(r.time) >= stoppedAt) && Date.now() < settle) {
      await new Promise((r) => setTimeout(r, 100));
    }

    // A message wakes it; the new worker resumes from the stored position.
    const again = await send({ type: 'syncNow', profileId: 'org' });
    expect(again).toMatchObject({ ok: true, result: { results: [{ outcome: 'ok' }] } });
    ext.sw = await currentWorker();
    expect(await storedCount()).toMatchObject({ total: before + 600, unnotified: 0 });
    const ids = await notificationIds();
    expect(ids.filter((id) => id.endsWith('|600'))).toHaveLength(1);
    expect(ids).toHaveLength(2); // the clicked one is gone
    expect(await badge()).toBe('605');
  });

  it('after a 429 with Retry-After, no request reaches KSeF before it ends', async () => {
    // Let any run in flight (the 1-minute alarm) finish first, so the fault meets our run.
    await send({ type: 'syncNow', profileId: 'org' });
    sim.admin.clearRequests();
    sim.admin.addFault({ path: '/v2/invoices/query/metadata', kind: 'http429', retryAfterSeconds: 4 });
    const limited = await send({ type: 'syncNow', profileId: 'org' });
    expect(limited.result.results[0]).toMatchObject({ outcome: 'failed', failure: { code: 'RATE_LIMITED' } });
    const blockedUntil = Date.parse(limited.result.results[0].blockedUntil);
    expect(await send({ type: 'syncNow', profileId: 'org' })).toMatchObject({ result: { results: [{ outcome: 'blocked' }] } });
    // A restarted worker reads the block from the store.
    await stopServiceWorker(ext.context, ext.extensionId);
    expect(await send({ type: 'syncNow', profileId: 'org' })).toMatchObject({ result: { results: [{ outcome: 'blocked' }] } });
    ext.sw = await currentWorker();
    await new Promise((r) => setTimeout(r, Math.max(0, blockedUntil - Date.now() + 200)));
    expect(await send({ type: 'syncNow', profileId: 'org' })).toMatchObject({ result: { results: [{ outcome: 'ok' }] } });
    const times = metadataRequests().map((r) => ({ at: Date.parse(r.time), status: r.status }));
    expect(times[0]?.status).toBe(429);
    expect(times.slice(1).filter((r) => r.at < blockedUntil), JSON.stringify({ blockedUntil, reqs: metadataRequests(), log: await ext.sw.evaluate(async () => (await (globalThis as any).__ksefPilotDev.store.createStore().listLog({ limit: 8 }))) })).toEqual([]);
    expect(times.length).toBeGreaterThanOrEqual(2);
  });

  it('a backfill of 1 001 invoices crosses the simulator\'s 500-record cap twice without losing one', async () => {
    const before = (await storedCount()).total;
    await purchases(2 * CAP + 1, 1);
    sim.admin.clearRequests();
    const result = await send({ type: 'syncNow', profileId: 'org' });
    expect(result.result.results[0]).toMatchObject({ outcome: 'ok', stored: 2 * CAP + 1 });
    expect(await storedCount()).toMatchObject({ total: before + 2 * CAP + 1, unnotified: 0 });
    // Two full windows of 2 pages each, truncated at the cap, then the rest from the last record's date.
    expect(metadataRequests().length).toBe(5);
    expect(await badge()).toBe('999+');
  }, 180_000);
});
