// The typed protocol between the extension's pages and its service worker. Every message is parsed with zod
// and accepted only from the extension's own pages (DESIGN.md, Security rules).
import { z } from 'zod';

export const RequestSchema = z.discriminatedUnion('type', [z.object({ type: z.literal('ping') })]);
export type Request = z.infer<typeof RequestSchema>;

export type Response<T = unknown> = { ok: true; result: T } | { ok: false; error: { code: string; message: string } };

export interface SenderInfo {
  id?: string;
  /** The sending document: an extension page, or for a content script the web page it runs in. */
  url?: string;
}

/**
 * Returns the parsed request, or null when it must be ignored: not from this extension, from a content
 * script (its sender URL is the web page's, not ours; extension pages opened in a tab also carry `tab`, so
 * `tab` proves nothing), or not a message of the protocol.
 */
export function acceptRequest(message: unknown, sender: SenderInfo, extensionId: string, extensionOrigin: string): Request | null {
  if (sender.id !== extensionId) return null;
  if (typeof sender.url !== 'string' || !sender.url.startsWith(extensionOrigin)) return null;
  const parsed = RequestSchema.safeParse(message);
  return parsed.success ? parsed.data : null;
}

export async function handleRequest(request: Request): Promise<Response> {
  switch (request.type) {
    case 'ping':
      return { ok: true, result: { pong: true } };
  }
}
