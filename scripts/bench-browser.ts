// Browser figures for issue 7, written to bench-results/bench-browser.json (never asserted in tests): with
// 10 000 invoices stored, the popup's time to first render with its data and the inbox's time to its first
// page, from navigation start to the pages' own performance marks, medians over fresh loads in Chromium.
// Needs the development build (npx wxt build --mode development) and Debian's Chromium.
import { mkdirSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { launchExtension, type LaunchedExtension } from '../tests/e2e/launch';
import { demoInvoices, profileInput, seed } from '../tests/inbox/e2e-seed';

const INVOICES = 10_000;
const RUNS = 9;
const OUT = 'bench-results/bench-browser.json';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const m = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(m * 10) / 10;
}

/** Milliseconds from navigation start to `mark`, over `runs` fresh loads of `file` (one warm-up load first). */
async function timeToMark(ext: LaunchedExtension, file: string, mark: string, runs: number, viewport: { width: number; height: number }) {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const page = await ext.context.newPage();
    await page.setViewportSize(viewport);
    await page.goto(`chrome-extension://${ext.extensionId}/${file}`);
    const ms = await page.waitForFunction(
      (name) => performance.getEntriesByName(name)[0]?.startTime,
      mark,
      { timeout: 30_000 },
    );
    if (i > 0) times.push(Number(await ms.jsonValue()));
    await page.close();
  }
  return { medianMs: median(times), runs, minMs: Math.round(Math.min(...times) * 10) / 10, maxMs: Math.round(Math.max(...times) * 10) / 10 };
}

export async function runBrowserBench(): Promise<Record<string, unknown>> {
  const ext = await launchExtension();
  try {
    const { metadata } = await demoInvoices(INVOICES, new Date());
    await seed(ext.sw, { profile: profileInput('fundacja', 'Fundacja Otwarte Drzwi'), metadata });
    const results = {
      date: new Date().toISOString(),
      browser: ext.context.browser()?.version() ?? 'chromium',
      note: `Chromium, development build, ${INVOICES} invoices stored; ms from navigation start to the page's performance mark; medians`,
      popup_first_render_10k: await timeToMark(ext, 'popup.html', 'kp-popup-first-render', RUNS, { width: 380, height: 600 }),
      inbox_first_page_10k: await timeToMark(ext, 'inbox.html', 'kp-inbox-first-page', RUNS, { width: 1400, height: 900 }),
    };
    mkdirSync('bench-results', { recursive: true });
    writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
    return results;
  } finally {
    await ext.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await runBrowserBench(), null, 2));
}
