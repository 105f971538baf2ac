// RELIABILITY.md G12 in Chromium: hundreds of hostile strings (markup, scripts, bidi controls, 100 kB text)
// in every field of stored invoices, shown by the inbox list, the invoice view and the popup, with no
// element injected, no securitypolicyviolation event and no console error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { InvoiceMetadata } from '../../lib/store';
import { hostileStrings, LONG_THRESHOLD, xmlEscape } from '../invoice/hostile-strings';
import { ksefNumber, metadataOf, profileInput, seed } from '../inbox/e2e-seed';
import { launchExtension, screenshotPath, type LaunchedExtension } from './launch';

const TEMPLATE = readFileSync(path.resolve('tests/fixtures/invoice/fa3-all-text.xml'), 'utf8');
const MARKER = /@@(TEXT|MULTI)@@/g;
const MARKERS = [...TEMPLATE.matchAll(MARKER)].length;
const ALL = hostileStrings();
const SHORT = ALL.filter((s) => s.length <= LONG_THRESHOLD);
const LONG = ALL.filter((s) => s.length > LONG_THRESHOLD);
/** Enough invoices that every short string lands in some field of the XML at least once. */
const XML_INVOICES = Math.ceil(SHORT.length / MARKERS);
/** Tags the pages themselves use; anything else in #root was injected. */
const OURS = new Set([
  'MAIN', 'DIV', 'H1', 'H2', 'H3', 'P', 'SPAN', 'STRONG', 'BUTTON', 'FORM', 'LABEL', 'INPUT', 'SELECT', 'OPTION', 'TABLE',
  'THEAD', 'TBODY', 'TR', 'TH', 'TD', 'CAPTION', 'NAV', 'DL', 'DT', 'DD', 'SECTION', 'HEADER', 'FOOTER', 'ARTICLE', 'UL', 'LI', 'A',
  'svg', 'rect', 'path', 'BR',
]);

function fill(pick: (k: number) => string): string {
  let k = 0;
  return TEMPLATE.replace(MARKER, () => xmlEscape(pick(k++)));
}

/** Waits on what the user sees, long enough for a loaded 2-core machine (STYLE rule 28). */
const SLOW = { timeout: 60_000, interval: 200 };

let ext: LaunchedExtension;
const metadata: InvoiceMetadata[] = [];
const xml: Record<string, string> = {};
let plainNumber: string;
const problems: string[] = [];

beforeAll(async () => {
  mkdirSync(path.dirname(screenshotPath('x')), { recursive: true });
  ext = await launchExtension();
  const now = Date.now();
  const add = (i: number, text: string, seller: string | null, number: string) => {
    const n = ksefNumber('5213017228', '2026-02-01', i + 1);
    metadata.push(metadataOf({ ksefNumber: n, number, issueDate: '2026-02-01', seller: ['5213017228', seller], gross: -113, net: -100, currency: 'PLN', storedAt: new Date(now - i * 60_000), hash: 'UtQp9Gpc51y+u3xApZjIjgkpZ01js+J8KflSPW8WzIE=' }));
    xml[n] = text;
    return n;
  };
  plainNumber = add(0, fill(() => 'zwykły tekst'), 'Hurtownia Papieru ŚWIT', 'FV/1/2026');
  for (let j = 0; j < XML_INVOICES; j++) {
    add(1 + j, fill((k) => SHORT[(j * MARKERS + k) % SHORT.length]!), SHORT[j % SHORT.length]!, SHORT[(j + 7) % SHORT.length]!.slice(0, 256));
  }
  LONG.forEach((s, i) => add(1 + XML_INVOICES + i, fill((k) => (k < 8 ? s : 'zwykły tekst')), s, s.slice(0, 256)));
  // Metadata only (what the list and the popup show): every short string as a seller name and a number.
  const listed = SHORT.map((s, i) => {
    const n = ksefNumber('7740001454', '2026-01-15', 5000 + i);
    return metadataOf({ ksefNumber: n, number: SHORT[(i + 3) % SHORT.length]!.slice(0, 256), issueDate: '2026-01-15', seller: ['7740001454', s], gross: 1, net: 1, currency: 'PLN', storedAt: new Date(now - (1000 + i) * 60_000), hash: 'x' });
  });
  await seed(ext.sw, { profile: profileInput('wrogi', 'Fundacja <b>Test</b> \u202Eevil'), metadata: [...metadata, ...listed], xml });
}, 180_000);

afterAll(async () => {
  await ext?.close();
});

async function watchedPage(file: string, search = ''): Promise<Page> {
  const page = await ext.context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    // Every violation counts, also zod's own `Function('')` probe (pages load public/zod-jitless.js first).
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text().slice(0, 200)}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message.slice(0, 200)}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(`chrome-extension://${ext.extensionId}/`)) problems.push(`request: ${r.url().slice(0, 200)}`);
  });
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(`chrome-extension://${ext.extensionId}/${file}${search}`);
  return page;
}

/** Elements that are not the page's own, `on…` attributes, foreign links, and CSP reports. */
async function injected(page: Page): Promise<{ foreign: string[]; handlers: number; links: string[]; csp: string[]; count: number }> {
  return page.evaluate(([ours, tabs]) => {
    const all = [...document.getElementById('root')!.querySelectorAll('*')];
    return {
      foreign: [...new Set(all.map((e) => e.tagName).filter((tag) => !ours.includes(tag)))],
      handlers: all.filter((e) => [...e.attributes].some((a) => a.name.toLowerCase().startsWith('on'))).length,
      // The KOD I link is made by the app from the KSeF number; the two tab links (components/send/SendTabs.tsx)
      // are the app's own only with exactly their href and only inside the tab bar; so is "Nie masz jeszcze
      // certyfikatu?" (components/ap-helper/NoCertificateLink.tsx) with the Aplikacja Podatnika address of its
      // environment. Any other link is reported.
      links: all
        .filter((e) => e.tagName === 'A' && !(e.parentElement?.matches('nav.kp-send-tabs') && tabs.includes(e.getAttribute('href') ?? '')))
        .filter((e) => !(e.parentElement?.matches('p.kp-no-certificate') && /^https:\/\/ap(-test|-demo)?\.ksef\.mf\.gov\.pl\/(web\/)?$/.test(e.getAttribute('href') ?? '')))
        .map((a) => a.getAttribute('href') ?? '')
        .filter((h) => !h.startsWith('https://qr-test.ksef.mf.gov.pl/')),
      csp: (window as unknown as { __csp: string[] }).__csp,
      count: all.length,
    };
  }, [[...OURS], ['#received', '#send']] as [string[], string[]]);
}

describe('hostile content', () => {
  it(`uses hundreds of hostile strings (${ALL.length}), some over 20 000 characters`, () => {
    expect(SHORT.length).toBeGreaterThanOrEqual(500);
    expect(LONG.length).toBeGreaterThanOrEqual(5);
  });

  it('the inbox list shows every hostile seller name and number as text, page after page', async () => {
    const page = await watchedPage('inbox.html');
    await page.locator('tbody tr').first().waitFor();
    let pages = 0;
    for (;;) {
      await expect.poll(() => page.locator('.kp-muted', { hasText: 'Wczytywanie' }).count(), SLOW).toBe(0);
      const found = await injected(page);
      expect({ ...found, count: 0 }).toEqual({ foreign: [], handlers: 0, links: [], csp: [], count: 0 });
      expect(await page.locator('form').count()).toBe(1);
      pages++;
      if (pages === 1) await page.screenshot({ path: screenshotPath('inbox-hostile') });
      const next = page.getByRole('button', { name: 'Następna strona' });
      if (await next.isDisabled()) break;
      const first = await page.locator('tbody tr.kp-inbox-row').first().textContent();
      await next.click();
      // The next page is on screen (not the one it replaces) before it is checked and counted.
      await expect.poll(() => page.locator('tbody tr.kp-inbox-row').first().textContent(), SLOW).not.toBe(first);
    }
    expect(pages).toBe(Math.ceil((metadata.length + SHORT.length) / 50));
    await page.close();
  });

  it('the search box takes hostile text as words: it finds what the index holds and injects nothing', async () => {
    const page = await watchedPage('inbox.html');
    await page.locator('tbody tr').first().waitFor();
    const search = page.getByRole('searchbox');
    for (const text of SHORT.filter((s) => /[<>"'&\u202e]/.test(s)).slice(0, 12)) {
      await search.fill(text);
      await expect.poll(() => page.locator('.kp-muted', { hasText: 'Wczytywanie' }).count(), SLOW).toBe(0);
      const found = await injected(page);
      expect({ text, ...found, count: 0 }).toEqual({ text, foreign: [], handlers: 0, links: [], csp: [], count: 0 });
    }
    await search.fill('Hurtownia ŚWIT');
    await expect.poll(() => page.locator('tbody tr.kp-inbox-row').count(), SLOW).toBe(1);
    expect(await page.locator('tbody tr.kp-inbox-row td:nth-child(9)').allTextContents()).toEqual([plainNumber]);
    await page.close();
  });

  it('the invoice view renders every XML field of every hostile invoice as text', async () => {
    const plain = await watchedPage('inbox.html', `?profile=wrogi&ksef=${plainNumber}`);
    await plain.locator('article.kp-inv').waitFor();
    const baseline = await injected(plain);
    expect(baseline.foreign).toEqual([]);
    await plain.close();
    let rendered = 0;
    for (const [i, m] of metadata.slice(1).entries()) {
      const page = await watchedPage('inbox.html', `?profile=wrogi&ksef=${m.ksefNumber}`);
      await page.locator('article.kp-inv, .kp-alert--error').first().waitFor();
      if (await page.locator('article.kp-inv').count()) rendered++;
      const found = await injected(page);
      expect({ invoice: i, ...found, count: 0 }).toEqual({ invoice: i, foreign: [], handlers: 0, links: [], csp: [], count: 0 });
      // Hostile text may empty a field (it is then not shown) but never adds an element.
      expect(found.count, `invoice ${i}`).toBeLessThanOrEqual(baseline.count);
      if (i === 0) await page.screenshot({ path: screenshotPath('invoice-hostile'), fullPage: true });
      await page.close();
    }
    // Every invoice with short strings is shown as an invoice (none falls back to an error).
    expect(rendered).toBeGreaterThanOrEqual(XML_INVOICES);
  });

  it('the popup shows hostile newest invoices as text', async () => {
    const page = await watchedPage('popup.html');
    await page.setViewportSize({ width: 380, height: 600 });
    await page.locator('.kp-popup-inv').first().waitFor();
    const found = await injected(page);
    expect({ ...found, count: 0 }).toEqual({ foreign: [], handlers: 0, links: [], csp: [], count: 0 });
    await page.screenshot({ path: screenshotPath('popup-hostile') });
    await page.close();
  });

  it('raised no console error, page error or outside request anywhere', () => {
    expect(problems).toEqual([]);
  });
});
