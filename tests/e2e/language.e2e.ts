// Issues 11 and 16 (review B5): the page language is one stored setting. A switch on any page (the popup, the
// options page, the inbox) changes every open page at once, survives a reload, and a user who chose English
// before the setting existed (options page, localStorage) keeps it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from './axe';
import { launchExtension, type LaunchedExtension } from './launch';
import { openOptions } from './options-page';

let ext: LaunchedExtension;

beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
});

async function openPage(name: 'popup' | 'inbox'): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/${name}.html`);
  await page.locator('h1').waitFor();
  return page;
}

describe('page language', () => {
  it('switching on the options page changes the open popup and inbox at once', async () => {
    const options = await openOptions(ext);
    const popup = await openPage('popup');
    const inbox = await openPage('inbox');
    await expect.poll(() => popup.textContent('main')).toContain('Nie skonfigurowano jeszcze żadnej organizacji.');
    await expect.poll(() => inbox.textContent('h1')).toBe('Faktury z KSeF');

    await options.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => options.textContent('h1')).toBe('KSeF Pilot – settings');
    await expect.poll(() => popup.textContent('main')).toContain('No organisation has been set up yet.');
    await expect.poll(() => inbox.textContent('h1')).toBe('Invoices from KSeF');
    expect(await inbox.getAttribute('html', 'lang')).toBe('en');
    expect(await popup.getAttribute('html', 'lang')).toBe('en');

    // The inbox has the switch too, and the options page follows it.
    await inbox.getByRole('button', { name: 'Polski' }).click();
    await expect.poll(() => inbox.textContent('h1')).toBe('Faktury z KSeF');
    await expect.poll(() => options.textContent('h1')).toBe('KSeF Pilot – ustawienia');
    await expect.poll(() => popup.textContent('main')).toContain('Nie skonfigurowano jeszcze żadnej organizacji.');
    await Promise.all([options.close(), popup.close(), inbox.close()]);
  });

  it('the popup has the switch too: English there changes the options page and the inbox open in other tabs at once', async () => {
    const options = await openOptions(ext);
    const inbox = await openPage('inbox');
    const popup = await openPage('popup');
    await expect.poll(() => options.textContent('h1')).toBe('KSeF Pilot – ustawienia');
    const english = popup.getByRole('group', { name: 'Język / Language' }).getByRole('button', { name: 'English' });
    expect(await english.getAttribute('aria-pressed')).toBe('false');
    await expectNoAxeViolations(popup, { label: 'popup empty with the language switch' });
    await english.click();
    await expect.poll(() => popup.textContent('main')).toContain('No organisation has been set up yet.');
    expect(await english.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => options.textContent('h1')).toBe('KSeF Pilot – settings');
    await expect.poll(() => inbox.textContent('h1')).toBe('Invoices from KSeF');
    expect(await options.evaluate(() => (globalThis as any).chrome.storage.local.get('uiLanguage'))).toEqual({ uiLanguage: 'en' });
    await popup.getByRole('button', { name: 'Polski' }).click();
    await expect.poll(() => options.textContent('h1')).toBe('KSeF Pilot – ustawienia');
    await expect.poll(() => inbox.textContent('h1')).toBe('Faktury z KSeF');
    await Promise.all([options.close(), popup.close(), inbox.close()]);
  });

  it('remembers the choice across pages opened later', async () => {
    const options = await openOptions(ext);
    await options.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => options.textContent('h1')).toBe('KSeF Pilot – settings');
    const inbox = await openPage('inbox');
    await expect.poll(() => inbox.textContent('h1')).toBe('Invoices from KSeF');
    await options.getByRole('button', { name: 'Polski' }).click();
    await expect.poll(() => inbox.textContent('h1')).toBe('Faktury z KSeF');
    await Promise.all([options.close(), inbox.close()]);
  });

  it('keeps the options page\'s old choice (localStorage) for users from before the setting', async () => {
    const options = await openOptions(ext);
    // The page's own chrome.storage, as the extension sees it (the test's Node side has no `chrome`).
    await options.evaluate(async () => {
      await (globalThis as any).chrome.storage.local.remove('uiLanguage');
      localStorage.setItem('ksefPilot.lang', 'en');
    });
    const popup = await openPage('popup');
    await expect.poll(() => popup.textContent('main')).toContain('No organisation has been set up yet.');
    expect(await options.evaluate(() => (globalThis as any).chrome.storage.local.get('uiLanguage'))).toEqual({ uiLanguage: 'en' });
    await Promise.all([options.close(), popup.close()]);
  });
});
