// Issue 16 (findings 6 and 7; review B7, B13, B14, B15): the inbox and the invoice view at 1280, 760 and
// 400 px, light and dark. Numbers never wrap, names wrap only between words, nothing scrolls sideways, the
// header says whose invoices these are and when they were checked, the invoice view walks the list and
// reads cleanly; axe finds nothing in any state shown. Screenshots: /tmp/inbox-shots.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { InvoiceMetadata } from '../../lib/store';
import { demoInvoices, fixtureXml, ksefNumber, metadataOf, profileInput, saveFixtureCredentials, seed } from '../inbox/e2e-seed';
import { startSimulator, type Simulator } from '../ksef-sim';
import { expectNoAxeViolations } from './axe';
import { launchExtension, settled, type LaunchedExtension } from './launch';

const SHOTS = '/tmp/inbox-shots';
const NOW = new Date();
const TODAY = NOW.toISOString().slice(0, 10);
const SLOW = { timeout: 60_000, interval: 200 };
/** A name with long Polish words (review screenshot 47: "odpowiedzialnośc⏎i ą") and a usual invoice number. */
const LONG_NAME = 'Fundacja Przykładowa Odpowiedzialności Społecznej i Przedsiębiorczości „Wspólnota”';
const LONG_NUMBER = 'FV/2026/12/000001';
/** The FA(3) sample template (tests/fixtures/ksef): Rejestry, a bank account described "PLN", Rozliczenie with 0.00 lines. */
const TEMPLATE_NIP = '5213017228';
const TEMPLATE_NUMBER = 'FA/GRQMB-0001/05/2025';
const templateXml = () => fixtureXml('ksef/sample-fa3-template-basic.xml').replace(/#nip#/g, TEMPLATE_NIP).replace(/#invoice_number#/g, '0001');

let ext: LaunchedExtension;
let sim: Simulator;
let url: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ext = await launchExtension();
  url = `chrome-extension://${ext.extensionId}/inbox.html`;
  sim = await startSimulator({ port: 0, seed: 'inbox-layout-e2e', rateLimits: false });
  // One page of invoices (the 10 000-invoice pager is inbox.e2e.ts's): axe reads every row, light and dark.
  const demo = await demoInvoices(12, NOW);
  const stored = new Date(NOW.getTime() - 60_000);
  const special: InvoiceMetadata[] = [
    metadataOf({ ksefNumber: ksefNumber('7792433421', TODAY, 9001), number: LONG_NUMBER, issueDate: TODAY, seller: ['7792433421', LONG_NAME], gross: 3228.08, net: 2624.46, currency: 'PLN', storedAt: stored, hash: 'UtQp9Gpc51y+u3xApZjIjgkpZ01js+J8KflSPW8WzIE=' }),
    metadataOf({ ksefNumber: ksefNumber(TEMPLATE_NIP, TODAY, 9002), number: TEMPLATE_NUMBER, issueDate: TODAY, seller: [TEMPLATE_NIP, 'Elektrownia S.A.'], gross: 53.63, net: 43.6, currency: 'PLN', storedAt: stored, hash: 'UtQp9Gpc51y+u3xApZjIjgkpZ01js+J8KflSPW8WzIE=' }),
  ];
  const profile = profileInput('fundacja', 'Fundacja Otwarte Drzwi', sim.baseUrl);
  // The first sync looks back only to the start of this month: "Sprawdź teraz" ends in seconds.
  profile.preferences.firstSyncFrom = `${TODAY.slice(0, 8)}01`;
  await seed(ext.sw, { profile, metadata: [...demo.metadata, ...special], xml: { ...demo.xml, [special[1]!.ksefNumber]: templateXml() } });
  await saveFixtureCredentials(ext.sw, 'fundacja');
}, 180_000);

afterAll(async () => {
  await ext?.close();
  await sim?.stop();
});

async function openInbox(width: number, colorScheme: 'light' | 'dark' = 'light', hash = ''): Promise<Page> {
  const page = await ext.context.newPage();
  await page.emulateMedia({ colorScheme });
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`${url}${hash}`);
  if (!hash) await expect.poll(() => page.locator('tbody tr.kp-inbox-row').count(), SLOW).toBeGreaterThan(0);
  await settled(page);
  return page;
}

/** Seller names and invoice numbers broken across lines: inside a word (names) or anywhere at all (numbers). */
const brokenTexts = (page: Page) =>
  page.evaluate(() => {
    const broken: string[] = [];
    const lineBreaks = (node: Node) => {
      const text = node.textContent ?? '';
      const range = document.createRange();
      const breaks: number[] = [];
      let top: number | null = null;
      for (let i = 0; i < text.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const at = range.getBoundingClientRect().top;
        if (top !== null && at > top + 2) breaks.push(i);
        top = at;
      }
      return { text, breaks };
    };
    for (const el of document.querySelectorAll('tbody .kp-inbox-seller-name, tbody .kp-inbox-open, tbody .num')) {
      const node = el.firstChild;
      if (!node || node.nodeType !== Node.TEXT_NODE) continue;
      const { text, breaks } = lineBreaks(node);
      const isName = el.classList.contains('kp-inbox-seller-name');
      // A name may break after a space; a number or an amount may not break at all.
      const bad = isName ? breaks.filter((i) => /\p{L}/u.test(text[i - 1] ?? '') && /\p{L}/u.test(text[i] ?? '')) : breaks;
      if (bad.length > 0) broken.push(text);
    }
    return broken;
  });

/** How far the page and the list scroll sideways (0 = not at all). */
const sideways = (page: Page) =>
  page.evaluate(() => {
    const root = document.scrollingElement!;
    const wraps = [...document.querySelectorAll('.kp-inbox-table-wrap')];
    return { page: Math.max(0, root.scrollWidth - root.clientWidth), list: Math.max(0, ...wraps.map((w) => w.scrollWidth - w.clientWidth)) };
  });

/** The first screen as the user sees it (the full list would be thousands of pixels long). */
async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

describe('inbox layout (B7)', () => {
  it.each([
    [1280, 'light'],
    [1280, 'dark'],
    [760, 'light'],
    [760, 'dark'],
    [400, 'light'],
    [400, 'dark'],
  ] as const)('at %i px (%s): numbers and amounts on one line, names broken only between words, no sideways scroll', async (width, scheme) => {
    const page = await openInbox(width, scheme);
    await expect.poll(() => page.locator('.kp-inbox-seller-name', { hasText: 'Wspólnota' }).count(), SLOW).toBe(1);
    await shoot(page, `inbox-${width}-${scheme}`);
    expect(await brokenTexts(page)).toEqual([]);
    expect(await sideways(page)).toEqual({ page: 0, list: 0 });
    await expectNoAxeViolations(page, { label: `inbox ${width} px ${scheme}` });
    await page.close();
  });

  it('shows each invoice as a card under 600 px, and the columns from 1280 px', async () => {
    const narrow = await openInbox(400);
    expect(await narrow.locator('tbody tr.kp-inbox-row').first().evaluate((row) => getComputedStyle(row).display)).toBe('grid');
    await narrow.locator('.kp-inbox-table-wrap').evaluate((wrap) => wrap.scrollIntoView());
    await shoot(narrow, 'inbox-400-cards');
    await narrow.close();
    const wide = await openInbox(1280);
    expect(await wide.locator('tbody tr.kp-inbox-row').first().evaluate((row) => getComputedStyle(row).display)).toBe('table-row');
    await wide.close();
  });
});

describe('inbox information (B13)', () => {
  it('has net and VAT columns from the metadata (VAT in złoty, as KSeF states it)', async () => {
    const page = await openInbox(1280);
    const headers = await page.locator('thead th').allTextContents();
    expect(headers).toEqual(expect.arrayContaining(['Netto', 'VAT', 'Brutto']));
    const row = page.locator('tbody tr.kp-inbox-row', { hasText: LONG_NUMBER });
    expect((await row.locator('td.kp-inbox-net').textContent())?.replace(/\s/g, ' ')).toBe('2 624,46 zł');
    expect((await row.locator('td.kp-inbox-vat').textContent())?.replace(/\s/g, ' ')).toBe('603,62 zł');
    await page.close();
  });

  it('has a header with the organisation, its last check, "Sprawdź teraz", the settings and the language switch', async () => {
    const page = await openInbox(1280);
    const header = page.locator('header.kp-inbox-head');
    await expect.poll(() => header.locator('.kp-inbox-orgs').textContent(), SLOW).toContain('Fundacja Otwarte Drzwi');
    expect(await header.locator('.kp-inbox-orgs').textContent()).toContain('jeszcze nie sprawdzono');
    expect(await header.getByRole('button', { name: 'Ustawienia' }).count()).toBe(1);
    expect(await header.getByRole('group', { name: /Język/ }).getByRole('button').allTextContents()).toEqual(['Polski', 'English']);
    await header.getByRole('button', { name: 'Sprawdź teraz' }).click();
    await expect.poll(() => header.getByRole('status').textContent(), SLOW).toMatch(/^Sprawdzono/);
    await expect.poll(() => header.locator('.kp-inbox-orgs').textContent(), SLOW).toMatch(/sprawdzono dziś \d{1,2}:\d{2}/);
    await shoot(page, 'inbox-header-checked');
    await expectNoAxeViolations(page, { label: 'inbox after Sprawdź teraz' });
    await page.close();
  });

  it('shows "Wyczyść filtry" only with a filter set and no pager for one page; the NIP box has an example', async () => {
    const page = await openInbox(1280);
    const nip = page.locator('input[name="sellerNip"]');
    expect(await nip.getAttribute('placeholder')).toBe('np. 5261040828');
    expect(await page.getByRole('button', { name: 'Wyczyść filtry' }).count()).toBe(0);
    expect(await page.locator('tbody tr.kp-inbox-row').count()).toBe(14);
    expect(await page.locator('nav.kp-inbox-pager').count()).toBe(0); // 14 invoices: one page, no pager
    await nip.fill(TEMPLATE_NIP);
    await expect.poll(() => page.locator('tbody tr.kp-inbox-row').allTextContents().then((rows) => rows.every((r) => r.includes(TEMPLATE_NIP))), SLOW).toBe(true);
    await page.getByRole('button', { name: 'Wyczyść filtry' }).click();
    await expect.poll(() => nip.inputValue()).toBe('');
    expect(await page.getByRole('button', { name: 'Wyczyść filtry' }).count()).toBe(0);
    await page.close();
  });
});

describe('invoice view (B13, B14)', () => {
  const openTemplate = async (scheme: 'light' | 'dark', width = 1280) => {
    const page = await openInbox(width, scheme);
    await page.locator('tbody tr.kp-inbox-row', { hasText: TEMPLATE_NUMBER }).getByRole('button', { name: TEMPLATE_NUMBER }).click();
    await expect.poll(() => page.locator('h1.kp-inv-number').textContent(), SLOW).toBe(TEMPLATE_NUMBER);
    await settled(page);
    return page;
  };

  it.each(['light', 'dark'] as const)('reads cleanly and has no axe violations (%s)', async (scheme) => {
    const page = await openTemplate(scheme);
    const labels = await page.locator('.kp-inv dt').allTextContents();
    // Rejestry: the section's title is not repeated as a label; each number has its own.
    expect(labels).not.toContain('Rejestry');
    expect(labels).toEqual(expect.arrayContaining(['KRS', 'REGON', 'BDO', 'Opis rachunku']));
    expect(labels).not.toContain('');
    // Rozliczenie keeps only what is not zero (the template's Odsetki 0.00 and Nadpłata 0.00 go).
    const settlement = page.locator('section.kp-inv-section', { has: page.getByRole('heading', { name: 'Rozliczenie' }) });
    const settled_ = (await settlement.textContent())?.replace(/\s/g, ' ');
    expect(settled_).not.toMatch(/0,00 zł/);
    expect(settled_).toContain('53,63 zł');
    // "Pozycje faktury" is said once: the table takes its name from the heading.
    expect(await page.getByText('Pozycje faktury', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('table', { name: 'Pozycje faktury' }).count()).toBe(1);
    // The parties sit under the invoice's h1 as h2 (heading-order).
    expect(await page.locator('.kp-inv-party h2').allTextContents()).toEqual(['Sprzedawca', 'Nabywca']);
    await shoot(page, `invoice-view-${scheme}`);
    await expectNoAxeViolations(page, { label: `invoice view ${scheme}` });
    await page.close();
  });

  it('walks to the next and previous invoice of the list', async () => {
    const page = await openInbox(1280);
    const numbers = await page.locator('tbody tr.kp-inbox-row .kp-inbox-open').allTextContents();
    await page.getByRole('button', { name: numbers[0]!, exact: true }).click();
    await expect.poll(() => page.locator('h1').first().textContent(), SLOW).toContain(numbers[0]!);
    const walk = page.getByRole('navigation', { name: 'Poprzednia i następna faktura' });
    expect(await walk.getByRole('button', { name: /Poprzednia/ }).isDisabled()).toBe(true);
    expect(await walk.textContent()).toContain(`1 z ${numbers.length}`);
    await walk.getByRole('button', { name: /Następna/ }).click();
    await expect.poll(() => page.locator('h1').first().textContent(), SLOW).toContain(numbers[1]!);
    await walk.getByRole('button', { name: /Poprzednia/ }).click();
    await expect.poll(() => page.locator('h1').first().textContent(), SLOW).toContain(numbers[0]!);
    await page.close();
  });

  it('fits 400 px in the dark theme', async () => {
    const page = await openTemplate('dark', 400);
    expect(await sideways(page)).toMatchObject({ page: 0 });
    // The invoice number stays on one line here too.
    const number = page.locator('h1.kp-inv-number');
    expect(await number.evaluate((h1) => h1.getClientRects().length === 1 && h1.getBoundingClientRect().height < 2 * parseFloat(getComputedStyle(h1).lineHeight))).toBe(true);
    await shoot(page, 'invoice-view-400-dark');
    await expectNoAxeViolations(page, { label: 'invoice view 400 px dark' });
    await page.close();
  });
});

describe('send view (B15)', () => {
  it.each(['light', 'dark'] as const)('follows the theme (%s)', async (scheme) => {
    const page = await openInbox(1280, scheme, '#send');
    await expect.poll(() => page.locator('.kp-send, [class^="kp-send"]').count(), SLOW).toBeGreaterThan(0);
    await settled(page);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe(scheme === 'dark' ? 'rgb(18, 22, 28)' : 'rgb(245, 247, 250)');
    await shoot(page, `send-${scheme}`);
    await expectNoAxeViolations(page, { label: `send view ${scheme}` });
    await page.close();
  });
});
