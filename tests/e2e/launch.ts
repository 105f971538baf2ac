// Launches Debian's Chromium with the built extension (development build: it may reach the simulator on
// loopback and exposes test hooks in the service worker). See TOOLCHAIN.md §2.
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const EXTENSION_DIR = path.resolve('.output/chrome-mv3-dev');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--no-default-browser-check',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

export interface LaunchedExtension {
  context: BrowserContext;
  sw: Worker;
  extensionId: string;
  userDataDir: string;
  close(): Promise<void>;
}

export async function launchExtension(options: { userDataDir?: string; keepUserData?: boolean } = {}): Promise<LaunchedExtension> {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No development build in ${EXTENSION_DIR}: run "npx wxt build --mode development" first (npm test does).`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium`);
  const userDataDir = options.userDataDir ?? mkdtempSync(path.join(tmpdir(), 'ksef-pilot-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`, ...FLAGS],
  });
  // Locator actions and waits get a timeout that holds on a busy 2-core machine (STYLE rule 28).
  context.setDefaultTimeout(60_000);
  let [sw] = context.serviceWorkers();
  if (!sw) sw = await context.waitForEvent('serviceworker', { timeout: 60_000 });
  const extensionId = new URL(sw.url()).host;
  return {
    context,
    sw,
    extensionId,
    userDataDir,
    async close() {
      await context.close();
      if (!options.keepUserData && !options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Stops the extension's service worker as Chrome does when it idles (CDP Target.closeTarget). */
export async function stopServiceWorker(context: BrowserContext, extensionId: string): Promise<void> {
  const browser = context.browser();
  if (!browser) throw new Error('persistent context has no browser handle');
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = (await cdp.send('Target.getTargets')) as {
    targetInfos: { targetId: string; type: string; url: string }[];
  };
  const target = targetInfos.find(
    (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`),
  );
  if (!target) throw new Error('extension service worker target not found');
  await cdp.send('Target.closeTarget', { targetId: target.targetId });
  await cdp.detach();
  // Wait on state, not a fixed delay: the target is gone once Chromium has torn the worker down.
  const deadline = Date.now() + 30_000;
  while ((await serviceWorkerRunning(context, extensionId)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}

/** Is the extension's service worker currently running? */
export async function serviceWorkerRunning(context: BrowserContext, extensionId: string): Promise<boolean> {
  const cdp = await context.browser()!.newBrowserCDPSession();
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string }[] };
  await cdp.detach();
  return targetInfos.some((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
}

/** The page has loaded what it asks for and painted twice since: a state to wait on before a capture. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

export function screenshotPath(name: string): string {
  return path.resolve('test-results/screenshots', `${name}.png`);
}
