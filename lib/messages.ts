// The typed protocol between the extension's pages and its service worker. Every message is parsed with zod
// and accepted only from the extension's own pages (DESIGN.md, Security rules).
import { z } from 'zod';

export const RequestSchema = z.discriminatedUnion('type', [z.object({ type: z.literal('ping') })]);
export type Request = z.infer<typeof RequestSchema>;

export type Response<T = unknown> = { ok: true; result: T } | { ok: false; error: { code: string; message: string } };

export interface SenderInfo {
  id?: string;
  url?: string;
  /** Set when the message comes from a content script in a tab. */
  tab?: unknown;
}

/**
 * Returns the parsed request, or null when it must be ignored: not from this extension, from a content
 * script (a tab), or not a message of the protocol.
 */
export function acceptRequest(message: unknown, sender: SenderInfo, extensionId: string, extensionOrigin: string): Request | null {
  if (sender.id !== extensionId) return null;
  if (sender.tab !== undefined) return null;
  if (sender.url !== undefined && !sender.url.startsWith(extensionOrigin)) return null;
  const parsed = RequestSchema.safeParse(message);
  return parsed.success ? parsed.data : null;
}

export async function handleRequest(request: Request): Promise<Response> {
  switch (request.type) {
    case 'ping':
      return { ok: true, result: { pong: true } };
  }
}
