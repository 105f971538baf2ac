// The pages at 1 000, 10 000 and 50 000 stored invoices (issue 15), release build in Chromium →
// bench-results/pages.json (never asserted in tests). One seeded browser profile grows from size to size
// (the newest invoices first, older ones added for the next size), so every figure of a size reads the same
// store. Each figure: min / median / max over RUNS runs after one warm-up, the load average around it, and
// where there is one, a plain baseline measured in the same run, alternating with it, the ratio pair by pair.
//  - popup first render: navigation start → the popup's mark kp-popup-first-render; baseline: a blank
//    extension page of the same build to its first frame (what any extension page costs);
//  - inbox first page: navigation start → kp-inbox-first-page; baseline: a bare IndexedDB read of exactly the
//    records the page showed (scripts/bench/page-lib.ts bareRead), in an extension page;
//  - search (invoice number, KSeF number, NIP, a seller-name word; the invoice number typed key by key too):
//    from the input event (the last key's) to the expected rows on screen AND the page's kp-inbox-first-page
//    mark after it, whichever comes later (so an older answer still on screen never counts); baseline: bareRead
//    of the rows shown.
// A search that does not show the expected rows within SEARCH_TIMEOUT_MS is recorded as not found (main at
// 758a5d5: an invoice older than the newest 20 000 is never found), and its remaining runs are skipped.
// BENCH_SIZES=1000,10000 measures some sizes only; pages.json keeps the sizes it does not measure.
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { demoInvoices, profileInput } from '../tests/inbox/e2e-seed';
import type { InvoiceMetadata } from '../lib/store/invoice-record';
import { BLANK_MARK, launch, releaseCopy, type Launched } from './bench/chromium';
import { load, log, measureRuns, pairRatio, RESULTS_DIR, RUNS, stats, writeResult } from './bench/stats';

const ALL_SIZES = [1_000, 10_000, 50_000];
const SIZES = (process.env.BENCH_SIZES ?? ALL_SIZES.join(',')).split(',').map(Number).filter((n) => ALL_SIZES.includes(n)).sort((a, b) => a - b);
const MAX = 50_000;
const PROFILE = 'bench';
const OUT = 'pages.json';
const SEARCH_TIMEOUT_MS = 15_000;
const TYPING_GAP_MS = 120;
// The inbox's rows: table rows or ARIA rows; each row's KSeF number from data-ksef or from its text.
const ROWS = 'tbody tr, [role="row"]';
const KSEF_RE = '\\d{10}-\\d{8}-[0-9A-F]{12}-[0-9A-F]{2}'; // cells run together in textContent: no \b
// The release worker must not reach anything: the bench profile is on KSeF TEST with automatic sync off.
const NO_NETWORK = '--host-resolver-rules=MAP * ~NOTFOUND';

/** tsx (esbuild keepNames) wraps functions passed to evaluate in __name; pages of the extension lack it. */
const PRIME = 'globalThis.__name ??= (f) => f';

async function seed(ext: Launched, metadata: InvoiceMetadata[]): Promise<void> {
  for (let i = 0; i < metadata.length; i += 5000) {
    await ext.page.evaluate(
      async ({ id, batch }) => {
        const lib = await import('/bench-lib.js' as string);
        const store = lib.createStore();
        await store.putNewInvoices(id, 'Subject2', batch);
        store.close();
      },
      { id: PROFILE, batch: metadata.slice(i, i + 5000) },
    );
  }
}

async function saveProfile(ext: Launched): Promise<void> {
  const input = profileInput(PROFILE, 'Biuro Rachunkowe Bench');
  input.preferences.autoSync = false;
  await ext.page.evaluate(async (profile) => {
    const lib = await import('/bench-lib.js' as string);
    const store = lib.createStore();
    await store.saveProfile(profile);
    store.close();
  }, input);
}

/** ms from navigation start to `mark` in a fresh tab of `file`; the tab is closed after. */
async function loadToMark(ext: Launched, file: string, mark: string, viewport: { width: number; height: number }, after?: (page: Page) => Promise<void>): Promise<number> {
  const page = await ext.context.newPage();
  try {
    await page.setViewportSize(viewport);
    await page.goto(ext.url(file));
    const handle = await page.waitForFunction((name) => performance.getEntriesByName(name)[0]?.startTime, mark, { timeout: 60_000 });
    const ms = Number(await handle.jsonValue());
    await after?.(page);
    return ms;
  } finally {
    await page.close();
  }
}

/** The KSeF numbers of the rows a page shows (whatever the table's layout: the number is in the row's text). */
function shownRows(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ re, rowSel }) => [...document.querySelectorAll<HTMLElement>(rowSel)].map((tr) => tr.dataset.ksef ?? (tr.textContent ?? '').match(new RegExp(re))?.[0]).filter((n): n is string => !!n),
    { re: KSEF_RE, rowSel: ROWS },
  );
}

async function bareRead(ext: Launched, ksefNumbers: string[]): Promise<number> {
  const r = await ext.page.evaluate(async ({ id, keys }) => (await import('/bench-lib.js' as string)).bareRead(id, keys), { id: PROFILE, keys: ksefNumbers });
  if (r.read !== ksefNumbers.length) throw new Error(`bench-pages: the baseline read ${r.read} of ${ksefNumbers.length} records`);
  return r.ms;
}

type Expect = { exact?: string[]; prefix?: string };

/**
 * In the inbox tab: types `text` (one input event, or key by key `gapMs` apart) and resolves when the rows match
 * `expect` and the page has marked kp-inbox-first-page after the (last) input event. ms from that event; null when
 * not shown within the timeout (with the rows seen then).
 */
async function search(page: Page, text: string, expect: Expect, keyByKey = false): Promise<{ ms: number | null; rows: string[]; markMissing: boolean }> {
  return page.evaluate(
    async ({ text, expect, keyByKey, gapMs, timeoutMs, re, rowSel }) => {
      const input = document.querySelector<HTMLInputElement>('input[name=search], input[type=search]');
      if (!input) throw new Error('bench-pages: no search box in the inbox');
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      const type = (value: string) => {
        setValue.call(input, value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        return performance.now();
      };
      const rows = () => [...document.querySelectorAll<HTMLElement>(rowSel)].map((tr) => tr.dataset.ksef ?? (tr.textContent ?? '').match(new RegExp(re))?.[0]).filter((n): n is string => !!n);
      const ok = (shown: string[]) =>
        expect.exact
          ? shown.length === expect.exact.length && shown.every((n, i) => n === expect.exact![i])
          : shown.length > 0 && shown.every((n) => n.startsWith(expect.prefix!));
      let t0 = 0;
      if (keyByKey) {
        for (let i = 1; i < text.length; i++) {
          type(text.slice(0, i));
          await new Promise((r) => setTimeout(r, gapMs));
        }
      }
      t0 = type(text);
      return new Promise<{ ms: number | null; rows: string[]; markMissing: boolean }>((resolve) => {
        let correctAt: number | null = null;
        let done = false;
        const finish = (ms: number | null, markMissing: boolean) => {
          if (done) return;
          done = true;
          observer.disconnect();
          resolve({ ms, rows: rows(), markMissing });
        };
        const check = () => {
          if (done) return;
          const now = performance.now();
          const shown = rows();
          if (!ok(shown)) correctAt = null;
          else correctAt ??= now;
          const mark = performance.getEntriesByName('kp-inbox-first-page').find((e) => e.startTime >= t0);
          // Rows already right before this answer (an earlier key's answer, kept on screen while the last one
          // runs) count from the answer's mark: the figure is the last key's answer, never 0.
          if (correctAt !== null && mark) return finish(Math.max(correctAt, mark.startTime) - t0, false);
          // The rows are right but the page never marks: take the rows' time, flagged.
          if (correctAt !== null && now - correctAt > 3000) return finish(correctAt - t0, true);
          if (now - t0 > timeoutMs) return finish(null, false);
          requestAnimationFrame(check);
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        check();
      });
    },
    { text, expect, keyByKey, gapMs: TYPING_GAP_MS, timeoutMs: SEARCH_TIMEOUT_MS, re: KSEF_RE, rowSel: ROWS },
  );
}

/** Back to the unfiltered list: rows from more than one seller. */
async function clearSearch(page: Page): Promise<void> {
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('input[name=search], input[type=search]')!;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, '');
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForFunction(
    ({ re, rowSel }) => new Set([...document.querySelectorAll<HTMLElement>(rowSel)].map((tr) => (tr.dataset.ksef ?? (tr.textContent ?? '').match(new RegExp(re))?.[0])?.slice(0, 10)).filter(Boolean)).size > 1,
    { re: KSEF_RE, rowSel: ROWS },
    { timeout: 60_000 },
  );
}

async function measureSize(ext: Launched, metadata: InvoiceMetadata[], count: number): Promise<Record<string, unknown>> {
  const present = metadata.slice(MAX - count);
  const out: Record<string, unknown> = {};

  // Popup first render, against a blank extension page.
  {
    const popup: number[] = [];
    const blank: number[] = [];
    const m = await measureRuns(async (i) => {
      const a = await loadToMark(ext, 'popup.html', 'kp-popup-first-render', { width: 380, height: 600 });
      const b = await loadToMark(ext, 'bench.html', BLANK_MARK, { width: 380, height: 600 });
      if (i >= 0) {
        popup.push(a);
        blank.push(b);
      }
      return a;
    });
    out.popupFirstRender = { ms: stats(popup), baselineBlankPageMs: stats(blank), ratioToBaseline: pairRatio(popup, blank), loadBefore: m.loadBefore, loadAfter: m.loadAfter };
    log(`${count}: popup ${JSON.stringify(stats(popup))}`);
  }

  // Inbox first page, against a bare read of the rows it showed.
  {
    const inbox: number[] = [];
    const bare: number[] = [];
    let rowsShown = 0;
    const m = await measureRuns(async (i) => {
      let rows: string[] = [];
      const a = await loadToMark(ext, 'inbox.html', 'kp-inbox-first-page', { width: 1400, height: 900 }, async (page) => {
        rows = await shownRows(page);
      });
      if (rows.length === 0) throw new Error('bench-pages: the inbox showed no rows');
      const b = await bareRead(ext, rows);
      rowsShown = rows.length;
      if (i >= 0) {
        inbox.push(a);
        bare.push(b);
      }
      return a;
    });
    out.inboxFirstPage = { ms: stats(inbox), rowsShown, baselineBareReadMs: stats(bare), ratioToBaseline: pairRatio(inbox, bare), loadBefore: m.loadBefore, loadAfter: m.loadAfter };
    log(`${count}: inbox ${JSON.stringify(stats(inbox))}`);
  }

  // Search, in one inbox tab.
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(ext.url('inbox.html'));
  await page.evaluate(PRIME);
  await page.waitForFunction(() => performance.getEntriesByName('kp-inbox-first-page').length > 0, undefined, { timeout: 60_000 });
  const target = present[Math.floor(count * 0.37)]!; // older than the newest 20 000 at 50 000
  const other = present[Math.floor(count * 0.81)]!;
  const cases: Record<string, { text: string; expect: Expect; keyByKey?: boolean; goalMs: number }> = {
    invoiceNumber: { text: target.invoiceNumber, expect: { exact: [target.ksefNumber] }, goalMs: 100 },
    ksefNumber: { text: other.ksefNumber, expect: { exact: [other.ksefNumber] }, goalMs: 100 },
    nip: { text: '5270103391', expect: { prefix: '5270103391-' }, goalMs: 100 },
    sellerNameWord: { text: 'orange', expect: { prefix: '5260250995-' }, goalMs: 150 },
    invoiceNumberTyped: { text: target.invoiceNumber, expect: { exact: [target.ksefNumber] }, keyByKey: true, goalMs: 100 },
  };
  const searches: Record<string, unknown> = {};
  for (const [name, c] of Object.entries(cases)) {
    const times: number[] = [];
    const bare: number[] = [];
    let notFound: { rowsShown: number } | null = null;
    let markMissing = false;
    const loadBefore = load();
    for (let i = -1; i < RUNS; i++) {
      const r = await search(page, c.text, c.expect, c.keyByKey);
      if (r.ms === null) {
        notFound = { rowsShown: r.rows.length };
        await clearSearch(page);
        break;
      }
      markMissing ||= r.markMissing;
      const b = await bareRead(ext, r.rows);
      await clearSearch(page);
      if (i < 0) continue;
      times.push(r.ms);
      bare.push(b);
    }
    searches[name] = notFound
      ? { text: c.text, keyByKey: !!c.keyByKey, notFound: true, timeoutMs: SEARCH_TIMEOUT_MS, ...notFound, loadBefore, loadAfter: load() }
      : {
          text: c.text, keyByKey: !!c.keyByKey, ms: stats(times), baselineBareReadMs: stats(bare), ratioToBaseline: pairRatio(times, bare),
          ...(markMissing ? { markMissing: true } : {}), loadBefore, loadAfter: load(),
        };
    log(`${count}: search ${name} ${notFound ? 'NOT FOUND' : JSON.stringify(stats(times))}`);
  }
  await page.close();
  out.search = searches;
  return out;
}

export async function runPagesBench(): Promise<Record<string, unknown>> {
  const copy = await releaseCopy();
  const ext = await launch(copy.dir, { args: [NO_NETWORK] });
  await ext.context.addInitScript(PRIME);
  await ext.page.evaluate(PRIME);
  const previous = existsSync(`${RESULTS_DIR}/${OUT}`) ? JSON.parse(readFileSync(`${RESULTS_DIR}/${OUT}`, 'utf8')) : {};
  const results: Record<string, unknown> = {
    ...previous,
    date: new Date().toISOString(),
    browser: ext.context.browser()?.version() ?? 'chromium',
    build: 'release (wxt build), a copy with the bench page added',
    note:
      'ms, min / median / max over the runs after one warm-up; baselines measured in the same run, alternating, ratio ' +
      'pair by pair. Search: from the (last) input event to the expected rows on screen with the page\'s ' +
      `kp-inbox-first-page mark after it; key by key = ${TYPING_GAP_MS} ms between keys, timed from the last key.`,
  };
  try {
    const { metadata } = await demoInvoices(MAX, new Date());
    await saveProfile(ext);
    let seeded = 0;
    for (const count of SIZES) {
      // Newest first: the size's invoices are the newest `count`; the next size adds older ones.
      const t0 = performance.now();
      await seed(ext, metadata.slice(MAX - count, MAX - seeded));
      const seedMs = Math.round(performance.now() - t0);
      log(`${count}: seeded ${count - seeded} in ${seedMs} ms`);
      seeded = count;
      results[`invoices_${count}`] = { date: new Date().toISOString(), seededNowMs: seedMs, ...(await measureSize(ext, metadata, count)) };
      writeResult(OUT, results);
    }
    return results;
  } finally {
    await ext.close();
    copy.remove();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runPagesBench();
  console.log(`${RESULTS_DIR}/${OUT}`);
}
