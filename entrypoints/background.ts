import 'reflect-metadata';
import { installDevHooks } from '@/lib/dev/hooks';
import { acceptRequest, dispatchRequest } from '@/lib/messages';

export default defineBackground(() => {
  if (import.meta.env.MODE === 'development') installDevHooks(globalThis as Record<string, unknown>);

  // Interim wiring until the worker's handlers land (issue 5): only ping is answered.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const request = acceptRequest(message, sender, browser.runtime.id, browser.runtime.getURL('/'));
    if (!request || request.type !== 'ping') return false;
    void dispatchRequest(request, { ping: async () => ({ pong: true }) } as never).then(sendResponse);
    return true;
  });
});
