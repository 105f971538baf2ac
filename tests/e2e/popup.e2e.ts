// Issue 7, the toolbar popup in Chromium with demo data: per organisation the new count and the newest
// invoices and its connection state, "Sprawdź teraz" (a real sync against tests/ksef-sim), links to the inbox
// (a newest invoice opens exactly that invoice) and to the options.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { InvoiceMetadata } from '../../lib/store';
import { demoInvoices, profileInput, saveFixtureCredentials, seed } from '../inbox/e2e-seed';
import { startSimulator, type Simulator } from '../ksef-sim';
import { launchExtension, screenshotPath, type LaunchedExtension } from './launch';

const NOW = new Date();
let ext: LaunchedExtension;
let big: InvoiceMetadata[];
let small: InvoiceMetadata[];
let popupUrl: string;
let sim: Simulator;

beforeAll(async () => {
  mkdirSync(path.dirname(screenshotPath('x')), { recursive: true });
  ext = await launchExtension();
  popupUrl = `chrome-extension://${ext.extensionId}/popup.html`;
  big = (await demoInvoices(10_000, NOW)).metadata;
  small = (await demoInvoices(12, new Date(NOW.getTime() - 86_400_000))).metadata.map((m, i) => ({
    ...m,
    ksefNumber: m.ksefNumber.replace(/-..$/, `-${(0xa0 + i).toString(16).toUpperCase()}`),
  }));
  sim = await startSimulator({ port: 0, seed: 'popup-e2e', rateLimits: false });
  await seed(ext.sw, { profile: profileInput('fundacja', 'Fundacja Otwarte Drzwi', sim.baseUrl), metadata: big });
  await saveFixtureCredentials(ext.sw, 'fundacja');
  // The office has looked at everything but two invoices.
  const states = Object.fromEntries(small.slice(0, 10).map((m) => [m.ksefNumber, 'seen' as const]));
  await seed(ext.sw, { profile: { ...profileInput('biuro', 'Biuro Rachunkowe Saldo'), nip: '7792433421' }, metadata: small, states });
}, 180_000);

afterAll(async () => {
  await ext?.close();
  await sim?.stop();
});

async function openPopup() {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 380, height: 600 });
  await page.goto(popupUrl);
  await page.locator('.kp-popup-profile').first().waitFor();
  return page;
}

describe('popup with two organisations and 10 012 invoices', () => {
  it('shows each organisation with its new count and newest invoices', async () => {
    const page = await openPopup();
    const cards = page.locator('.kp-popup-profile');
    expect(await cards.count()).toBe(2);
    expect(await cards.nth(0).locator('h2').textContent()).toBe('Fundacja Otwarte Drzwi');
    expect(await cards.nth(0).locator('.kp-popup-new').textContent()).toBe('10\u00a0000 nowych faktur');
    expect(await cards.nth(1).locator('.kp-popup-new').textContent()).toBe('2 nowe faktury');
    const newest = big.slice(-4).reverse();
    expect(await cards.nth(0).locator('.kp-popup-inv-number').allTextContents()).toEqual(newest.map((m) => m.invoiceNumber));
    expect(await cards.nth(0).locator('.kp-popup-inv-seller').allTextContents()).toEqual(newest.map((m) => m.seller.name));
    const amount = await cards.nth(0).locator('.kp-popup-inv-amount').first().textContent();
    expect(amount).toMatch(/^\d{1,3}(\u00a0\d{3})*,\d{2}\u00a0zł$/);
    expect(await page.locator('main').textContent()).toContain('Sprawdź teraz');
    await page.screenshot({ path: screenshotPath('popup'), fullPage: true });
    await page.close();
  });

  it('"Sprawdź teraz" syncs the organisation with KSeF; the state says connected, with the last check', async () => {
    const page = await openPopup();
    const card = page.locator('.kp-popup-profile').nth(0);
    await card.getByRole('button', { name: 'Sprawdź teraz' }).click();
    await expect.poll(() => page.locator('.kp-popup-message').textContent(), { timeout: 30_000 }).toBe('Sprawdzanie rozpoczęte.');
    await expect.poll(() => card.locator('[data-state]').getAttribute('data-state')).toBe('ok');
    await expect.poll(() => card.locator('.kp-popup-state').textContent(), { timeout: 30_000 }).toContain('Połączono z KSeF');
    expect(await card.locator('.kp-popup-times').textContent()).toMatch(/^Ostatnio sprawdzono: \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/);
    await page.screenshot({ path: screenshotPath('popup-synced'), fullPage: true });
    await page.close();
  });

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
      page.getByRole('button', { name: `Otwórz fakturę ${newest.invoiceNumber}` }).click(),
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
