// The worker's side of the Aplikacja Podatnika helper (issue 13): "Mam oba pliki" opens the options page on the
// certificate step, in the page's environment, with the NIP the user confirmed (lib/ap-helper/handoff.ts formats
// the address). This is everything a content script can make the worker do; anything else gets a refusal.
import { formatHandoffPath } from '../ap-helper/handoff';
import { contentRefusal, parseContentRequest, toWireError, type ContentRequest, type Response, type SenderInfo } from '../messages';
import type { OpenTab } from './platform';

export type ContentHandlers = {
  [K in ContentRequest['type']]: (request: Extract<ContentRequest, { type: K }>) => Promise<unknown>;
};

export function createApHandoff(openTab: OpenTab): ContentHandlers {
  if (typeof openTab !== 'function') throw new TypeError('"openTab" must be a function');
  return {
    openSetup: async ({ environment, nip }) => {
      const path = formatHandoffPath({ environment, ...(nip !== undefined ? { nip } : {}) });
      await openTab(path);
      return { opened: path };
    },
  };
}

/**
 * The answer to a message the page protocol did not accept: undefined for the extension's own pages (their
 * protocol ignores what it does not know), else the content script's request carried out, or refused.
 */
export function answerContentScript(
  message: unknown,
  sender: SenderInfo,
  extensionId: string,
  extensionOrigin: string,
  handlers: ContentHandlers,
): Promise<Response> | undefined {
  if (typeof sender?.url !== 'string' || sender.url.startsWith(extensionOrigin)) return undefined;
  const parsed = parseContentRequest(message, sender, extensionId);
  if (!parsed.ok) return Promise.resolve(contentRefusal(parsed.reason));
  const handler = handlers[parsed.request.type] as (r: ContentRequest) => Promise<unknown>;
  return handler(parsed.request).then(
    (result): Response => ({ ok: true, result }),
    (error): Response => ({ ok: false, error: toWireError(error) }),
  );
}
