// Launches Debian's Firefox ESR with the Firefox development build as a temporary add-on, driven over
// WebDriver BiDi by puppeteer-core (Playwright's Firefox needs its own patched build; stock Firefox speaks BiDi).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX_EXTENSION_DIR = path.resolve('.output/firefox-mv3-dev');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const GECKO_ID = 'ksef-pilot@ksef-pilot.pl'; // wxt.config.ts browser_specific_settings.gecko.id
// moz-extension:// hosts are random per profile; this pref fixes ours. Firefox honours it only when it is in
// the profile (puppeteer writes extraPrefsFirefox into the profile's user.js), not as a command-line --pref.
const EXTENSION_UUID = '6b1f3c2e-7a65-4d2e-9a1b-6f0c2d9e4b11';
export const EXTENSION_BASE = `moz-extension://${EXTENSION_UUID}`;

export interface LaunchedFirefox {
  browser: Browser;
  /** Opens an extension page (e.g. 'options.html?x=1') in a new tab once its document has loaded. */
  openPage(pathAndQuery: string, viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefox(): Promise<LaunchedFirefox> {
  const manifest = path.join(FIREFOX_EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifest)) {
    throw new Error(`No Firefox development build in ${FIREFOX_EXTENSION_DIR}: run "npx wxt build -b firefox --mv3 --mode development" (npm test does).`);
  }
  if (!(JSON.parse(readFileSync(manifest, 'utf8')).host_permissions as string[]).includes('http://127.0.0.1/*')) {
    throw new Error(`${manifest} is not a development build: it may not reach the simulator on 127.0.0.1.`);
  }
  if (!existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX}: apt-get install firefox-esr`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: true,
    // WebDriver refuses to navigate to moz-extension:// unless system access is allowed (Firefox's
    // remote/shared/BrowsingContextUtils isWebdriverSafeNavigationURL).
    args: ['--remote-allow-system-access'],
    protocolTimeout: 60_000,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // Offline machine: no updates, telemetry or remote settings noise.
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
    },
  });
  try {
    const id = await browser.installExtension(FIREFOX_EXTENSION_DIR); // BiDi webExtension.install, temporary add-on
    if (id !== GECKO_ID) throw new Error(`installed add-on has id ${id}, expected ${GECKO_ID}`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return {
    browser,
    async openPage(pathAndQuery, viewport = { width: 1280, height: 900 }) {
      const page = await browser.newPage();
      await page.setViewport(viewport);
      await gotoExtensionPage(page, pathAndQuery);
      page.setDefaultTimeout(60_000);
      return page;
    },
    close: () => browser.close(),
  };
}

/**
 * Navigates without puppeteer's load wait: Firefox sends no BiDi load events for moz-extension documents to
 * puppeteer, so page.goto would time out although the page is there. Waits on the document instead.
 */
export async function gotoExtensionPage(page: Page, pathAndQuery: string): Promise<void> {
  const url = `${EXTENSION_BASE}/${pathAndQuery}`;
  await (page.mainFrame() as unknown as { browsingContext: { navigate(url: string, wait: string): Promise<void> } })
    .browsingContext.navigate(url, 'none');
  const deadline = Date.now() + 60_000;
  for (;;) {
    const state = await page.evaluate(() => [location.href, document.readyState]).catch(() => ['', '']);
    if (state[0] === url && state[1] === 'complete') return;
    if (Date.now() > deadline) throw new Error(`${url} did not load (at ${state[0]}, ${state[1]})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
