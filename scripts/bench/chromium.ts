// The release build in Chromium for the bench (issue 15): a private copy of .output/chrome-mv3 (so a build
// started meanwhile cannot change the extension under a run) with two files of the bench's own added:
// bench.html (a blank extension page that marks its first frame: the popup's baseline) and bench-lib.js
// (scripts/bench/page-lib.ts: the store's public functions and the bare IndexedDB baselines). The release
// build has no test hooks; everything goes through these extension pages and runtime messages.
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROMIUM } from '../../tests/e2e/launch';

export const RELEASE_BUILD = path.resolve(process.env.BENCH_RELEASE_BUILD ?? '.output/chrome-mv3');
export const BLANK_MARK = 'kp-bench-blank';

const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--no-default-browser-check',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

/** A copy of the release build with bench.html and bench-lib.js; `remove()` when done. */
export async function releaseCopy(): Promise<{ dir: string; remove(): void }> {
  if (!existsSync(path.join(RELEASE_BUILD, 'manifest.json'))) throw new Error(`No release build in ${RELEASE_BUILD}: run "npx wxt build" first.`);
  const dir = mkdtempSync(path.join(tmpdir(), 'ksef-pilot-bench-ext-'));
  cpSync(RELEASE_BUILD, dir, { recursive: true });
  const lib = await build({
    entryPoints: [path.resolve('scripts/bench/page-lib.ts')],
    bundle: true, format: 'esm', minify: true, platform: 'browser', target: 'chrome120',
    define: { 'process.env.NODE_ENV': '"production"' }, write: false, logLevel: 'error',
  });
  writeFileSync(path.join(dir, 'bench-lib.js'), lib.outputFiles[0]!.text);
  writeFileSync(path.join(dir, 'bench-page.js'), `requestAnimationFrame(() => performance.mark(${JSON.stringify(BLANK_MARK)}));\n`);
  writeFileSync(path.join(dir, 'bench.html'), '<!doctype html><html><head><meta charset="utf-8"><title>bench</title><script type="module" src="/bench-page.js"></script></head><body></body></html>\n');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Launched {
  context: BrowserContext;
  extensionId: string;
  /** The bench's own extension page (bench.html), open for the whole launch. */
  page: Page;
  worker(): Promise<Worker>;
  url(file: string): string;
  close(): Promise<void>;
}

/** Launches Chromium with `extensionDir`; a fresh user-data folder unless one is given. */
export async function launch(extensionDir: string, options: { args?: string[]; userDataDir?: string } = {}): Promise<Launched> {
  const own = !options.userDataDir;
  const userDataDir = options.userDataDir ?? mkdtempSync(path.join(tmpdir(), 'ksef-pilot-bench-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...FLAGS, ...(options.args ?? [])],
  });
  context.setDefaultTimeout(120_000);
  const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 60_000 }));
  const extensionId = new URL(first.url()).host;
  const url = (file: string) => `chrome-extension://${extensionId}/${file}`;
  const page = await context.newPage();
  await page.goto(url('bench.html'));
  return {
    context,
    extensionId,
    page,
    url,
    async worker() {
      const sw = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
      return sw ?? context.waitForEvent('serviceworker', { timeout: 60_000 });
    },
    async close() {
      await context.close();
      if (own) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Sends a runtime message from the bench's extension page (the worker checks the sender) and returns the answer. */
export function sendMessage<T = any>(page: Page, message: unknown): Promise<T> {
  return page.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), message);
}
