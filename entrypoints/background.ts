import '@/lib/platform/zod-jitless';
import { installDevHooks } from '@/lib/dev/hooks';
import { verifyProfile } from '@/lib/diagnostics';
import { acceptRequest, dispatchRequest } from '@/lib/messages';
import { createStore } from '@/lib/store';
import { answerContentScript, createWorker } from '@/lib/worker';

// Wiring only (STYLE rules 1 and 2): build the seams, create the worker, register every listener in the
// first turn so the event that woke the worker is not missed (RELIABILITY §2.1). The rules live in lib/worker.
export default defineBackground(() => {
  const worker = createWorker({
    store: createStore(),
    fetch: (input, init) => fetch(input, init),
    alarms: browser.alarms,
    notifications: browser.notifications,
    badge: { setText: (text) => browser.action.setBadgeText({ text }) },
    openTab: async (path) => void (await browser.tabs.create({ url: browser.runtime.getURL(`/${path}` as '/') })),
    verifyProfile,
    settings: browser.storage.local,
    pageExists: (path) => fetch(browser.runtime.getURL(`/${path}` as '/'), { method: 'HEAD' }).then((r) => r.ok, () => false),
  });
  if (import.meta.env.MODE === 'development') installDevHooks(globalThis as Record<string, unknown>, { worker });

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const request = acceptRequest(message, sender, browser.runtime.id, browser.runtime.getURL('/'));
    if (!request) {
      // Not a page's request: a content script (the AP helper) gets its narrow set or a refusal (issue 13).
      const answer = answerContentScript(message, sender, browser.runtime.id, browser.runtime.getURL('/'), worker.contentHandlers);
      if (!answer) return false;
      void answer.then(sendResponse);
      return true;
    }
    void dispatchRequest(request, worker.handlers).then(sendResponse);
    return true;
  });
  browser.alarms.onAlarm.addListener((alarm) => void worker.onAlarm(alarm));
  browser.runtime.onStartup.addListener(() => void worker.onStartup());
  browser.runtime.onInstalled.addListener(() => void worker.onStartup());
  browser.notifications.onClicked.addListener((id) => void worker.onNotificationClicked(id));
  // Alarms and the badge outlive a worker's restart; they are lost only when the browser restarts or the
  // extension is installed or updated, which the two listeners above cover. So a wake for an alarm or a
  // message costs no extra store reads.
});
