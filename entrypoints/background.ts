import '@/lib/platform/zod-jitless';
import { verifyProfile } from '@/lib/diagnostics';
import { acceptRequest, dispatchRequest } from '@/lib/messages';
import { createOffscreenHeavyWork, isOffscreenSender, OFFSCREEN_PATH, offscreenDocumentParams } from '@/lib/platform/offscreen';
import { createStore } from '@/lib/store';
import { answerContentScript, createWorker } from '@/lib/worker';
import { lazyHeavyWork, type HeavyWork } from '@/lib/worker/heavy';

/**
 * The login signature and the enrolment's X.509 work (lib/worker/heavy.ts): Chrome's worker cannot `import()`, so it
 * asks an offscreen document; Firefox's event page imports them on first use. The other branch is dropped from each
 * build (import.meta.env.FIREFOX is a constant), so Chrome's background.js carries no pkijs or XML stack (issue 15).
 */
function heavyWork(store: ReturnType<typeof createStore>): HeavyWork {
  if (import.meta.env.FIREFOX) {
    return lazyHeavyWork(() => import('@/lib/worker/heavy-in-process').then((m) => m.createInProcessHeavyWork(store)));
  }
  const url = browser.runtime.getURL(`/${OFFSCREEN_PATH}` as '/');
  return createOffscreenHeavyWork({
    sendMessage: (message) => browser.runtime.sendMessage(message),
    hasDocument: async () => (await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as Browser.runtime.ContextType], documentUrls: [url] })).length > 0,
    createDocument: () => browser.offscreen.createDocument(offscreenDocumentParams(url) as Browser.offscreen.CreateParameters),
    closeDocument: () => browser.offscreen.closeDocument(),
  });
}

// Wiring only (STYLE rules 1 and 2): build the seams, create the worker, register every listener in the
// first turn so the event that woke the worker is not missed (RELIABILITY §2.1). The rules live in lib/worker.
export default defineBackground(() => {
  const store = createStore();
  const heavy = heavyWork(store);
  const worker = createWorker({
    store,
    heavy,
    fetch: (input, init) => fetch(input, init),
    alarms: browser.alarms,
    notifications: browser.notifications,
    badge: { setText: (text) => browser.action.setBadgeText({ text }) },
    openTab: async (path) => void (await browser.tabs.create({ url: browser.runtime.getURL(`/${path}` as '/') })),
    verifyProfile,
    settings: browser.storage.local,
    pageExists: (path) => fetch(browser.runtime.getURL(`/${path}` as '/'), { method: 'HEAD' }).then((r) => r.ok, () => false),
  });
  // Imported only in the development build: a static import would keep lib/pki and lib/xades (their modules have
  // effects at load) in the release worker even though the call is dropped (issue 15).
  if (import.meta.env.MODE === 'development') {
    void import('@/lib/dev/hooks').then(({ installDevHooks }) => installDevHooks(globalThis as Record<string, unknown>, { worker, heavy }));
  }

  const offscreenUrl = browser.runtime.getURL(`/${OFFSCREEN_PATH}` as '/');
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // The offscreen document only answers this worker; nothing it sends is a request (lib/platform/offscreen.ts).
    if (isOffscreenSender(sender, browser.runtime.id, offscreenUrl)) return false;
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
