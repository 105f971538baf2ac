// Issue 6, "Weryfikuj certyfikat" in Chromium: the page saves a certificate, the worker's verifyProfile handler
// (lib/diagnostics) logs in to the simulator, and the page lists each step with its verdict. Shared steps are
// in options-page.ts.
// Screenshots at 1280 px and 400 px go to test-results/screenshots/options-verify-*.png.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSimulator, type Simulator } from '../ksef-sim';
import { launchExtension, screenshotPath, type LaunchedExtension } from './launch';
import { expected, savedProfile, shoot, shootBoth, SHOTS } from './options-page';

const OWNER = expected.nips.person;
const SEAL = expected.nips.seal;
const OTHER = expected.nips.other;

let ext: LaunchedExtension;
let sim: Simulator;

beforeAll(async () => {
  mkdirSync(path.dirname(screenshotPath('x')), { recursive: true });
  mkdirSync(SHOTS, { recursive: true });
  sim = await startSimulator({ port: 0, seed: 'options-verify-e2e', rateLimits: false });
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
  await sim?.stop();
});

/** Sets up a simulator profile through the page and saves its certificate. */
async function verifySteps(page: Page): Promise<Record<string, string>> {
  await page.getByRole('button', { name: 'Weryfikuj certyfikat' }).click();
  const report = page.getByTestId('verify-report');
  await report.waitFor({ timeout: 30_000 });
  const steps = await report.locator('[data-step]').evaluateAll((nodes) => nodes.map((n) => [n.getAttribute('data-step'), n.getAttribute('data-status')]));
  return Object.fromEntries(steps);
}

describe('options page: "Weryfikuj certyfikat" through the worker', () => {
  it('logs in and finds both permissions for the owner', async () => {
    const page = await savedProfile(ext, sim.baseUrl, { name: 'Weryfikacja OK', nip: OWNER }, 'person-tinpl-ec');
    expect(await verifySteps(page)).toEqual({ certificate: 'ok', challenge: 'ok', signature: 'ok', login: 'ok', read: 'ok', send: 'ok' });
    await page.getByText('Wszystko działa: logowanie do KSeF udane, faktury będą pobierane.').waitFor();
    expect(await page.getByTestId('verify-report').textContent()).toContain('Uprawnienia w KSeF: Właściciel');
    await shoot(page, 'options-verify-ok');
    await page.close();
  });

  it('no permissions at all (415): who, where and the steps in Aplikacja Podatnika', async () => {
    const page = await savedProfile(ext, sim.baseUrl, { name: 'Bez uprawnień', nip: SEAL }, 'other-nip-ec');
    const steps = await verifySteps(page);
    expect(steps).toMatchObject({ certificate: 'warning', login: 'failed', read: 'skipped' });
    const verdict = page.locator('[data-step="login"] [data-verdict="NO_PERMISSIONS"]');
    expect(await verdict.locator('h3').textContent()).toBe(`Osoba z certyfikatu nie ma uprawnień w organizacji o NIP ${SEAL}`);
    expect(await verdict.textContent()).toContain(`wpisuje dokładnie NIP ${OTHER}`);
    await shoot(page, 'options-verify-no-permissions');
    await page.close();
  });

  it('permissions set in the simulator without InvoiceRead: KSeF\'s 403 with required and present', async () => {
    sim.admin.setGrants({ context: SEAL, identity: { type: 'Nip', value: OTHER }, permissions: ['InvoiceWrite'] });
    try {
      const page = await savedProfile(ext, sim.baseUrl, { name: 'Tylko wystawianie', nip: SEAL }, 'other-nip-ec');
      expect(await verifySteps(page)).toMatchObject({ login: 'ok', read: 'failed', send: 'ok' });
      const verdict = page.locator('[data-step="read"] [data-verdict="MISSING_PERMISSIONS"]');
      expect(await verdict.textContent()).toContain('Potrzebne jest jedno z uprawnień: Przeglądanie faktur.');
      expect(await verdict.textContent()).toContain('ma obecnie: Wystawianie faktur.');
      await shoot(page, 'options-verify-missing-read');
      await page.close();
    } finally {
      sim.admin.setGrants({ context: SEAL, identity: { type: 'Nip', value: OTHER }, permissions: [] });
    }
  });

  it('another environment\'s certificate (21115)', async () => {
    const page = await savedProfile(ext, sim.baseUrl, { name: 'Certyfikat produkcyjny', nip: OWNER }, 'person-tinpl-prod-ec');
    expect(await verifySteps(page)).toMatchObject({ challenge: 'ok', signature: 'failed', login: 'skipped' });
    expect(await page.locator('[data-step="signature"] [data-verdict="OTHER_ENVIRONMENT"] h3').textContent()).toBe('KSeF nie przyjął certyfikatu (kod 21115)');
    await shoot(page, 'options-verify-other-environment');
    await page.close();
  });

  it('KSeF\'s X-System-Warning (sig-001): in the verify report, in the log once, and on the page for the profile', async () => {
    // Every answer of this simulator carries the warning, as KSeF attaches it to each call (issue 10).
    sim.admin.addFault({ path: '/v2/*', kind: 'warning', count: 1_000_000 });
    try {
      const page = await savedProfile(ext, sim.baseUrl, { name: 'Ostrzeżenie KSeF', nip: OWNER }, 'person-tinpl-ec');
      expect(await verifySteps(page)).toMatchObject({ certificate: 'ok', login: 'ok', read: 'ok' });
      const inReport = page.locator('[data-testid="verify-report"] [data-verdict="KSEF_SYSTEM_WARNING"]');
      await inReport.waitFor({ timeout: 30_000 });
      expect(await inReport.locator('h4').textContent()).toBe('KSeF ostrzega (kod sig-001)');
      expect(await inReport.textContent()).toContain('„Format podpisu niezgodny z akceptowanymi profilami XAdES”');
      await shoot(page, 'options-verify-system-warning');

      // The worker kept it in the activity log once, although the first sync and the check both met it often.
      const logged = () =>
        page.evaluate(
          () =>
            new Promise<string[]>((resolve, reject) => {
              const open = indexedDB.open('ksef-pilot');
              open.onerror = () => reject(open.error);
              open.onsuccess = () => {
                const all = open.result.transaction('log').objectStore('log').getAll();
                all.onsuccess = () => {
                  resolve((all.result as { code: string; message: string }[]).filter((e) => e.code === 'KSEF_SYSTEM_WARNING').map((e) => e.message));
                  open.result.close();
                };
                all.onerror = () => reject(all.error);
              };
            }),
        );
      await expect.poll(async () => (await logged()).length, { timeout: 30_000 }).toBe(1);
      expect((await logged())[0]).toMatch(/^\[sig-001\]: Format podpisu niezgodny z akceptowanymi profilami XAdES \((GET|POST) \//);
      expect(sim.admin.requests().length).toBeGreaterThan(3);

      // On the page for the profile, from the log: in plain words, with KSeF's code and when it was seen.
      await expect
        .poll(async () => {
          await page.reload();
          await page.locator('main[data-ready="true"]').waitFor();
          await page.locator('button.kp-options-profile', { hasText: 'Ostrzeżenie KSeF' }).click();
          await page.locator('button.kp-options-profile[aria-current="true"]', { hasText: 'Ostrzeżenie KSeF' }).waitFor();
          return page.getByTestId('system-warnings').count();
        }, { timeout: 30_000 })
        .toBe(1);
      const onPage = page.getByTestId('system-warnings');
      expect(await onPage.locator('h3').textContent()).toBe('Ostrzeżenia KSeF');
      expect(await onPage.locator('[data-verdict="KSEF_SYSTEM_WARNING"] h4').textContent()).toBe('KSeF ostrzega (kod sig-001)');
      expect(await onPage.textContent()).toContain('Zaktualizuj rozszerzenie do najnowszej wersji');
      expect(await onPage.textContent()).toMatch(/Ostatnio: \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/);
      await onPage.scrollIntoViewIfNeeded();
      await shoot(page, 'options-system-warning');
      await page.close();
    } finally {
      sim.admin.clearFaults();
    }
  });

  it('KSeF unreachable after a login was kept: the connection step fails, the rest is skipped (review B3)', async () => {
    const page = await savedProfile(ext, sim.baseUrl, { name: 'Sieć padła', nip: OWNER }, 'person-tinpl-ec');
    // The first sync logs in and keeps the login; the page moves on to "done" once it succeeded.
    await page.locator('[data-step="done"][aria-current="step"]').waitFor({ timeout: 60_000 });
    sim.admin.addFault({ path: '/v2/*', kind: 'drop', count: 1_000_000 });
    try {
      expect(await verifySteps(page)).toEqual({ certificate: 'ok', challenge: 'failed', signature: 'skipped', login: 'skipped', read: 'skipped', send: 'skipped' });
      const verdict = page.locator('[data-step="challenge"] [data-verdict="KSEF_UNREACHABLE"]');
      expect(await verdict.textContent()).toContain('nic nie zmieniaj w ustawieniach');
      expect(await page.locator('[data-step="challenge"]').textContent()).toContain('Połączenie z KSeF');
      // The report points to the activity log.
      expect(await page.getByRole('link', { name: 'Dziennik zdarzeń' }).first().getAttribute('href')).toMatch(/^options\.html\?profile=.+&view=log$/);
      await shootBoth(page, 'verify-failure');
    } finally {
      sim.admin.clearFaults();
    }
    await page.close();
  });

  it('during a maintenance announced in Latarnia: says maintenance, not "connection failed"', async () => {
    const page = await savedProfile(ext, sim.baseUrl, { name: 'Przerwa KSeF', nip: OWNER }, 'person-tinpl-ec');
    await page.locator('[data-step="done"][aria-current="step"]').waitFor({ timeout: 60_000 });
    sim.admin.announceAvailability({ kind: 'maintenance', title: 'Planowane prace serwisowe KSeF', end: new Date(Date.now() + 2 * 3_600_000).toISOString() });
    sim.admin.addFault({ path: '/v2/*', kind: 'http503', count: 1_000_000 });
    try {
      expect(await verifySteps(page)).toMatchObject({ challenge: 'failed', login: 'skipped', read: 'skipped' });
      const verdict = page.locator('[data-step="challenge"] [data-verdict="KSEF_MAINTENANCE"]');
      expect(await verdict.locator('h3').textContent()).toBe('KSeF ma teraz przerwę techniczną');
      expect(await verdict.textContent()).toContain('„Planowane prace serwisowe KSeF”');
      expect(await verdict.textContent()).toContain('Nic nie zmieniaj w ustawieniach');
      await shoot(page, 'options-verify-maintenance');
    } finally {
      sim.admin.clearFaults();
      sim.admin.clearAvailability();
    }
    await page.close();
  });

  it('KSeF unreachable', async () => {
    const page = await savedProfile(ext, sim.baseUrl, { name: 'Bez połączenia', nip: OWNER, baseUrl: 'http://127.0.0.1:9/v2' }, 'person-tinpl-ec');
    expect(await verifySteps(page)).toMatchObject({ certificate: 'ok', challenge: 'failed' });
    await page.locator('[data-step="challenge"] [data-verdict="KSEF_UNREACHABLE"]').waitFor();
    await page.close();
  });
});

