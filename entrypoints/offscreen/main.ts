import { acceptOffscreenRequest, runOffscreenCall } from '@/lib/platform/offscreen';
import { createStore } from '@/lib/store';
import { createInProcessHeavyWork } from '@/lib/worker/heavy-in-process';

// Wiring only: the worker's calls, accepted from the worker alone and in their schema, run here; keys are read
// from IndexedDB by this document (lib/worker/heavy.ts). Anything else gets no answer from here.
const work = createInProcessHeavyWork(createStore());
const workerUrl = browser.runtime.getURL('/background.js');

browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const call = acceptOffscreenRequest(message, sender, browser.runtime.id, workerUrl);
  if (!call) return false;
  void runOffscreenCall(call, work).then(sendResponse);
  return true;
});
