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
import { expected, savedProfile, shoot } from './options-page';

const OWNER = expected.nips.person;
const SEAL = expected.nips.seal;
const OTHER = expected.nips.other;

let ext: LaunchedExtension;
let sim: Simulator;

beforeAll(async () => {
  mkdirSync(path.dirname(screenshotPath('x')), { recursive: true });
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
    expect(await verdict.locator('h4').textContent()).toBe(`Osoba z certyfikatu nie ma uprawnień w organizacji o NIP ${SEAL}`);
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
    expect(await page.locator('[data-step="signature"] [data-verdict="OTHER_ENVIRONMENT"] h4').textContent()).toBe('KSeF nie przyjął certyfikatu (kod 21115)');
    await shoot(page, 'options-verify-other-environment');
    await page.close();
  });

  it('KSeF unreachable', async () => {
    const page = await savedProfile(ext, sim.baseUrl, { name: 'Bez połączenia', nip: OWNER, baseUrl: 'http://127.0.0.1:9/v2' }, 'person-tinpl-ec');
    expect(await verifySteps(page)).toMatchObject({ certificate: 'ok', challenge: 'failed' });
    await page.locator('[data-step="challenge"] [data-verdict="KSEF_UNREACHABLE"]').waitFor();
    await page.close();
  });
});

