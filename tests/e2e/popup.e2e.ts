// Issue 7 and issue 16 (review B6, B8, B16, B17), the toolbar popup in Chromium with demo data: three
// organisations fit with a summary line and the main buttons always in view; each card has its new count, its
// state and its two newest invoices (buttons named by what they show); "Sprawdź teraz" is busy while it runs and
// ends with its result ("Sprawdzono – brak nowych faktur", then "1 nowa faktura" after KSeF got one); links to the
// inbox (a newest invoice opens exactly that invoice) and to the options. Light and dark screenshots, axe on each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { InvoiceMetadata } from '../../lib/store';
import { BUYER_NIP, demoInvoices, profileInput, saveFixtureCredentials, seed } from '../inbox/e2e-seed';
import { startSimulator, type Simulator } from '../ksef-sim';
import { expectNoAxeViolations } from './axe';
import { launchExtension, screenshotPath, settled, type LaunchedExtension } from './launch';

/** Where this popup screenshots are kept for review, besides test-results/screenshots. */
const SHOTS = process.env.KSEF_POPUP_SHOTS_DIR ?? '/tmp/popup-shots';
const LAG_MS = 300;
const NOW = new Date();
let ext: LaunchedExtension;
let big: InvoiceMetadata[];
let small: InvoiceMetadata[];
let popupUrl: string;
let sim: Simulator;

beforeAll(async () => {
  mkdirSync(path.dirname(screenshotPath('x')), { recursive: true });
  mkdirSync(SHOTS, { recursive: true });
  ext = await launchExtension();
  popupUrl = `chrome-extension://${ext.extensionId}/popup.html`;
  big = (await demoInvoices(10_000, NOW)).metadata;
  small = (await demoInvoices(12, new Date(NOW.getTime() - 86_400_000))).metadata.map((m, i) => ({
    ...m,
    ksefNumber: m.ksefNumber.replace(/-..$/, `-${(0xa0 + i).toString(16).toUpperCase()}`),
  }));
  sim = await startSimulator({ port: 0, seed: 'popup-e2e', rateLimits: false, hwmLagMs: LAG_MS });
  await seed(ext.sw, { profile: profileInput('fundacja', 'Fundacja Otwarte Drzwi', sim.baseUrl), metadata: big });
  await saveFixtureCredentials(ext.sw, 'fundacja');
  // The office has looked at everything but two invoices.
  const states = Object.fromEntries(small.slice(0, 10).map((m) => [m.ksefNumber, 'seen' as const]));
  await seed(ext.sw, { profile: { ...profileInput('biuro', 'Biuro Rachunkowe Saldo'), nip: '7792433421' }, metadata: small, states });
  const third = small.slice(0, 3).map((m, i) => ({ ...m, ksefNumber: m.ksefNumber.replace(/-..$/, `-${(0xc0 + i).toString(16).toUpperCase()}`) }));
  await seed(ext.sw, {
    profile: { ...profileInput('spoldzielnia', 'Spółdzielnia Mieszkaniowa „Przyszłość” im. Marii Skłodowskiej-Curie w Warszawie'), nip: '1132853869' },
    metadata: third,
    states: Object.fromEntries(third.map((m) => [m.ksefNumber, 'seen' as const])),
  });
}, 180_000);

afterAll(async () => {
  await ext?.close();
  await sim?.stop();
});

async function openPopup(colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await ext.context.newPage();
  await page.emulateMedia({ colorScheme });
  await page.setViewportSize({ width: 380, height: 600 });
  await page.goto(popupUrl);
  await page.locator('.kp-popup-profile').first().waitFor();
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  await settled(page);
  await page.screenshot({ path: screenshotPath(name) });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** Invoices stored from just after now on; resolves once they are below the simulator's mark. */
async function purchase(): Promise<void> {
  const at = Date.now() + 50;
  sim.admin.addInvoice({ sellerNip: '5213017228', buyerNip: BUYER_NIP, sellerName: 'Hurtownia Papieru ŚWIT Sp. z o.o.', permanentStorageDate: at });
  await expect.poll(() => Date.now() > at + LAG_MS + 100, { timeout: 10_000 }).toBe(true);
}

describe('popup with three organisations and 10 015 invoices', () => {
  it('a summary line, compact cards with the two newest invoices each, the footer inside the 600 px popup', async () => {
    const page = await openPopup();
    const cards = page.locator('.kp-popup-profile');
    expect(await cards.count()).toBe(3);
    expect(await page.locator('.kp-popup-summary').textContent()).toBe('10\u00a0002 nowe faktury w 2 organizacjach');
    expect(await cards.nth(0).locator('h2').textContent()).toBe('Fundacja Otwarte Drzwi');
    expect(await cards.nth(0).locator('.kp-popup-new').textContent()).toBe('10\u00a0000 nowych');
    expect(await cards.nth(1).locator('.kp-popup-new').textContent()).toBe('2 nowe');
    expect(await cards.nth(2).locator('.kp-popup-new').count()).toBe(0);
    const newest = big.slice(-2).reverse();
    expect(await cards.nth(0).locator('.kp-popup-inv-number').allTextContents()).toEqual(newest.map((m) => m.invoiceNumber));
    expect(await cards.nth(0).locator('.kp-popup-inv-seller').allTextContents()).toEqual(newest.map((m) => m.seller.name));
    const amount = await cards.nth(0).locator('.kp-popup-inv-amount').first().textContent();
    expect(amount).toMatch(/^\d{1,3}(\u00a0\d{3})*,\d{2}\u00a0zł$/);
    // B16: an invoice button's accessible name is what it shows (seller, amount, number, date).
    const first = cards.nth(0).locator('.kp-popup-inv').first();
    expect(await first.getAttribute('aria-label')).toBeNull();
    await page.getByRole('button', { name: `${newest[0]!.seller.name} ${amount}` }).first().waitFor();
    // B8: the main buttons are inside the popup's 600 px without scrolling, however long the list.
    for (const name of ['Otwórz skrzynkę faktur', 'Sprawdź teraz', 'Otwórz ustawienia']) {
      const box = await page.getByRole('button', { name, exact: true }).boundingBox();
      expect(box, name).not.toBeNull();
      expect(box!.y + box!.height, name).toBeLessThanOrEqual(600);
    }
    expect(await page.evaluate(() => document.querySelector('main')!.getBoundingClientRect().height)).toBeLessThanOrEqual(600);
    // Three organisations fit whole beside the footer: the list does not need to scroll.
    expect(await page.locator('.kp-popup-list').evaluate((list) => list.scrollHeight - list.clientHeight)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, { label: 'popup three organisations' });
    await shot(page, 'popup-three-orgs-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoAxeViolations(page, { label: 'popup three organisations dark' });
    await shot(page, 'popup-three-orgs-dark');
    await page.close();
  });

  it('"Sprawdź teraz" is busy while it runs and ends with its result: none new, then 1 new after KSeF got one', async () => {
    const page = await openPopup();
    const footer = page.locator('.kp-popup-foot');
    // The first check imports what the simulator holds for this buyer; the one after it finds nothing new.
    await page.getByRole('button', { name: 'Sprawdź teraz' }).click();
    await expect.poll(() => footer.locator('.kp-popup-message').textContent(), { timeout: 60_000 }).toMatch(/^Sprawdzono – /);
    await page.getByRole('button', { name: 'Sprawdź teraz' }).click();
    // Busy until the worker answers: the button says so and cannot be pressed twice.
    await expect.poll(() => footer.locator('.kp-popup-sync').textContent()).toMatch(/^(Sprawdzam…|Sprawdź teraz)$/);
    await expect.poll(() => footer.locator('.kp-popup-message').textContent(), { timeout: 60_000 }).toBe('Sprawdzono – brak nowych faktur');
    expect(await footer.locator('.kp-popup-sync').textContent()).toBe('Sprawdź teraz');
    const card = page.locator('.kp-popup-profile').nth(0);
    await expect.poll(() => card.locator('[data-state]').getAttribute('data-state')).toBe('ok');
    expect(await card.locator('.kp-popup-times').textContent()).toMatch(/Ostatnio sprawdzono: dziś \d{1,2}:\d{2}/);
    await expectNoAxeViolations(page, { label: 'popup after check' });
    await shot(page, 'popup-checked-none-light');

    await purchase();
    await page.getByRole('button', { name: 'Sprawdź teraz' }).click();
    await expect.poll(() => footer.locator('.kp-popup-message').textContent(), { timeout: 60_000 }).toBe('Sprawdzono – 1 nowa faktura');
    await expect.poll(() => card.locator('.kp-popup-inv-seller').first().textContent()).toBe('Hurtownia Papieru ŚWIT Sp. z o.o.');
    await shot(page, 'popup-checked-one-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoAxeViolations(page, { label: 'popup after check dark' });
    await shot(page, 'popup-checked-one-dark');
    await page.close();
  }, 180_000);

  it('busy: the button reads "Sprawdzam…" and is disabled while the check runs', async () => {
    // KSeF answers slowly, so the busy state lasts long enough to be seen.
    const res = await fetch(`${sim.url}/admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ path: '/v2/invoices/query/metadata', kind: 'slow', delayMs: 3000, count: 1 }),
    });
    expect(res.status).toBe(200);
    const page = await openPopup();
    const button = page.locator('.kp-popup-sync');
    await button.click();
    await expect.poll(() => button.textContent()).toBe('Sprawdzam…');
    expect(await button.isDisabled()).toBe(true);
    expect(await page.locator('.kp-popup-profile').nth(0).locator('[data-state]').getAttribute('data-state')).toBe('syncing');
    await expect.poll(() => button.textContent(), { timeout: 60_000 }).toBe('Sprawdź teraz');
    expect(await page.locator('.kp-popup-message').textContent()).toBe('Sprawdzono – brak nowych faktur');
    await page.close();
  }, 120_000);

  it('an organisation without a certificate needs attention and leads to the options', async () => {
    const page = await openPopup();
    const card = page.locator('.kp-popup-profile').nth(1);
    expect(await card.locator('[data-state]').getAttribute('data-state')).toBe('not_configured');
    const [options] = await Promise.all([ext.context.waitForEvent('page'), card.getByRole('button', { name: 'Napraw w ustawieniach' }).click()]);
    await options.waitForLoadState();
    expect(new URL(options.url()).pathname).toBe('/options.html');
    expect(new URL(options.url()).searchParams.get('profile')).toBe('biuro');
    await options.close();
  });

  it('a newest invoice opens the inbox on exactly that invoice', async () => {
    const page = await openPopup();
    const newest = big[big.length - 1]!;
    const [tab] = await Promise.all([
      ext.context.waitForEvent('page'),
      page.locator('.kp-popup-inv', { hasText: newest.invoiceNumber }).click(),
    ]);
    await tab.waitForLoadState();
    expect(new URL(tab.url()).pathname).toBe('/inbox.html');
    expect(new URL(tab.url()).searchParams.get('ksef')).toBe(newest.ksefNumber);
    await tab.getByText('Treść tej faktury nie została jeszcze pobrana z KSeF.').waitFor();
    expect(await tab.textContent('.kp-inbox-meta')).toContain(newest.invoiceNumber);
    await tab.close();
  });

  it('links to the inbox and to the options', async () => {
    const page = await openPopup();
    const [inbox] = await Promise.all([ext.context.waitForEvent('page'), page.getByRole('button', { name: 'Otwórz skrzynkę faktur' }).click()]);
    await inbox.waitForLoadState();
    expect(new URL(inbox.url()).pathname).toBe('/inbox.html');
    await inbox.close();
    const again = await openPopup();
    const [options] = await Promise.all([ext.context.waitForEvent('page'), again.getByRole('button', { name: 'Otwórz ustawienia' }).click()]);
    await options.waitForLoadState();
    expect(new URL(options.url()).pathname).toBe('/options.html');
    await options.close();
  });
});
