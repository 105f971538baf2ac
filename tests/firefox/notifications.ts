// Headless Firefox has no alert service to show notifications in: browser.notifications.create resolves but the
// notification is gone from getAll() at once. So the test wraps create in the background page (an event page in
// Firefox MV3, reachable with runtime.getBackgroundPage from an extension page) and records each call there.
// entrypoints/background.ts hands the worker the browser.notifications object itself, so the wrapper is the one
// the worker calls. Install it before the action that should notify.
import type { Page } from 'puppeteer-core';

export interface CapturedNotification { id: string; title: string; message: string }

const CAPTURE = '__ksefPilotTestNotifications';

export async function captureNotifications(page: Page): Promise<void> {
  await page.evaluate(async (capture) => {
    const background = await (globalThis as any).browser.runtime.getBackgroundPage();
    const api = background.browser.notifications;
    if (background[capture]) return;
    background[capture] = [];
    const create = api.create.bind(api);
    api.create = (id: string, options: { title: string; message: string }) => {
      background[capture].push({ id, title: options.title, message: options.message });
      return create(id, options);
    };
  }, CAPTURE);
}

export async function capturedNotifications(page: Page): Promise<CapturedNotification[]> {
  return page.evaluate(async (capture) => {
    const background = await (globalThis as any).browser.runtime.getBackgroundPage();
    return JSON.parse(JSON.stringify(background[capture] ?? []));
  }, CAPTURE);
}
