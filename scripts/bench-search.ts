// Search latency in the inbox (issue 10 item 5, issue 15), written to bench-results/bench-search.json (never
// asserted in tests): an invoice number, a KSeF number, a seller NIP and a seller-name word, typed into the
// release build's inbox with 10 000 and 50 000 invoices stored; min / median / max over RUNS searches.
//
// The release build has no test hooks, so the store is filled through the development build's service
// worker (the real putNewInvoices) from one folder, which then receives the release build: an unpacked
// extension's id follows its folder, so the release build opens the same IndexedDB. Needs both builds
// (npx wxt build --mode development; npx wxt build) and Debian's Chromium.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM } from '../tests/e2e/launch';
import { demoInvoices, profileInput, seed } from '../tests/inbox/e2e-seed';

const SIZES = [10_000, 50_000];
const RUNS = 9;
const OUT = 'bench-results/bench-search.json';
// Copies of the builds may be given, so the shared .output folder is free while the bench runs.
const DEV_BUILD = path.resolve(process.env.BENCH_DEV_BUILD ?? '.output/chrome-mv3-dev');
const RELEASE_BUILD = path.resolve(process.env.BENCH_RELEASE_BUILD ?? '.output/chrome-mv3');
const FLAGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

async function launch(extensionDir: string, userDataDir: string): Promise<{ context: BrowserContext; extensionId: string }> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...FLAGS],
  });
  context.setDefaultTimeout(120_000);
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 60_000 }));
  return { context, extensionId: new URL(sw.url()).host };
}

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const round = (n: number) => Math.round(n * 10) / 10;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { minMs: round(sorted[0]!), medianMs: round(median), maxMs: round(sorted[sorted.length - 1]!), runs: values.length };
}

/** Types `text` into the search box in one input event; resolves with the page's own timings once shown. */
async function searchOnce(page: Page, text: string, expectRows: (rows: string[]) => boolean) {
  const t0 = await page.evaluate((value) => {
    performance.clearMeasures('kp-inbox-query');
    const input = document.querySelector<HTMLInputElement>('input[name=search]')!;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
    const start = performance.now();
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return start;
  }, text);
  await page.waitForFunction(
    (start) => {
      const loading = document.querySelector('.kp-inbox-head .kp-muted')?.textContent !== '';
      const shown = performance.getEntriesByName('kp-inbox-first-page').some((e) => e.startTime > start);
      return !loading && shown;
    },
    t0,
    { polling: 'raf' },
  );
  const rows = await page.locator('tbody tr.kp-inbox-row td:nth-child(7)').allTextContents();
  if (!expectRows(rows)) throw new Error(`bench-search: "${text}" showed ${rows.length} unexpected rows`);
  return page.evaluate((start) => {
    const shown = performance.getEntriesByName('kp-inbox-first-page').filter((e) => e.startTime > start).pop()!;
    const query = performance.getEntriesByName('kp-inbox-query').filter((e) => e.startTime >= start).pop()!;
    return { typedToShownMs: shown.startTime - start, storeMs: query.duration };
  }, t0);
}

async function measureSize(count: number): Promise<Record<string, unknown>> {
  const folder = mkdtempSync(path.join(tmpdir(), 'ksef-pilot-bench-ext-'));
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'ksef-pilot-bench-'));
  try {
    cpSync(DEV_BUILD, folder, { recursive: true });
    const dev = await launch(folder, userDataDir);
    const { metadata } = await demoInvoices(count, new Date());
    const profile = profileInput('fundacja', 'Fundacja Otwarte Drzwi');
    profile.preferences.autoSync = false;
    const seedStarted = performance.now();
    await seed(dev.context.serviceWorkers()[0]!, { profile, metadata });
    const seedMs = performance.now() - seedStarted;
    await dev.context.close();

    rmSync(folder, { recursive: true, force: true });
    cpSync(RELEASE_BUILD, folder, { recursive: true });
    const release = await launch(folder, userDataDir);
    if (release.extensionId !== dev.extensionId) throw new Error('bench-search: the release build got another extension id');
    const page = await release.context.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(`chrome-extension://${release.extensionId}/inbox.html`);
    await page.locator('tbody tr.kp-inbox-row').nth(49).waitFor();

    const target = metadata[Math.floor(count * 0.37)]!;
    const other = metadata[Math.floor(count * 0.81)]!;
    const cases = {
      invoice_number: { text: target.invoiceNumber, ok: (rows: string[]) => rows.length === 1 && rows[0] === target.ksefNumber },
      ksef_number: { text: other.ksefNumber, ok: (rows: string[]) => rows.length === 1 && rows[0] === other.ksefNumber },
      seller_nip: { text: '527-010-33-91', ok: (rows: string[]) => rows.length === 50 && rows.every((n) => n.startsWith('5270103391-')) },
      seller_name_word: { text: 'orange', ok: (rows: string[]) => rows.length === 50 && rows.every((n) => n.startsWith('5260250995-')) },
    };
    const figures: Record<string, unknown> = { seedMs: Math.round(seedMs) };
    for (const [name, { text, ok }] of Object.entries(cases)) {
      const typed: number[] = [];
      const store: number[] = [];
      for (let i = 0; i <= RUNS; i++) {
        const { typedToShownMs, storeMs } = await searchOnce(page, text, ok);
        await searchOnce(page, '', (rows) => rows.length === 50);
        if (i === 0) continue; // warm-up
        typed.push(typedToShownMs);
        store.push(storeMs);
      }
      figures[name] = { text, store: stats(store), typedToShown: stats(typed) };
    }
    await release.context.close();
    return figures;
  } finally {
    rmSync(folder, { recursive: true, force: true });
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

export async function runSearchBench(): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    note:
      'Chromium, release build; inbox search typed as one input event. store = the store call that answers the page ' +
      '(performance measure kp-inbox-query); typedToShown = from the input event to the rows on screen, including the ' +
      "page's 250 ms typing pause. ms, min / median / max over the runs after one warm-up.",
    loadAverageBefore: loadavg().map((n) => Math.round(n * 100) / 100),
  };
  for (const count of SIZES) results[`invoices_${count}`] = await measureSize(count);
  results.loadAverageAfter = loadavg().map((n) => Math.round(n * 100) / 100);
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await runSearchBench(), null, 2));
}
