// Issue 7, the inbox in Chromium with 10 000 demo invoices: list, filters, search, paging, mark as booked,
// CSV content, XML download (stored and fetched on demand), the invoice view and its print rendering,
// and the notification-click address. The profile is a simulator profile with the fixture certificate, so
// the worker can download on demand from tests/ksef-sim.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { InvoiceMetadata } from '../../lib/store';
import { demoInvoices, fixtureXml, profileInput, saveFixtureCredentials, seed } from '../inbox/e2e-seed';
import { startSimulator, type Simulator } from '../ksef-sim';
import { launchExtension, screenshotPath, type LaunchedExtension } from './launch';

const NOW = new Date();
const COUNT = 10_000;
/** Waits on what the user sees, long enough for a 10 000-invoice store on a loaded 2-core machine (STYLE rule 28). */
const SLOW = { timeout: 60_000, interval: 200 };
const SHOTS = '/tmp/shots-e';
let ext: LaunchedExtension;
let metadata: InvoiceMetadata[];
let url: string;
let sim: Simulator;
/** An invoice in KSeF whose XML is not stored yet: the page must have the worker download it. */
const LATE = { number: '', xml: fixtureXml('ksef/sample-fa3-invoice-pdfgen.xml') };

beforeAll(async () => {
  mkdirSync(path.dirname(screenshotPath('x')), { recursive: true });
  ext = await launchExtension();
  url = `chrome-extension://${ext.extensionId}/inbox.html`;
  sim = await startSimulator({ port: 0, seed: 'inbox-e2e', rateLimits: false });
  const late = sim.admin.addInvoice({ xml: LATE.xml, permanentStorageDate: new Date(NOW.getTime() - 400 * 86_400_000) }) as unknown as InvoiceMetadata;
  LATE.number = late.ksefNumber;
  const demo = await demoInvoices(COUNT, NOW);
  metadata = demo.metadata;
  const profile = profileInput('fundacja', 'Fundacja Otwarte Drzwi', sim.baseUrl);
  await seed(ext.sw, { profile, metadata, xml: demo.xml });
  await seed(ext.sw, { profile, metadata: [late] });
  await saveFixtureCredentials(ext.sw, 'fundacja');
}, 180_000);

afterAll(async () => {
  await ext?.close();
  await sim?.stop();
});

async function openInbox(search = '', width = 1400): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`${url}${search}`);
  return page;
}

const rows = (page: Page) => page.locator('tbody tr.kp-inbox-row');
/** What the user sees of the list: whether it says it is loading, and how many rows. */
const shown = async (page: Page) => ({
  // While a new filter loads, the previous rows stay on screen, dimmed and aria-busy.
  loading:
    (await page.locator('.kp-muted', { hasText: 'Wczytywanie' }).count()) > 0 ||
    (await page.locator('.kp-inbox-table-wrap[aria-busy="true"]').count()) > 0,
  rows: await rows(page).count(),
});
/**
 * Waits until every row shown satisfies `test` (and there are `count` rows, when given): the answer to the
 * filter just set, not the list it replaces (a text of one or two characters waits for a pause in typing).
 */
const allRows = (page: Page, column: number, test: (text: string) => boolean, count?: number) =>
  expect
    .poll(async () => {
      const texts = await rowTexts(page, column);
      return texts.length > 0 && (count === undefined || texts.length === count) && texts.every(test) && !(await shown(page)).loading;
    }, SLOW)
    .toBe(true);
/** The sample invoices come first in `metadata`; the generated ones follow. */
const FIXTURES_COUNT = 4;
const rowTexts = (page: Page, column: number) => page.locator(`tbody tr.kp-inbox-row td:nth-child(${column})`).allTextContents();
const stateOf = (number: string) =>
  ext.sw.evaluate(async (n) => {
    const dev = (globalThis as unknown as { __ksefPilotDev: { store: typeof import('../../lib/store') } }).__ksefPilotDev;
    return (await dev.store.createStore().getInvoice('fundacja', n))?.state;
  }, number);

describe('inbox with 10 000 invoices', () => {
  it('shows the first page newest first, wide and narrow', async () => {
    const page = await openInbox();
    await expect.poll(() => rows(page).count(), SLOW).toBe(50);
    expect(await page.textContent('h1')).toBe('Faktury z KSeF');
    const dates = await rowTexts(page, 2);
    const iso = dates.map((d) => d.split('.').reverse().join('-'));
    expect([...iso].sort().reverse()).toEqual(iso);
    await page.screenshot({ path: screenshotPath('inbox-wide') });
    await page.setViewportSize({ width: 760, height: 900 });
    await page.screenshot({ path: screenshotPath('inbox-narrow') });
    await page.close();
  });

  it('searches by seller name without Polish marks, by NIP, by invoice number and by KSeF number', async () => {
    const page = await openInbox();
    await expect.poll(() => rows(page).count(), SLOW).toBe(50);
    const search = page.getByRole('searchbox');
    await search.fill('hurtownia papieru swit');
    await allRows(page, 3, (s) => s.includes('Hurtownia Papieru ŚWIT'), 50);

    await search.fill('527-010-33-91');
    await allRows(page, 3, (s) => s.includes('PGNiG'), 50);

    const target = metadata[4321]!;
    await search.fill(target.invoiceNumber);
    await allRows(page, 4, (s) => s === target.invoiceNumber, 1);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'inbox-search-number.png') });

    // Another invoice than the one on screen, so the poll can only pass once this search has answered
    // (review §3.4: the same row left by the previous step passed before the new search was applied).
    const other = metadata[7654]!;
    expect(other.ksefNumber).not.toBe(target.ksefNumber);
    await search.fill(other.ksefNumber.slice(11, 30).toLowerCase());
    await allRows(page, 9, (s) => s === other.ksefNumber, 1);
    await page.close();
  });

  it('finds the oldest and the newest invoice by number, typed key by key: only the last text is answered', async () => {
    const page = await openInbox();
    await expect.poll(() => rows(page).count(), SLOW).toBe(50);
    const search = page.getByRole('searchbox');
    for (const target of [metadata[FIXTURES_COUNT]!, metadata[COUNT - 1]!]) {
      await search.fill('');
      await expect.poll(() => shown(page), SLOW).toMatchObject({ loading: false, rows: 50 });
      // Every key starts a search that the next key makes obsolete; what stays on screen answers the full text.
      await search.pressSequentially(target.invoiceNumber.toLowerCase(), { delay: 40 });
      await expect.poll(() => shown(page), SLOW).toMatchObject({ loading: false, rows: 1 });
      expect(await rowTexts(page, 4)).toEqual([target.invoiceNumber]);
      expect(await rowTexts(page, 9)).toEqual([target.ksefNumber]);
    }
    await page.screenshot({ path: path.join(SHOTS, 'inbox-search-typed.png') });
    await page.close();
  });

  it('filters by seller NIP, state and a custom period, and pages through the result', async () => {
    const page = await openInbox();
    await expect.poll(() => rows(page).count(), SLOW).toBe(50);
    await page.locator('input[name=sellerNip]').fill('5260250995');
    await page.locator('select[name=period]').selectOption('custom');
    const [from, to] = [metadata[3000]!.issueDate, metadata[7000]!.issueDate];
    await page.locator('input[name=from]').fill(from);
    await page.locator('input[name=to]').fill(to);
    await page.locator('select[name=sort]').selectOption('issueDate_asc');
    const expected = metadata
      .filter((m) => m.seller.nip === '5260250995' && m.issueDate >= from && m.issueDate <= to)
      .map((m) => m.invoiceNumber);
    expect(expected.length).toBeGreaterThan(50);
    // Each field applies after a pause in typing: wait for the answer to all four (the expected invoices, oldest
    // first), not to the filter typed so far.
    const wanted = new Set(expected);
    const day = (text: string) => text.trim().split('.').reverse().join('');
    await expect
      .poll(async () => {
        const [numbers, dates] = [await rowTexts(page, 4), (await rowTexts(page, 2)).map(day)];
        return numbers.length === 50 && numbers.every((n) => wanted.has(n)) && dates.every((d, i) => i === 0 || dates[i - 1]! <= d);
      }, SLOW)
      .toBe(true);
    const seen: string[] = [];
    for (;;) {
      await expect.poll(() => page.locator('.kp-muted', { hasText: 'Wczytywanie' }).count(), SLOW).toBe(0);
      seen.push(...(await rowTexts(page, 4)));
      const next = page.getByRole('button', { name: 'Następna strona' });
      if (await next.isDisabled()) break;
      const first = await rowTexts(page, 4);
      await next.click();
      await expect.poll(async () => (await rowTexts(page, 4))[0] !== first[0], SLOW).toBe(true);
    }
    expect(new Set(seen)).toEqual(new Set(expected));
    expect(seen).toHaveLength(expected.length);

    await page.locator('select[name=state]').selectOption('new');
    await allRows(page, 8, (s) => s === 'Nowa');
    await page.close();
  });

  it('marks several invoices as booked; the store follows', async () => {
    const page = await openInbox();
    await expect.poll(() => rows(page).count(), SLOW).toBe(50);
    const numbers = (await rowTexts(page, 9)).slice(0, 3);
    for (let i = 0; i < 3; i++) await rows(page).nth(i).locator('input[type=checkbox]').check();
    expect(await page.textContent('.kp-inbox-selected')).toBe('Zaznaczono 3 faktury');
    await page.getByRole('button', { name: 'Oznacz jako zaksięgowane' }).click();
    await expect.poll(() => rowTexts(page, 8).then((s) => s.slice(0, 3)), SLOW).toEqual(['Zaksięgowana', 'Zaksięgowana', 'Zaksięgowana']);
    for (const n of numbers) expect(await stateOf(n)).toBe('booked');
    await page.locator('select[name=state]').selectOption('booked');
    await allRows(page, 8, (s) => s === 'Zaksięgowana');
    expect(await rowTexts(page, 9)).toEqual(expect.arrayContaining(numbers));
    await page.close();
  });

  it('exports what the filter shows as CSV for Polish Excel', async () => {
    const page = await openInbox();
    await expect.poll(() => rows(page).count(), SLOW).toBe(50);
    await page.getByRole('searchbox').fill('Księgarnia Naukowa');
    await allRows(page, 3, (s) => s.includes('Księgarnia'), 50);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Eksportuj do CSV (Excel)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^faktury-ksef-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('Data wystawienia;Numer faktury;Sprzedawca;NIP sprzedawcy;Netto;VAT (PLN);Brutto;Waluta;Numer KSeF;Data przyjęcia w KSeF;Status');
    const expected = metadata.filter((m) => m.seller.name?.includes('Księgarnia Naukowa'));
    expect(lines).toHaveLength(expected.length + 1);
    const sample = expected[expected.length - 1]!;
    const row = lines.find((l) => l.includes(sample.ksefNumber))!.split(';');
    expect(row.slice(0, 8)).toEqual([
      sample.issueDate, sample.invoiceNumber, sample.seller.name, sample.seller.nip,
      sample.netAmount.toFixed(2).replace('.', ','), sample.vatAmount.toFixed(2).replace('.', ','),
      sample.grossAmount.toFixed(2).replace('.', ','), 'PLN',
    ]);
    await page.close();
  });

  it('opens a notification click on exactly the invoices it names', async () => {
    const a = metadata[10]!;
    const b = metadata[9000]!;
    const page = await openInbox(`?profile=fundacja&ksef=${a.ksefNumber},${b.ksefNumber}`);
    await expect.poll(() => rowTexts(page, 9), SLOW).toEqual([a.ksefNumber, b.ksefNumber]);
    expect(await page.textContent('.kp-inbox-message')).toContain('Faktury z powiadomienia');
    await page.getByRole('button', { name: 'Pokaż wszystkie faktury' }).click();
    await expect.poll(() => rows(page).count(), SLOW).toBe(50);
    await page.close();
  });
});

describe('invoice view', () => {
  it('opens a sample invoice from a notification click, readable, marked seen, with KOD I', async () => {
    const m = metadata[0]!;
    expect(await stateOf(m.ksefNumber)).toBe('new');
    const page = await openInbox(`?profile=fundacja&ksef=${m.ksefNumber}`, 1200);
    await page.locator('article.kp-inv').waitFor();
    const text = (await page.textContent('article.kp-inv'))!;
    for (const expected of [
      'FA/YUCFO-4342344706/03/2026', m.ksefNumber, 'Bartkowiak, Dróżdż and Górecki', 'Strzelczyk LLC', '31.10.2025',
      'Pozycje faktury', 'Podsumowanie według stawek VAT', '33\u00a0569,50\u00a0zł', 'Płatność', 'Płatność mobilna',
    ]) {
      expect(text).toContain(expected);
    }
    const link = await page.locator('.kp-inv-verify a').getAttribute('href');
    expect(link).toMatch(/^https:\/\/qr-test\.ksef\.mf\.gov\.pl\/invoice\/5265877635\/31-10-2025\/[A-Za-z0-9_-]{43}$/);
    expect(await page.locator('.kp-inv-verify svg path').getAttribute('d')).toMatch(/^M\d+ \d+h\d+v1h-\d+z/);
    await expect.poll(() => stateOf(m.ksefNumber), SLOW).toBe('seen');
    await page.screenshot({ path: screenshotPath('invoice-view'), fullPage: true });

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.kp-inbox-detail-bar').isVisible()).toBe(false);
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: screenshotPath('invoice-print'), fullPage: true });
    await page.close();
  });

  it('shows a correction with what it corrects', async () => {
    const m = metadata[1]!;
    const page = await openInbox(`?profile=fundacja&ksef=${m.ksefNumber}`, 1200);
    await page.locator('article.kp-inv').waitFor();
    const correction = (await page.textContent('.kp-inv-correction'))!;
    expect(correction).toContain('Faktury korygowane');
    expect(await page.textContent('.kp-inv-grand')).toContain('Różnica należności');
    await page.screenshot({ path: screenshotPath('invoice-correction'), fullPage: true });
    await page.close();
  });

  it('downloads the stored XML byte for byte', async () => {
    const m = metadata[2]!;
    const page = await openInbox(`?profile=fundacja&ksef=${m.ksefNumber}`);
    await page.locator('article.kp-inv').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Pobierz XML' }).click()]);
    expect(download.suggestedFilename()).toBe(`${m.ksefNumber}.xml`);
    expect(readFileSync((await download.path())!, 'utf8')).toBe(fixtureXml('invoice/fa3-advance.xml'));
    await page.close();
  });

  it('fetches the XML on demand when the background has not yet, then shows and downloads it', async () => {
    const page = await openInbox(`?profile=fundacja&ksef=${LATE.number}`);
    await page.getByText('Treść tej faktury nie została jeszcze pobrana z KSeF.').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Pobierz XML' }).click()]);
    expect(readFileSync((await download.path())!, 'utf8')).toBe(LATE.xml);
    await page.locator('article.kp-inv').waitFor();
    expect(await page.textContent('article.kp-inv h1')).toBe('FA/YUCFO-4342344706/03/2026');
    await page.close();
  });
});
