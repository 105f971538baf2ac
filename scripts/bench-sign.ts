// The login signature in Chromium (issue 15: ≤ 3 ms median) → bench-results/sign.json (never asserted in tests).
//
// lib/xades is bundled by esbuild as the release build bundles it (minified, production) and evaluated inside the
// release build's own service worker, where the worker signs at login: no DOMParser, the same WebCrypto. The
// release build carries lib/xades inside background.js without exports, hence the separate bundle. Measured:
//  - signAuthTokenRequest: a login after the first with the same credentials in this worker's life;
//  - firstSignature: a login with credentials this worker has not signed with yet (the certificate read and the
//    full self-check, lib/xades/self-check.ts), a fresh signer each run;
//  - baseline: a bare WebCrypto sign with the same key over the same bytes (the signed document), run right after
//    each signature, and the ratio taken pair by pair.
// BENCH_SIGN_LIB=<folder holding lib/> measures another copy of the code (e.g. `git archive` of an older commit).
// Needs the release build (npx wxt build) and Debian's Chromium.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../tests/e2e/launch';
import { load, stats as sharedStats } from './bench/stats';

const RUNS = 31;
const FIRST_RUNS = 21;
const OUT = process.env.BENCH_SIGN_OUT ?? 'bench-results/sign.json';
const RELEASE_BUILD = path.resolve(process.env.BENCH_RELEASE_BUILD ?? '.output/chrome-mv3');
const LIB_ROOT = path.resolve(process.env.BENCH_SIGN_LIB ?? '.');
const FIX = 'tests/fixtures/pki';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
const CREDENTIALS = [
  { label: 'ec_p256', name: 'person-tinpl-ec' },
  { label: 'rsa_2048', name: 'person-rsa2048' },
] as const;

// Shared with every bench (scripts/bench/stats.ts): min / median / max, the load average.
const stats = (values: number[]) => sharedStats(values, 3);

/** lib/xades and lib/pki's loadCredentials as one IIFE setting globalThis.__benchSign. */
async function bundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents:
        "export { signAuthTokenRequest } from './lib/xades';\n" +
        "export * as signModule from './lib/xades/sign';\n" +
        "export { loadCredentials } from './lib/pki';\n",
      resolveDir: LIB_ROOT,
      loader: 'ts',
    },
    bundle: true, format: 'iife', globalName: '__benchSign', minify: true, platform: 'browser', target: 'chrome120',
    define: { 'process.env.NODE_ENV': '"production"' }, nodePaths: [path.resolve('node_modules')],
    write: false, logLevel: 'error',
  });
  return result.outputFiles[0]!.text;
}

type Input = { label: string; certPem: string; keyPem: string; password: string; runs: number; firstRuns: number };

/** Runs in the service worker: every figure for one set of credentials. */
async function workerBench(input: Input) {
  const B = (globalThis as any).__benchSign;
  const { certificate, privateKey } = await B.loadCredentials({ certificate: input.certPem, privateKey: input.keyPem, password: input.password });
  const args = {
    challenge: '20261124-CR-0123456789-ABCDEF0123-4F',
    contextIdentifier: { type: 'Nip', value: '5265877635' },
    subjectIdentifierType: 'certificateSubject',
    certificate,
    privateKey,
  };
  const algorithm = privateKey.algorithm.name === 'ECDSA' ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'RSASSA-PKCS1-v1_5' };
  // A worker's clock ticks in 0.1 ms steps; a bare P-256 sign takes less, so the baseline is a mean over a batch.
  const BATCH = 20;
  const ours: number[] = [];
  const baseline: number[] = [];
  const ratio: number[] = [];
  for (let i = -3; i < input.runs; i++) {
    const t0 = performance.now();
    const xml: string = await B.signAuthTokenRequest(args);
    const t1 = performance.now();
    const bytes = new TextEncoder().encode(xml);
    for (let k = 0; k < BATCH; k++) await crypto.subtle.sign(algorithm, privateKey, bytes);
    const t2 = performance.now();
    if (i < 0) continue; // warm-up: the first of these is this worker's first signature with the key
    ours.push(t1 - t0);
    baseline.push((t2 - t1) / BATCH);
    ratio.push((t1 - t0) / ((t2 - t1) / BATCH));
  }
  const first: number[] = [];
  const create = B.signModule.createAuthTokenSigner as undefined | (() => (a: unknown) => Promise<string>);
  for (let i = 0; create && i < input.firstRuns; i++) {
    const signer = create();
    const t0 = performance.now();
    await signer(args);
    first.push(performance.now() - t0);
  }
  return { ours, baseline, ratio, first, userAgent: navigator.userAgent, noDomParser: typeof (globalThis as any).DOMParser === 'undefined' };
}

export async function runSignBench(): Promise<Record<string, unknown>> {
  if (!existsSync(path.join(RELEASE_BUILD, 'manifest.json'))) throw new Error(`No release build in ${RELEASE_BUILD}: run "npx wxt build" first.`);
  const code = await bundle();
  const password: string = JSON.parse(readFileSync(`${FIX}/expected.json`, 'utf8')).password;
  // A copy, so a build started meanwhile (other benches, e2e runs) cannot change the extension under us.
  const folder = mkdtempSync(path.join(tmpdir(), 'ksef-pilot-bench-sign-ext-'));
  cpSync(RELEASE_BUILD, folder, { recursive: true });
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'ksef-pilot-bench-sign-'));
  const loadBefore = load();
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM, headless: true,
    args: [`--disable-extensions-except=${folder}`, `--load-extension=${folder}`, ...FLAGS],
  });
  try {
    context.setDefaultTimeout(120_000);
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 60_000 }));
    await sw.evaluate(code);
    await sw.evaluate('globalThis.__name ??= (f) => f'); // tsx (esbuild keepNames) wraps functions in __name
    const figures: Record<string, unknown> = {};
    let userAgent = '';
    for (const { label, name } of CREDENTIALS) {
      const m = await sw.evaluate(workerBench, {
        label, certPem: readFileSync(`${FIX}/${name}.crt`, 'utf8'), keyPem: readFileSync(`${FIX}/${name}.key`, 'utf8'), password, runs: RUNS, firstRuns: FIRST_RUNS,
      });
      if (!m.noDomParser) throw new Error('bench-sign: expected a service worker without DOMParser');
      userAgent = m.userAgent;
      figures[label] = {
        signAuthTokenRequestMs: stats(m.ours),
        baselineWebCryptoSignMs: stats(m.baseline),
        ratioToBaseline: stats(m.ratio),
        firstSignatureMs: m.first.length > 0 ? stats(m.first) : null,
      };
    }
    const results = {
      date: new Date().toISOString(),
      browser: `${context.browser()?.version() ?? 'chromium'} (${userAgent})`,
      code: LIB_ROOT === path.resolve('.') ? 'this checkout' : LIB_ROOT,
      note:
        'Chromium, the release build\'s service worker running lib/xades bundled as the release build bundles it; ms, ' +
        `min / median / max over ${RUNS} runs after 3 warm-ups. signAuthTokenRequest = a login with credentials this worker ` +
        'has signed with before (its full self-check done once, one verification per login); firstSignature = a fresh ' +
        'signer each run (certificate read + full self-check). baseline = bare WebCrypto sign (same key) over the signed ' +
        'document\'s bytes, the mean of 20 right after each signature (the worker\'s clock ticks in 0.1 ms steps, which also ' +
        'bounds the resolution of each signature\'s time); ratio pair by pair. Figures scale with the machine\'s load (2 shared cores).',
      loadAverageBefore: loadBefore,
      loadAverageAfter: load(),
      targetMedianMs: 3,
      ...figures,
    };
    mkdirSync(path.dirname(OUT), { recursive: true });
    writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
    return results;
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await runSignBench(), null, 2));
}
