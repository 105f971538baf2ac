// The typed protocol between the extension's pages and its service worker. Every message is parsed with zod
// (zod/mini: it tree-shakes, so the popup carries a fraction of full zod; issue 11) and accepted only from the
// extension's own pages (DESIGN.md, Security rules). Pages READ the store (IndexedDB) directly to render fast;
// everything that changes state or talks to KSeF goes through here.
//
// One exception, by necessity: the options page writes a profile's credentials itself. A CryptoKey cannot
// travel in a runtime message (messages are JSON), and sending the key file and its password to the worker
// would put a secret in a message. So the page decrypts the key, stores the non-extractable CryptoKey, and
// then tells the worker `profileSaved`.
import * as z from 'zod/mini';
import { t } from './i18n/shared';

const profileId = z.string().check(z.minLength(1), z.maxLength(200));
const ksefNumber = z.string().check(z.minLength(1), z.maxLength(64));
const invoiceKey = z.strictObject({ profileId, ksefNumber });
/** Sending §2: 1..50 files a message, each at most 1 000 000 UTF-8 bytes (KSeF's limit, NOTES §8.4). */
export const MAX_SEND_FILES = 50;
export const MAX_SEND_BYTES = 1_000_000;
const sendFile = z.strictObject({
  fileName: z.string().check(z.minLength(1), z.maxLength(512)),
  xml: z.string().check(
    z.minLength(1),
    z.maxLength(MAX_SEND_BYTES),
    z.refine((xml) => new TextEncoder().encode(xml).length <= MAX_SEND_BYTES, 'at most 1 000 000 UTF-8 bytes'),
  ),
});
const outboxItemId = z.string().check(z.minLength(1), z.maxLength(200));

export const RequestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ping') }),
  /** A profile or its credentials or preferences were written by the options page: reschedule, resync. */
  z.strictObject({ type: z.literal('profileSaved'), profileId }),
  /** Remove a profile with its key, tokens, invoices and state (after the page asked the user to confirm). */
  z.strictObject({ type: z.literal('deleteProfile'), profileId }),
  /** "Weryfikuj certyfikat": log in with the stored credentials and check the permissions, step by step. */
  z.strictObject({ type: z.literal('verifyProfile'), profileId }),
  /** "Sprawdź teraz": sync one profile, or all when profileId is absent. */
  z.strictObject({ type: z.literal('syncNow'), profileId: z.optional(profileId) }),
  /** Mark invoices as new, seen or booked; the badge follows. */
  z.strictObject({
    type: z.literal('setInvoiceState'),
    keys: z.array(invoiceKey).check(z.minLength(1), z.maxLength(10_000)),
    state: z.enum(['new', 'seen', 'booked']),
  }),
  /** The invoice's XML, downloaded now if the background has not fetched it yet. */
  z.strictObject({ type: z.literal('fetchInvoiceXml'), key: invoiceKey }),
  /** "Wyślij": files that passed the page's checks, queued in the outbox and sent by the worker (issue 12). */
  z.strictObject({
    type: z.literal('sendInvoices'),
    profileId,
    files: z.array(sendFile).check(z.minLength(1), z.maxLength(MAX_SEND_FILES)),
  }),
  /** "Usuń" on an outbox item that ended rejected or failed. */
  z.strictObject({ type: z.literal('removeOutboxItem'), itemId: outboxItemId }),
  /** "Ponów" on a failed outbox item (never a KSeF rejection). */
  z.strictObject({ type: z.literal('retryOutboxItem'), itemId: outboxItemId }),
]);
export type Request = z.infer<typeof RequestSchema>;
export type RequestType = Request['type'];

/** A failure as it crosses the message boundary: a stable code and the user's message in both languages. */
export interface WireError {
  code: string;
  message: string;
  messageEn?: string;
  data?: Record<string, string | number | boolean | null>;
}

export type Response<T = unknown> = { ok: true; result: T } | { ok: false; error: WireError };

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

/** What the worker implements: one function per request type, each returning the result or throwing. */
export type RequestHandlers = {
  [K in RequestType]: (request: Extract<Request, { type: K }>) => Promise<unknown>;
};

/** Any thrown error as a WireError: coded errors keep their code and messages; anything else is UNEXPECTED. */
export function toWireError(error: unknown): WireError {
  const e = error as { code?: unknown; message?: unknown; messageEn?: unknown; name?: unknown };
  if (e && typeof e === 'object' && (typeof e.code === 'string' || typeof e.code === 'number')) {
    return {
      code: String(e.code),
      message: typeof e.message === 'string' ? e.message : String(e.code),
      ...(typeof e.messageEn === 'string' ? { messageEn: e.messageEn } : {}),
    };
  }
  return { code: 'UNEXPECTED', message: t('pl', 'msg_error_UNEXPECTED'), messageEn: t('en', 'msg_error_UNEXPECTED') };
}

export async function dispatchRequest(request: Request, handlers: RequestHandlers): Promise<Response> {
  try {
    const handler = handlers[request.type] as (r: Request) => Promise<unknown>;
    return { ok: true, result: await handler(request) };
  } catch (error) {
    return { ok: false, error: toWireError(error) };
  }
}

/** Page side: send a request and unwrap the answer, throwing the WireError (with its code) on failure. */
export async function sendRequest<T = unknown>(
  request: Request,
  send: (message: Request) => Promise<unknown>,
): Promise<T> {
  const response = (await send(RequestSchema.parse(request))) as Response<T> | undefined;
  if (!response) {
    throw Object.assign(new Error(t('pl', 'msg_error_NO_RESPONSE')), {
      code: 'NO_RESPONSE',
      messageEn: t('en', 'msg_error_NO_RESPONSE'),
    });
  }
  if (response.ok) return response.result;
  throw Object.assign(new Error(response.error.message), response.error);
}
