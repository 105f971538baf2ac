// Issue 10 and issue 16 (review B4) in Chromium: the simulator is made to fail through its admin faults API
// (tests/ksef-sim/faults.ts, admin-http.ts) and the popup names what failed with a fix that fits: "Brak połączenia
// z KSeF" with "Spróbuj ponownie" (never the settings), the last SUCCESSFUL check and the activity log; "KSeF
// odpowiada błędami" after 5xx answers; "KSeF ma przerwę techniczną do …" when Latarnia announces maintenance;
// "KSeF wstrzymał pobieranie" with the time after a 429; "Brak miejsca na faktury" with the persistent-storage
// request and the invoices set aside; the options page shows the same state. Screenshots light and dark, axe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { formatDate } from '../../lib/invoice';
import { demoInvoices, profileInput, saveFixtureCredentials, seed } from '../inbox/e2e-seed';
import { startSimulator, type Simulator } from '../ksef-sim';
import { expectNoAxeViolations } from './axe';
import { launchExtension, screenshotPath, settled, stopServiceWorker, type LaunchedExtension } from './launch';

/** Where this screenshots are kept for review, besides test-results/screenshots. */
const SHOTS = process.env.KSEF_POPUP_SHOTS_DIR ?? '/tmp/popup-shots';
const METADATA = '/v2/invoices/query/metadata';
let ext: LaunchedExtension;
let sim: Simulator;
let popupUrl: string;

async function fault(spec: Record<string, unknown> | null): Promise<void> {
  const res = await fetch(`${sim.url}/admin/faults`, {
    method: spec ? 'POST' : 'DELETE',
    headers: { 'content-type': 'application/json' },
    ...(spec ? { body: JSON.stringify(spec) } : {}),
  });
  expect(res.status).toBe(200);
}

async function shot(page: Page, name: string): Promise<void> {
  await settled(page);
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Light and dark, each checked with axe first. */
async function shots(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoAxeViolations(page, { label: `${name} ${scheme}` });
    await shot(page, `${name}-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function latarnia(announcement: Record<string, unknown> | null): Promise<void> {
  const res = await fetch(`${sim.url}/admin/latarnia`, {
    method: announcement ? 'POST' : 'DELETE',
    headers: { 'content-type': 'application/json' },
    ...(announcement ? { body: JSON.stringify(announcement) } : {}),
  });
  expect(res.status).toBe(200);
}

/** "dziś 16:09" → "16:09": the clock time of a relative time text. */
const clockOf = (text: string | null) => /dziś (\d{1,2}:\d{2})/.exec(text ?? '')?.[1];

beforeAll(async () => {
  mkdirSync(path.dirname(screenshotPath('x')), { recursive: true });
  mkdirSync(SHOTS, { recursive: true });
  ext = await launchExtension();
  popupUrl = `chrome-extension://${ext.extensionId}/popup.html`;
  sim = await startSimulator({ port: 0, seed: 'sync-states-e2e', rateLimits: false });
  const { metadata } = await demoInvoices(6, new Date());
  await seed(ext.sw, { profile: profileInput('fundacja', 'Fundacja Otwarte Drzwi', sim.baseUrl), metadata });
  await saveFixtureCredentials(ext.sw, 'fundacja');
}, 180_000);

afterAll(async () => {
  await ext?.close();
  await sim?.stop();
});

async function openPopup(): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 380, height: 640 });
  await page.goto(popupUrl);
  await page.locator('.kp-popup-profile').first().waitFor({ timeout: 30_000 });
  return page;
}

describe('the popup names the state the sync stopped in', () => {
  it('no connection to KSeF: says so, offers "Spróbuj ponownie" (not the settings), the last SUCCESSFUL check and the log', async () => {
    const page = await openPopup();
    const state = page.locator('.kp-popup-profile [data-state]').first();
    const times = page.locator('.kp-popup-times').first();
    await page.getByRole('button', { name: 'Sprawdź teraz' }).click();
    await expect.poll(() => page.locator('.kp-popup-message').textContent(), { timeout: 60_000 }).toMatch(/^Sprawdzono – /);
    await expect.poll(() => state.getAttribute('data-state')).toBe('ok');
    const lastGood = clockOf(await times.textContent());
    expect(await times.textContent()).toMatch(/Ostatnio sprawdzono: dziś \d{1,2}:\d{2}/);
    await shots(page, 'popup-one-org');

    await fault({ path: '/v2/*', kind: 'drop', count: 100_000 });
    await page.getByRole('button', { name: 'Sprawdź teraz' }).click();
    await expect.poll(() => state.getAttribute('data-code'), { timeout: 60_000 }).toBe('OFFLINE');
    expect(await page.locator('.kp-popup-message').textContent()).toBe('Nie udało się sprawdzić – Brak połączenia z KSeF');
    expect(await state.locator('strong').textContent()).toBe('Brak połączenia z KSeF');
    expect(await state.locator('.kp-popup-fix-text').textContent()).toMatch(/^Sprawdź połączenie z internetem/);
    expect(await page.getByRole('button', { name: 'Napraw w ustawieniach' }).count()).toBe(0);
    expect(await state.getByRole('button', { name: 'Spróbuj ponownie' }).count()).toBe(1);
    // The time of the good check before the failure, labelled so (the failed attempt is not "the last check").
    expect(await times.textContent()).toBe(`NIP 5265877635 · Ostatnie udane sprawdzenie: dziś ${lastGood}`);
    await shots(page, 'popup-network-error');
    const [log] = await Promise.all([ext.context.waitForEvent('page'), state.getByRole('button', { name: 'Dziennik zdarzeń' }).click()]);
    await log.waitForLoadState();
    expect(new URL(log.url()).pathname).toBe('/options.html');
    expect(Object.fromEntries(new URL(log.url()).searchParams)).toEqual({ profile: 'fundacja', view: 'log' });
    await log.close();

    // KSeF reachable again: "Spróbuj ponownie" checks at once (the extension's own back-off is lifted).
    await fault(null);
    const again = await openPopup();
    await again.getByRole('button', { name: 'Spróbuj ponownie' }).click();
    await expect.poll(() => again.locator('.kp-popup-message').textContent(), { timeout: 60_000 }).toBe('Sprawdzono – brak nowych faktur');
    await expect.poll(() => again.locator('.kp-popup-profile [data-state]').first().getAttribute('data-state')).toBe('ok');
    await Promise.all([page.close(), again.close()]);
  }, 180_000);

  it('KSeF answering 503: "KSeF odpowiada błędami", since when, that nothing needs doing and when the next try is', async () => {
    await fault({ path: METADATA, kind: 'http503', count: 100_000 });
    const page = await openPopup();
    await page.getByRole('button', { name: 'Sprawdź teraz' }).click();
    const state = page.locator('.kp-popup-profile [data-state]').first();
    await expect.poll(() => state.getAttribute('data-code'), { timeout: 60_000 }).toBe('KSEF_ERRORS');
    // The footer says how the check ended, in the same words as the card.
    expect(await page.locator('.kp-popup-message').textContent()).toBe('Nie udało się sprawdzić – KSeF odpowiada błędami');
    expect(await state.getAttribute('data-state')).toBe('retrying');
    expect(await state.locator('strong').textContent()).toBe('KSeF odpowiada błędami');
    expect(await state.locator('.kp-popup-cause').textContent()).toMatch(/^Od \d{2}\.\d{2}\.\d{4} \d{2}:\d{2} serwery KSeF zwracają błędy/);
    expect(await state.locator('.kp-popup-fix-text').textContent()).toMatch(/wznowi się samo.*Następna próba: \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}\.$/);
    // Nothing for the user to fix: no button that would send them to the settings for nothing.
    expect(await state.getByRole('button', { name: 'Napraw w ustawieniach' }).count()).toBe(0);
    expect(await state.getByRole('button', { name: 'Spróbuj ponownie' }).count()).toBe(1);
    await expectNoAxeViolations(page, { label: 'popup KSeF errors' });
    await shot(page, 'popup-ksef-errors');
    await page.close();
    await fault(null);
  }, 120_000);

  it('the options page shows the same named state for the organisation', async () => {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/options.html?profile=fundacja`);
    const card = page.getByTestId('sync-status');
    await expect.poll(() => card.locator('[data-code]').first().getAttribute('data-code'), { timeout: 30_000 }).toBe('KSEF_ERRORS');
    expect(await card.textContent()).toContain('KSeF odpowiada błędami');
    await expect.poll(() => page.locator('.kp-options-profile [data-code]').first().textContent()).toBe('Stan: KSeF odpowiada błędami');
    await shot(page, 'options-ksef-errors');
    await page.close();
  }, 60_000);

  it('a 429 from KSeF: "KSeF wstrzymał pobieranie" until the time KSeF gave, in Warsaw time', async () => {
    // A second organisation of the same office (the first one is in its back-off after the 503s).
    await seed(ext.sw, { profile: { ...profileInput('biuro', 'Biuro Rachunkowe Saldo', sim.baseUrl) }, metadata: [] });
    await saveFixtureCredentials(ext.sw, 'biuro');
    await fault({ path: METADATA, kind: 'http429', count: 100_000, retryAfterSeconds: 600 });
    const page = await openPopup();
    const card = page.locator('.kp-popup-profile').filter({ hasText: 'Biuro Rachunkowe Saldo' });
    await page.getByRole('button', { name: 'Sprawdź teraz' }).click();
    const state = card.locator('[data-state]').first();
    await expect.poll(() => state.getAttribute('data-code'), { timeout: 60_000 }).toBe('RATE_LIMITED');
    const until = { format: (d: Date) => formatDate(d.toISOString(), 'pl') };
    const cause = (await state.locator('.kp-popup-cause').textContent()) ?? '';
    const time = /do (\d{2}\.\d{2}\.\d{4} \d{2}:\d{2})\.$/.exec(cause)?.[1];
    expect(time).toBeDefined();
    // Retry-After: 600 s from the answer, give or take the minute the check took.
    const expected = [0, 1, 2].map((m) => until.format(new Date(Date.now() + 600_000 - m * 60_000)));
    expect(expected).toContain(time);
    expect(await state.locator('strong').textContent()).toBe('KSeF wstrzymał pobieranie');
    await expectNoAxeViolations(page, { label: 'popup rate limited' });
    await shot(page, 'popup-rate-limited');
    await page.close();
    await fault(null);
  }, 120_000);

  it('storage full and invoices set aside: says so, and asks the browser for persistent storage on a click', async () => {
    // A quota cannot be filled in a test browser in reasonable time: the sync state is written as the engine
    // writes it after a QuotaExceededError (lib/sync afterFailure), with two invoices set aside earlier.
    await ext.sw.evaluate(async () => {
      const dev = (globalThis as unknown as { __ksefPilotDev: { store: typeof import('../../lib/store') } }).__ksefPilotDev;
      const store = dev.store.createStore();
      const now = Date.now();
      const at = new Date(now - 5 * 60_000).toISOString();
      const state = (await store.getSyncState('fundacja', 'Subject2'))!;
      await store.putSyncState({
        ...state,
        consecutiveFailures: 1,
        runningSince: null,
        failingSince: at,
        lastSyncAt: at,
        blockedUntil: new Date(now + 60_000).toISOString(),
        skippedCount: 2,
        skippedNumbers: ['5213017228-20260301-0000000000A1-01', '7740001454-20260302-0000000000B2-02'],
        lastError: { code: 'STORAGE_FULL', message: 'x', messageEn: 'x', at },
      });
      store.close();
    });
    const page = await openPopup();
    const card = page.locator('.kp-popup-profile').filter({ hasText: 'Fundacja Otwarte Drzwi' });
    const state = card.locator('[data-state]').first();
    await expect.poll(() => state.getAttribute('data-code'), { timeout: 30_000 }).toBe('STORAGE_FULL');
    expect(await state.locator('strong').textContent()).toBe('Brak miejsca na faktury');
    expect(await card.locator('[data-code="RECORDS_SKIPPED"] strong').textContent()).toBe('2 faktury pominięto');
    expect(await card.locator('[data-code="RECORDS_SKIPPED"]').textContent()).toContain('5213017228-20260301-0000000000A1-01');
    await card.getByRole('button', { name: 'Zezwól na trwałe przechowywanie' }).click();
    await expect.poll(() => card.locator('.kp-popup-persist').textContent(), { timeout: 30_000 }).toMatch(/^(Gotowe|Przeglądarka nie zgodziła się)/);
    await expectNoAxeViolations(page, { label: 'popup storage full' });
    await shot(page, 'popup-storage-full');
    await page.close();
  }, 60_000);
  it('KSeF announced maintenance (Latarnia): "KSeF ma przerwę techniczną do …", nothing to fix', async () => {
    // A third organisation, never checked; the worker restarted so no earlier Latarnia answer is cached.
    await seed(ext.sw, { profile: { ...profileInput('sklep', 'Sklep Pod Lipami', sim.baseUrl) }, metadata: [] });
    await saveFixtureCredentials(ext.sw, 'sklep');
    await stopServiceWorker(ext.context, ext.extensionId);
    const end = new Date(Date.now() + 2 * 3_600_000);
    await latarnia({ kind: 'maintenance', start: new Date(Date.now() - 60_000).toISOString(), end: end.toISOString(), text: 'Prace serwisowe KSeF.' });
    await fault({ path: '/v2/*', kind: 'http503', count: 100_000 });
    try {
      const page = await openPopup();
      const card = page.locator('.kp-popup-profile').filter({ hasText: 'Sklep Pod Lipami' });
      await page.getByRole('button', { name: 'Sprawdź teraz' }).click();
      const state = card.locator('[data-state]').first();
      await expect.poll(() => state.getAttribute('data-code'), { timeout: 60_000 }).toBe('KSEF_MAINTENANCE');
      const full = formatDate(end.toISOString(), 'pl');
      const title = await state.locator('strong').textContent();
      expect([`KSeF ma przerwę techniczną do ${full.slice(-5)}`, `KSeF ma przerwę techniczną do ${full}`]).toContain(title);
      expect(await state.locator('.kp-popup-cause').textContent()).toMatch(/^Ministerstwo Finansów ogłosiło przerwę techniczną KSeF/);
      expect(await state.locator('.kp-popup-fix-text').textContent()).toMatch(/^Nic nie trzeba robić ani zmieniać w ustawieniach/);
      expect(await card.getByRole('button', { name: 'Napraw w ustawieniach' }).count()).toBe(0);
      expect(await page.locator('.kp-popup-message').textContent()).toContain(`Sklep Pod Lipami: ${title}`);
      await card.scrollIntoViewIfNeeded();
      await shots(page, 'popup-outage');
      await page.close();
    } finally {
      await fault(null);
      await latarnia(null);
    }
  }, 120_000);
});
