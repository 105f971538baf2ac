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
import { apEnvironmentOf } from './ap-helper/hosts';
import { KSEF_ENVIRONMENTS } from './domain/environments';
import { isValidNip } from './domain/nip';
import { t } from './i18n/shared';

/** Sending §2: 1..50 files a message, each at most 1 000 000 UTF-8 bytes (KSeF's limit, NOTES §8.4). */
export const MAX_SEND_FILES = 50;
export const MAX_SEND_BYTES = 1_000_000;

/**
 * Every schema here is built on its first use, not at load: the service worker evaluates this module on every
 * wake before it may register its listeners, and zod's construction was a third of that start (issue 15; review
 * performance-2026-12 §6).
 */
function buildRequestSchema() {
  const profileId = z.string().check(z.minLength(1), z.maxLength(200));
  const ksefNumber = z.string().check(z.minLength(1), z.maxLength(64));
  const invoiceKey = z.strictObject({ profileId, ksefNumber });
  const sendFile = z.strictObject({
    fileName: z.string().check(z.minLength(1), z.maxLength(512)),
    xml: z.string().check(
      z.minLength(1),
      z.maxLength(MAX_SEND_BYTES),
      z.refine((xml) => new TextEncoder().encode(xml).length <= MAX_SEND_BYTES, 'at most 1 000 000 UTF-8 bytes'),
    ),
  });
  const outboxItemId = z.string().check(z.minLength(1), z.maxLength(200));

  return z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('ping') }),
    /** A profile or its credentials or preferences were written by the options page: reschedule, resync. */
    z.strictObject({ type: z.literal('profileSaved'), profileId }),
    /** Remove a profile with its key, tokens, invoices and state (after the page asked the user to confirm). */
    z.strictObject({ type: z.literal('deleteProfile'), profileId }),
    /** "Weryfikuj certyfikat": log in with the stored credentials and check the permissions, step by step. */
    z.strictObject({ type: z.literal('verifyProfile'), profileId }),
    /** The unlock page logged in with the unsealed key and stored the tokens (issue 14): resume the locked profile's sync. */
    z.strictObject({ type: z.literal('profileUnlocked'), profileId }),
    /** "Pobierz starsze faktury": a backfill from this calendar day to the sync's start, not announced (lib/worker/older-invoices.ts). */
    z.strictObject({ type: z.literal('fetchOlderInvoices'), profileId, from: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)) }),
    /** "Wygeneruj certyfikat KSeF w przeglądarce" / "Odnów certyfikat" (issue 14): enrol, log in with it, switch; answers at the end. */
    z.strictObject({ type: z.literal('enrolCertificate'), profileId }),
    /** "Unieważnij poprzedni certyfikat": the KSeF certificate the last switch replaced (16 hex digits, OA#RetrieveCertificatesRequest). */
    z.strictObject({ type: z.literal('revokeCertificate'), profileId, serialNumber: z.string().check(z.regex(/^[0-9A-F]{16}$/)) }),
    /** "Przerwij": drop the enrolment in flight and its key; the profile keeps its credentials. */
    z.strictObject({ type: z.literal('abandonEnrolment'), profileId }),
    /** "Odnawiaj automatycznie" on or off (Profile.autoRenew). */
    z.strictObject({ type: z.literal('setAutoRenew'), profileId, on: z.boolean() }),
    /** "Sprawdź teraz": sync one profile, or all with credentials when profileId is absent; answers when the runs
     *  have ended, one result per profile (SyncNowAnswer, lib/views/sync-result.ts). */
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
}
let requestSchemaBuilt: ReturnType<typeof buildRequestSchema> | undefined;
export function requestSchema() {
  return (requestSchemaBuilt ??= buildRequestSchema());
}
export type Request = z.infer<ReturnType<typeof requestSchema>>;
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
  const parsed = requestSchema().safeParse(message);
  return parsed.success ? parsed.data : null;
}

/**
 * What a content script may ask (issue 13; DESIGN.md, Security rules): the Aplikacja Podatnika helper's "Mam oba
 * pliki" opens the options page on the certificate step. Nothing else, and never the page protocol above.
 */
const buildContentRequestSchema = () =>
  z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('openSetup'),
      environment: z.enum(KSEF_ENVIRONMENTS),
      nip: z.optional(z.string().check(z.refine((nip) => isValidNip(nip), 'a valid NIP'))),
    }),
  ]);
let contentRequestSchemaBuilt: ReturnType<typeof buildContentRequestSchema> | undefined;
export function contentRequestSchema() {
  return (contentRequestSchemaBuilt ??= buildContentRequestSchema());
}
export type ContentRequest = z.infer<ReturnType<typeof contentRequestSchema>>;

/** Why a content script's message was refused: not our extension, not an AP page (or another environment's), not allowed. */
export type ContentRefusal = 'NOT_OUR_EXTENSION' | 'NOT_AP_PAGE' | 'NOT_ALLOWED';
export type ContentParse = { ok: true; request: ContentRequest } | { ok: false; reason: ContentRefusal };

/**
 * Accepts a content script's message only from this extension, sent by a page on an Aplikacja Podatnika host, in
 * the narrow schema, naming the environment of the page it came from (a helper on TEST cannot set up production).
 */
export function parseContentRequest(
  message: unknown,
  sender: SenderInfo,
  extensionId: string | undefined = (globalThis as { chrome?: { runtime?: { id?: string } } }).chrome?.runtime?.id,
): ContentParse {
  if (!extensionId || sender?.id !== extensionId) return { ok: false, reason: 'NOT_OUR_EXTENSION' };
  const environment = typeof sender.url === 'string' ? apEnvironmentOf(sender.url) : undefined;
  if (!environment) return { ok: false, reason: 'NOT_AP_PAGE' };
  const parsed = contentRequestSchema().safeParse(message);
  if (!parsed.success) return { ok: false, reason: 'NOT_ALLOWED' };
  if (parsed.data.environment !== environment) return { ok: false, reason: 'NOT_AP_PAGE' };
  return { ok: true, request: parsed.data };
}

/** The worker's answer to a refused content-script message: nothing happened, and why. */
export function contentRefusal(reason: ContentRefusal): Response<never> {
  return {
    ok: false,
    error: {
      code: 'CONTENT_REQUEST_REFUSED',
      message: t('pl', 'msg_error_CONTENT_REQUEST_REFUSED'),
      messageEn: t('en', 'msg_error_CONTENT_REQUEST_REFUSED'),
      data: { reason },
    },
  };
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
  const response = (await send(requestSchema().parse(request))) as Response<T> | undefined;
  if (!response) {
    throw Object.assign(new Error(t('pl', 'msg_error_NO_RESPONSE')), {
      code: 'NO_RESPONSE',
      messageEn: t('en', 'msg_error_NO_RESPONSE'),
    });
  }
  if (response.ok) return response.result;
  throw Object.assign(new Error(response.error.message), response.error);
}
