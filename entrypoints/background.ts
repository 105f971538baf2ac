import 'reflect-metadata';
import { installDevHooks } from '@/lib/dev/hooks';
import { acceptRequest, handleRequest } from '@/lib/messages';

export default defineBackground(() => {
  if (import.meta.env.MODE === 'development') installDevHooks(globalThis as Record<string, unknown>);

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const request = acceptRequest(message, sender, browser.runtime.id, browser.runtime.getURL('/'));
    if (!request) return false;
    void handleRequest(request).then(sendResponse);
    return true;
  });
});
