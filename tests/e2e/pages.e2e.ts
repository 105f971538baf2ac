// The extension loads in Chromium, its pages render in Polish, and the id npm start opens is the real one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
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

  it.each(['popup.html', 'options.html', 'inbox.html'])('%s loads with no Content Security Policy violation', async (file) => {
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
});
