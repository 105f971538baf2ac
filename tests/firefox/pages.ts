// Page steps of the Firefox tests over WebDriver BiDi: element handles by label, screenshots, the store's count.
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';

export async function shoot(page: Page, name: string): Promise<void> {
  const file = path.resolve('test-results/screenshots', `${name}.png`);
  mkdirSync(path.dirname(file), { recursive: true });
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  await page.screenshot({ path: file as `${string}.png`, fullPage: true });
  if (process.env.FIREFOX_SHOTS) {
    mkdirSync(process.env.FIREFOX_SHOTS, { recursive: true });
    copyFileSync(file, path.join(process.env.FIREFOX_SHOTS, `${name}.png`));
  }
}

/** The extension's IndexedDB, read from one of its pages (same origin as the background). */
export async function storedInvoices(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const req = indexedDB.open('ksef-pilot');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const count = await new Promise<number>((resolve, reject) => {
      const req = db.transaction('invoices').objectStore('invoices').count();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return count;
  });
}

/**
 * The form control named `label` by a <label> or aria-labelledby (puppeteer's ARIA query also matches a select's
 * options, and its Locator.fill never finishes over Firefox's BiDi in puppeteer-core 25.16).
 */
export async function field(page: Page, label: string): Promise<ElementHandle<HTMLInputElement>> {
  const handle = await page.waitForFunction((text) =>
    [...document.querySelectorAll<HTMLInputElement>('input, select, textarea')].find((control) => {
      const byId = control.getAttribute('aria-labelledby')?.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
      const names = [byId, control.getAttribute('aria-label'), ...[...(control.labels ?? [])].map((l) => l.textContent)];
      return names.some((name) => name?.trim() === text);
    }), {}, label);
  return handle as unknown as ElementHandle<HTMLInputElement>;
}
export const typeInto = async (page: Page, label: string, text: string) => (await field(page, label)).type(text);
export async function click(page: Page, buttonText: string) {
  const handle = await page.waitForSelector(`button::-p-text(${buttonText}):not([disabled])`);
  await handle!.click();
}
