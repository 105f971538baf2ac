// Issue 13: the helper on Aplikacja Podatnika pages. KSeF's pages are out of reach, so a fixture app
// (tests/fixtures/ap) with AP's labels, fields and in-page navigation is served under the real AP addresses by
// request routing: Chromium injects the content script as it would for a user.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './axe';
import { launchExtension, settled, type LaunchedExtension } from './launch';

const FIXTURES = path.resolve('tests/fixtures/ap');
const APP = readFileSync(path.join(FIXTURES, 'app.html'), 'utf8');
const CHANGED = readFileSync(path.join(FIXTURES, 'changed.html'), 'utf8');
const SHOTS = '/tmp/ap-shots';
const HOSTS = { 'ap-test.ksef.mf.gov.pl': 'test', 'ap-demo.ksef.mf.gov.pl': 'demo', 'ap.ksef.mf.gov.pl': 'prod', 'web2te-ksef.mf.gov.pl': 'test' };
const NIP = '5265877635';

let ext: LaunchedExtension;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ext = await launchExtension();
  for (const host of [...Object.keys(HOSTS), 'example.org']) {
    await ext.context.route(`https://${host}/**`, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: new URL(route.request().url()).pathname.startsWith('/nowa/') ? CHANGED : APP }),
    );
  }
});
afterAll(async () => {
  await ext?.close();
});

const app = (page: Page) => page.locator('body > :not(ksef-pilot-helper)');
const panel = (page: Page) => page.locator('ksef-pilot-helper section.kp-ap');
const step = (page: Page, id: string) => page.locator(`ksef-pilot-helper [data-step="${id}"]`);
const stateOf = (page: Page, id: string) => step(page, id).getAttribute('data-state');
const warnings = (page: Page) => page.locator('ksef-pilot-helper [data-warning]').evaluateAll((els) => els.map((e) => e.getAttribute('data-warning')));

async function open(url: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(url);
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  await settled(page);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** Where the ring is drawn against where the control is: the helper points at the control the step names. */
async function ringAround(page: Page, control: ReturnType<Page['locator']>): Promise<boolean> {
  const ring = await page.locator('ksef-pilot-helper .kp-ap-ring').boundingBox();
  const box = await control.boundingBox();
  if (!ring || !box) return false;
  return ring.x <= box.x && ring.y <= box.y && ring.x + ring.width >= box.x + box.width && ring.y + ring.height >= box.y + box.height;
}

describe('the Aplikacja Podatnika helper', () => {
  it('appears on each AP host, and on no other site', async () => {
    const other = await open('https://example.org/web/');
    for (const host of Object.keys(HOSTS)) {
      const page = await open(`https://${host}/web/`);
      await expect.poll(() => panel(page).isVisible()).toBe(true);
      await expect.poll(() => panel(page).getAttribute('data-mode')).toBe('guided');
      if (host === 'ap-test.ksef.mf.gov.pl') await shot(page, '01-start');
      await page.close();
    }
    // The same app, loaded first, on a site that is not AP: no helper was injected there.
    await settled(other);
    expect(await other.locator('ksef-pilot-helper').count()).toBe(0);
    await other.close();
  });

  it('tracks the permission steps through in-page navigation and points at each control', async () => {
    const page = await open('https://ap-test.ksef.mf.gov.pl/web/');
    await expect.poll(() => stateOf(page, 'p_open')).toBe('current');
    await expect.poll(() => ringAround(page, page.getByRole('link', { name: 'Uprawnienia' }))).toBe(true);

    await page.getByRole('link', { name: 'Uprawnienia' }).click();
    await expect.poll(() => page.evaluate(() => location.pathname)).toBe('/web/uprawnienia');
    await expect.poll(() => ringAround(page, app(page).getByRole('button', { name: 'Nadaj uprawnienie' }))).toBe(true);
    await shot(page, '02-permissions-list');

    await app(page).getByRole('button', { name: 'Nadaj uprawnienie' }).click();
    await expect.poll(() => stateOf(page, 'p_kind')).toBe('current');
    expect(await stateOf(page, 'p_open')).toBe('done');
    await expect.poll(() => ringAround(page, app(page).getByLabel('Rodzaj uprawnienia'))).toBe(true);
    await shot(page, '03-permissions-form');

    await app(page).getByLabel('Rodzaj uprawnienia').selectOption('Osobie fizycznej do pracy w KSeF');
    await expect.poll(() => stateOf(page, 'p_subject')).toBe('current');
    await app(page).getByLabel('Rodzaj podmiotu uprawnianego').selectOption({ index: 1 });
    await expect.poll(() => stateOf(page, 'p_person')).toBe('current');
    await app(page).getByLabel('PESEL').fill('44051401359');
    await expect.poll(() => stateOf(page, 'p_scope')).toBe('current');
    await app(page).getByLabel('wystawianie faktur').check();
    await expect.poll(() => stateOf(page, 'p_grant')).toBe('current');
    await app(page).getByRole('button', { name: 'Nadaj uprawnienia' }).click();
    await expect.poll(() => stateOf(page, 'p_grant')).toBe('done');

    // Back button: the app re-renders from popstate; the helper follows without a reload.
    await page.goBack();
    await expect.poll(() => page.evaluate(() => location.pathname)).toBe('/web/uprawnienia/nadaj');
    await expect.poll(() => panel(page).locator('.kp-ap-task--active').getAttribute('data-task')).toBe('permissions');
    await page.close();
  });

  it('tracks the certificate steps and warns before each mistake', async () => {
    const page = await open('https://ap-test.ksef.mf.gov.pl/web/certyfikaty');
    await expect.poll(() => stateOf(page, 'c_open')).toBe('current');
    await expect.poll(() => ringAround(page, app(page).getByRole('button', { name: 'Wnioskuj o certyfikat' }))).toBe(true);
    await shot(page, '04-certificates-list');

    await app(page).getByRole('button', { name: 'Wnioskuj o certyfikat' }).click();
    await expect.poll(() => stateOf(page, 'c_name')).toBe('current');
    await app(page).getByLabel('Nazwa certyfikatu').fill('KSeF Pilot 2026');
    await expect.poll(() => stateOf(page, 'c_password')).toBe('current');
    await app(page).getByLabel('Hasło').fill('tajne-haslo-123');
    await expect.poll(() => stateOf(page, 'c_generate')).toBe('current');
    await expect.poll(() => ringAround(page, app(page).getByRole('button', { name: 'Generuj' }))).toBe(true);
    await shot(page, '05-certificate-generate');

    // Moving on without the key, and the Offline purpose: both warned before anything is sent.
    await app(page).getByLabel('Przeznaczenie certyfikatu').selectOption({ index: 1 });
    await expect.poll(() => warnings(page)).toEqual(['key_not_downloaded', 'offline_purpose']);
    await expect.poll(() => panel(page).getByRole('alert').first().textContent()).toContain('Kliknij „Generuj” i zapisz plik');
    // A date after today.
    const tomorrow = await page.evaluate(() => {
      const d = new Date(Date.now() + 2 * 86_400_000);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    await app(page).getByLabel('Certyfikat ważny od').fill(tomorrow);
    await expect.poll(() => warnings(page)).toEqual(['key_not_downloaded', 'offline_purpose', 'future_valid_from']);
    await shot(page, '06-certificate-warnings');
    // The panel only: the fixture stands in for a page that is not ours.
    await expectNoAxeViolations(page, { include: ['ksef-pilot-helper'], label: 'AP helper with warnings' });

    // Putting each right clears its warning.
    const download = page.waitForEvent('download');
    await app(page).getByRole('button', { name: 'Generuj' }).click();
    expect((await download).suggestedFilename()).toBe('klucz.key');
    await expect.poll(() => warnings(page)).toEqual(['offline_purpose', 'future_valid_from']);
    await app(page).getByLabel('Przeznaczenie certyfikatu').selectOption('Uwierzytelnienie w systemie KSeF');
    await app(page).getByLabel('Certyfikat ważny od').fill(await page.evaluate(() => new Date().toLocaleDateString('sv-SE')));
    await expect.poll(() => warnings(page)).toEqual([]);
    await expect.poll(() => stateOf(page, 'c_send')).toBe('current');

    await app(page).getByRole('button', { name: 'Wyślij wniosek o wydanie certyfikatu' }).click();
    await expect.poll(() => stateOf(page, 'c_refresh')).toBe('current');
    await expect.poll(() => ringAround(page, app(page).getByRole('button', { name: 'Odśwież' }))).toBe(true);
    await app(page).getByRole('button', { name: 'Odśwież' }).click();
    await expect.poll(() => stateOf(page, 'c_download')).toBe('current');
    await shot(page, '07-certificate-download');
    await page.close();
  });

  it('warns when the user leaves the form without the key download', async () => {
    const page = await open('https://ap-demo.ksef.mf.gov.pl/web/certyfikaty/wniosek');
    await expect.poll(() => stateOf(page, 'c_name')).toBe('current');
    await app(page).getByLabel('Nazwa certyfikatu').fill('Bez klucza');
    await page.getByRole('link', { name: 'Certyfikaty' }).click();
    await expect.poll(() => warnings(page)).toEqual(['key_not_downloaded']);
    await page.close();
  });

  it('still shows the checklist, as plain text, on a page whose labels changed', async () => {
    const page = await open('https://ap-demo.ksef.mf.gov.pl/nowa/certyfikaty/wniosek');
    await expect.poll(() => panel(page).getAttribute('data-mode')).toBe('plain');
    await expect.poll(() => panel(page).textContent()).toContain('Nie rozpoznaję pól na tej stronie');
    expect(await panel(page).locator('[data-step]').count()).toBe(15);
    expect(await page.locator('ksef-pilot-helper .kp-ap-ring').isVisible()).toBe(false);
    // The user ticks the steps themselves.
    await step(page, 'c_open').getByRole('checkbox').check();
    await expect.poll(() => stateOf(page, 'c_open')).toBe('done');
    await expect.poll(() => stateOf(page, 'c_name')).toBe('current');
    await shot(page, '08-plain-checklist');
    await expectNoAxeViolations(page, { include: ['ksef-pilot-helper'], label: 'AP helper, plain checklist' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, '08-plain-checklist-dark');
    await expectNoAxeViolations(page, { include: ['ksef-pilot-helper'], label: 'AP helper, plain checklist, dark' });
    await page.close();
  });

  it('collapses, and closes for the session', async () => {
    const page = await open('https://ap.ksef.mf.gov.pl/web/');
    await expect.poll(() => panel(page).isVisible()).toBe(true);
    // Movable: dragged by its title bar, it stays where the user put it.
    const before = (await panel(page).boundingBox())!;
    await page.mouse.move(before.x + 60, before.y + 15);
    await page.mouse.down();
    await page.mouse.move(before.x - 340, before.y - 185, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => Math.round((await panel(page).boundingBox())!.x)).toBe(Math.round(before.x - 400));
    expect(Math.round((await panel(page).boundingBox())!.y)).toBe(Math.round(before.y - 200));
    await panel(page).getByRole('button', { name: 'Zwiń pomocnika' }).click();
    await expect.poll(() => panel(page).locator('[data-step]').count()).toBe(0);
    await shot(page, '09-collapsed');
    await panel(page).getByRole('button', { name: 'Rozwiń pomocnika' }).click();
    await expect.poll(() => panel(page).locator('[data-step]').count()).toBe(15);
    await panel(page).getByRole('button', { name: 'Zamknij pomocnika do końca tej sesji' }).click();
    await expect.poll(() => panel(page).count()).toBe(0);
    await page.reload();
    await settled(page);
    await page.getByRole('link', { name: 'Certyfikaty' }).click();
    await expect.poll(() => page.evaluate(() => location.pathname)).toBe('/web/certyfikaty');
    await settled(page);
    expect(await panel(page).count()).toBe(0);
    await page.close();
  });

  it('speaks English when the user chose English', async () => {
    await setLanguage('en');
    const page = await open('https://ap-test.ksef.mf.gov.pl/web/certyfikaty');
    await expect.poll(() => panel(page).locator('h2').textContent()).toBe('KSeF Pilot helper');
    await shot(page, '10-english');
    await setLanguage('pl');
    await expect.poll(() => panel(page).locator('h2').textContent()).toBe('Pomocnik KSeF Pilot');
    await page.close();
  });

  it('"Mam oba pliki" opens the options page on the certificate step with the environment and the confirmed NIP', async () => {
    const page = await open('https://ap-test.ksef.mf.gov.pl/web/certyfikaty');
    await panel(page).getByRole('button', { name: 'Mam oba pliki' }).click();
    await expect.poll(() => panel(page).textContent()).toContain('Czy to NIP Twojej organizacji: 526\u2011587\u201176\u201135?');
    await shot(page, '11-handoff-confirm');
    await expectNoAxeViolations(page, { include: ['ksef-pilot-helper'], label: 'AP helper, NIP to confirm' });
    const opened = ext.context.waitForEvent('page');
    await panel(page).getByRole('button', { name: 'Tak, użyj go' }).click();
    const options = await opened;
    await options.waitForLoadState();
    expect(options.url()).toBe(`chrome-extension://${ext.extensionId}/options.html?setup=certificate&env=test&nip=${NIP}`);
    await options.locator('main[data-ready="true"]').waitFor();
    await expect.poll(() => options.getByLabel('Środowisko KSeF').inputValue()).toBe('test');
    await expect.poll(() => options.getByLabel('NIP organizacji').inputValue()).toBe(NIP);
    await expect.poll(() => panel(page).getByRole('status').textContent()).toBe('Otwieram ustawienia KSeF Pilot w nowej karcie.');
    await options.close();
    await page.close();
  });

  it('"Nie masz jeszcze certyfikatu?" on the popup and the options page opens AP of the chosen environment, with the helper', async () => {
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    const popupLink = popup.getByRole('link', { name: 'Nie masz jeszcze certyfikatu?' });
    await expect.poll(() => popupLink.getAttribute('href')).toBe('https://ap.ksef.mf.gov.pl/');
    await settled(popup);
    await popup.screenshot({ path: path.join(SHOTS, '12-popup-link.png') });
    await popup.close();

    const options = await ext.context.newPage();
    await options.setViewportSize({ width: 1280, height: 900 });
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await options.locator('main[data-ready="true"]').waitFor();
    await options.getByLabel('Środowisko KSeF').selectOption('test');
    const link = options.getByRole('link', { name: 'Nie masz jeszcze certyfikatu?' });
    await expect.poll(() => link.getAttribute('href')).toBe('https://ap-test.ksef.mf.gov.pl/web/');
    await shot(options, '13-options-link');
    const opened = ext.context.waitForEvent('page');
    await link.click();
    const ap = await opened;
    await expect.poll(() => panel(ap).isVisible()).toBe(true);
    await Promise.all([ap.close(), options.close()]);
  });

  it('refuses a content-script message outside its narrow set, and nothing happens', async () => {
    const page = await open('https://ap-test.ksef.mf.gov.pl/web/');
    await expect.poll(() => panel(page).isVisible()).toBe(true);
    const cdp = await ext.context.newCDPSession(page);
    const send = await isolatedWorldSender(cdp, ext.extensionId);
    const pagesBefore = ext.context.pages().length;
    for (const [message, reason] of [
      [{ type: 'ping' }, 'NOT_ALLOWED'],
      [{ type: 'deleteProfile', profileId: 'p1' }, 'NOT_ALLOWED'],
      [{ type: 'syncNow' }, 'NOT_ALLOWED'],
      [{ type: 'openSetup', environment: 'test', extra: 'https://evil.example' }, 'NOT_ALLOWED'],
      [{ type: 'openSetup', environment: 'production' }, 'NOT_AP_PAGE'],
    ] as const) {
      expect(await send(message)).toMatchObject({ ok: false, error: { code: 'CONTENT_REQUEST_REFUSED', data: { reason } } });
    }
    expect(ext.context.pages().length).toBe(pagesBefore);
    await cdp.detach();
    await page.close();
  });
});

/** The one language setting (SEAMS: chrome.storage.local `uiLanguage`), as the pages' switch stores it. */
async function setLanguage(lang: 'pl' | 'en'): Promise<void> {
  await ext.sw.evaluate((value) => (globalThis as unknown as { chrome: typeof browser }).chrome.storage.local.set({ uiLanguage: value }), lang);
}

/** Sends a runtime message from the content script's isolated world (CDP), as a compromised helper would. */
async function isolatedWorldSender(cdp: CDPSession, extensionId: string) {
  const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const find = () => contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.includes(extensionId));
  await expect.poll(() => find()?.id).toBeDefined();
  const contextId = find()!.id;
  return async (message: unknown) => {
    const { result } = await cdp.send('Runtime.evaluate', {
      contextId,
      expression: `chrome.runtime.sendMessage(${JSON.stringify(message)})`,
      awaitPromise: true,
      returnByValue: true,
    });
    return result.value as unknown;
  };
}
