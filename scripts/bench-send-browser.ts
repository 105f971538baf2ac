// The local send check plus the encryption of a 1 MB FA(3) invoice in Chromium (issue 12, "Tests and figures":
// ≤ 300 ms median), and the XSD engine's size and where it loads → bench-results/bench-send-browser.json (never
// asserted in tests).
//
// The release build is copied to a temporary folder and opened at inbox.html, the page the send view runs in.
// There the page imports the build's own check chunk (chunks/check-*.js, which the send view loads; it exports
// checkInvoiceFile by name) and, for the encryption, lib/send/engine/crypto.ts bundled by esbuild into the copy
// (the release build carries that code in background.js only, without exports). Needs the release build
// (npx wxt build) and Debian's Chromium.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../tests/e2e/launch';
import { createSimKeys } from '../tests/ksef-sim/keys';

const RUNS = 15;
const OUT = 'bench-results/bench-send-browser.json';
const RELEASE_BUILD = path.resolve(process.env.BENCH_RELEASE_BUILD ?? '.output/chrome-mv3');
const FLAGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** A schema-valid invoice just under 1 MB: tests/fixtures/send/fa3-valid.xml with its line item repeated. */
export function benchInvoice(): { bytes: Uint8Array; lineItems: number } {
  const fixture = readFileSync('tests/fixtures/send/fa3-valid.xml', 'utf8');
  const row = /<FaWiersz>[\s\S]*?<\/FaWiersz>/.exec(fixture)![0];
  const rows: string[] = [];
  const make = () => new TextEncoder().encode(fixture.replace(/<FaWiersz>[\s\S]*<\/FaWiersz>/, rows.join('\n\t\t')));
  // Rows grow by the digits of NrWierszaFa, so add them until the file passes 995 000 bytes, then take one back.
  let bytes = make();
  for (let n = 1; bytes.length < 995_000; n += 1000) {
    for (let k = n; k < n + 1000; k++) rows.push(row.replace(/<NrWierszaFa>\d+</, `<NrWierszaFa>${k}<`));
    bytes = make();
  }
  while (bytes.length > 999_000) {
    rows.pop();
    bytes = make();
  }
  return { bytes, lineItems: rows.length };
}

const round = (n: number) => Math.round(n * 10) / 10;

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { minMs: round(sorted[0]!), medianMs: round(median), maxMs: round(sorted.at(-1)!), runs: values.length };
}

function chunk(build: string, prefix: string): string {
  const name = readdirSync(path.join(build, 'chunks')).find((f) => f.startsWith(prefix) && f.endsWith('.js'));
  if (!name) throw new Error(`bench-send-browser: no chunks/${prefix}*.js in ${build}`);
  return `chunks/${name}`;
}

/** The engine chunk's size and the contexts that load it, from scripts/bundle-size.mjs. */
function engineFigures(engineChunk: string) {
  const data = readFileSync(path.join(RELEASE_BUILD, engineChunk));
  const size = JSON.parse(execFileSync('node', ['scripts/bundle-size.mjs', RELEASE_BUILD], { encoding: 'utf8' }));
  const has = (list: string[] | undefined) => (list ?? []).includes(engineChunk);
  return {
    chunk: engineChunk,
    rawBytes: data.length,
    gzipBytes: gzipSync(data, { level: 9 }).length,
    inBackgroundJs: has(size.background.chunks),
    inPopup: has(size.popup.chunks) || has(size.popup.onDemand?.chunks),
    inOptions: has(size.options.chunks) || has(size.options.onDemand?.chunks),
    inInboxStart: has(size.inbox.chunks),
    inboxOnDemandOnly: has(size.inbox.onDemand?.chunks) && !has(size.inbox.chunks),
  };
}

/** What runs in the page: first call (engine import + WebAssembly + schema compile), then warm-up and RUNS runs. */
async function pageBench(args: { check: string; crypto: string; xml: string; certificate: string; runs: number }) {
  const { checkInvoiceFile } = await import(args.check);
  const { createSessionKey, encryptInvoice } = await import(args.crypto);
  const bytes = new TextEncoder().encode(args.xml);
  const ctx = {
    profiles: [{ id: 'p', nip: '5265877635', name: 'Elektrownia S.A.' }],
    now: new Date('2026-03-02T10:00:00Z'),
    findEarlier: async () => undefined,
  };
  const file = { name: 'bench-1mb.xml', bytes };
  let t = performance.now();
  const first = await checkInvoiceFile(file, ctx);
  const firstCheckMs = performance.now() - t;
  if (!first.ok) throw new Error(`the bench invoice must pass: ${JSON.stringify(first.problems.slice(0, 3))}`);
  t = performance.now();
  const key = await createSessionKey(args.certificate);
  const sessionKeyMs = performance.now() - t;
  const check: number[] = [];
  const encrypt: number[] = [];
  const total: number[] = [];
  for (let i = 0; i <= args.runs; i++) {
    const t0 = performance.now();
    const result = await checkInvoiceFile(file, ctx);
    const t1 = performance.now();
    if (!result.ok) throw new Error('the bench invoice must pass the check');
    const request = await encryptInvoice(key.aesKey, key.iv, result.xml);
    const t2 = performance.now();
    if (request.invoiceSize !== bytes.length) throw new Error('encrypted the wrong text');
    if (i === 0) continue; // warm-up
    check.push(t1 - t0);
    encrypt.push(t2 - t1);
    total.push(t2 - t0);
  }
  return { firstCheckMs, sessionKeyMs, check, encrypt, total, userAgent: navigator.userAgent };
}

export async function runSendBrowserBench(): Promise<Record<string, unknown>> {
  if (!existsSync(path.join(RELEASE_BUILD, 'manifest.json'))) throw new Error(`No release build in ${RELEASE_BUILD}: run "npx wxt build" first.`);
  const folder = mkdtempSync(path.join(tmpdir(), 'ksef-pilot-bench-send-ext-'));
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'ksef-pilot-bench-send-'));
  try {
    cpSync(RELEASE_BUILD, folder, { recursive: true });
    await build({
      entryPoints: ['lib/send/engine/crypto.ts'], bundle: true, format: 'esm', minify: true, platform: 'browser',
      outfile: path.join(folder, 'bench-send-crypto.js'), logLevel: 'error',
    });
    const checkChunk = chunk(folder, 'check-');
    const engineChunk = chunk(folder, 'xsd-engine-');
    const { bytes, lineItems } = benchInvoice();
    const certificate = (await createSimKeys(Date.now())).find((k) => k.usage.includes('SymmetricKeyEncryption'))!.certificate;

    const loadBefore = loadavg().map((n) => Math.round(n * 100) / 100);
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM, headless: true,
      args: [`--disable-extensions-except=${folder}`, `--load-extension=${folder}`, ...FLAGS],
    });
    let page;
    try {
      context.setDefaultTimeout(120_000);
      const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 60_000 }));
      const extensionId = new URL(sw.url()).host;
      page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/inbox.html`);
      await page.evaluate('globalThis.__name ??= (f) => f'); // tsx (esbuild keepNames) wraps functions in __name
      const measured = await page.evaluate(pageBench, {
        check: `/${checkChunk}`, crypto: '/bench-send-crypto.js', xml: new TextDecoder().decode(bytes), certificate, runs: RUNS,
      });
      const results = {
        date: new Date().toISOString(),
        browser: `${context.browser()?.version() ?? 'chromium'} (${measured.userAgent})`,
        note:
          'Chromium, release build, inbox.html (the send view\'s page); ms. checkInvoiceFile = the build\'s own chunk (all local ' +
          'rules + FA(3) XSD); encrypt = lib/send/engine/crypto.ts encryptInvoice (AES-256-CBC, hashes, base64) of the checked ' +
          'text; total = both, the issue\'s ≤ 300 ms median. firstCall = the first checkInvoiceFile (imports the engine, compiles ' +
          'the WebAssembly and the FA(3) schema). min / median / max after one warm-up run. Figures scale with the machine\'s load ' +
          '(2 shared cores).',
        loadAverageBefore: loadBefore,
        loadAverageAfter: loadavg().map((n) => Math.round(n * 100) / 100),
        invoiceBytes: bytes.length,
        invoiceLineItems: lineItems,
        firstCall: { checkInvoiceFileMs: round(measured.firstCheckMs), createSessionKeyMs: round(measured.sessionKeyMs) },
        checkInvoiceFile: stats(measured.check),
        encryptInvoice: stats(measured.encrypt),
        checkPlusEncrypt: stats(measured.total),
        targetMedianMs: 300,
        xsdEngine: engineFigures(engineChunk),
      };
      mkdirSync('bench-results', { recursive: true });
      writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
      return results;
    } finally {
      await page?.close().catch(() => undefined);
      await context.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await runSendBrowserBench(), null, 2));
}
