// The extension loads in Chromium, its pages render in Polish, and the id npm start opens is the real one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expectNoAxeViolations } from './axe';
import { EXTENSION_DIR, launchExtension, screenshotPath, settled, type LaunchedExtension } from './launch';

let ext: LaunchedExtension;
beforeAll(async () => {
  mkdirSync(path.dirname(screenshotPath('x')), { recursive: true });
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
});

describe('extension pages', () => {
  it('has the id scripts/extension-id.mjs computes (what npm start opens)', () => {
    const computed = execFileSync('node', ['scripts/extension-id.mjs', EXTENSION_DIR], { encoding: 'utf8' }).trim();
    expect(ext.extensionId).toBe(computed);
  });

  it('popup renders in Polish', async () => {
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 360, height: 240 });
    await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    await expect.poll(() => page.textContent('h1')).toBe('KSeF Pilot');
    expect(await page.textContent('main')).toContain('Nie skonfigurowano jeszcze żadnej organizacji.');
    await page.screenshot({ path: screenshotPath('popup-empty') });
    await page.close();
  });

  it.each(['popup.html', 'options.html', 'inbox.html', 'unlock.html'])('%s loads with no Content Security Policy violation', async (file) => {
    const page = await ext.context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`chrome-extension://${ext.extensionId}/${file}`);
    await page.waitForSelector('#root *');
    await settled(page);
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('options page renders in Polish', async () => {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await expect.poll(() => page.textContent('h1')).toBe('KSeF Pilot – ustawienia');
    await page.screenshot({ path: screenshotPath('options-placeholder') });
    await page.close();
  });

  // Issue 16, finding 7: Chrome offered to translate the Polish pages (and would garble NIPs and amounts).
  it.each(['popup.html', 'options.html', 'inbox.html', 'unlock.html'])('%s tells the browser not to translate it', async (file) => {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/${file}`);
    await page.waitForSelector('#root *');
    expect(await page.evaluate(() => ({
      translate: document.documentElement.getAttribute('translate'),
      lang: document.documentElement.lang,
      google: document.querySelector('meta[name="google"]')?.getAttribute('content'),
    }))).toEqual({ translate: 'no', lang: 'pl', google: 'notranslate' });
    await page.close();
  });

  // Issue 16, B15: the pages follow the system's dark theme (theme.css), with contrast axe accepts.
  it.each(['light', 'dark'] as const)('the empty inbox has no axe violations in the %s theme', async (colorScheme) => {
    const page = await ext.context.newPage();
    await page.emulateMedia({ colorScheme });
    await page.goto(`chrome-extension://${ext.extensionId}/inbox.html`);
    await page.waitForSelector('main[data-ready="true"], main:not([data-ready])');
    await settled(page);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe(colorScheme === 'dark' ? 'rgb(18, 22, 28)' : 'rgb(245, 247, 250)');
    await expectNoAxeViolations(page, { label: `inbox empty ${colorScheme}` });
    await page.close();
  });
});
