// The user's own invoices on their way to KSeF (issue 12, Sending §3): one outbox item per invoice file
// and one record per online session, each defined once here in zod/mini (the check and the type together).
// The session record holds the session's AES key as a NON-extractable CryptoKey (IndexedDB keeps it by
// structured clone), so a restarted worker can go on sending in the same session (NOTES §8.2).
import * as z from 'zod/mini';

/**
 * queued: stored, not yet posted. sending: the POST may be in flight (a resume asks KSeF first). sent: KSeF gave
 * the invoice reference (202), status not final. accepted: status 200, ksefNumber set. rejected: KSeF said 4xx for
 * the invoice. failed: we could not finish (network, budget, a KSeF fault) — the user may retry.
 */
export const OUTBOX_STEPS = ['queued', 'sending', 'sent', 'accepted', 'rejected', 'failed'] as const;
export type OutboxStep = (typeof OUTBOX_STEPS)[number];
/** Steps the engine still has to move on. */
export const PENDING_STEPS = ['queued', 'sending', 'sent'] as const satisfies readonly OutboxStep[];

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const id = text(200);
const isoDateTime = z.iso.datetime({ offset: true });
const base64Sha256 = z.string().check(z.regex(/^[A-Za-z0-9+/]{43}=$/));
const reference = text(100);
const xml = z.string().check(z.minLength(1));

/** What lib/send/check read from the file (Sending §1 `InvoiceFacts`). */
export const invoiceFactsSchema = z.lazy(() => z.strictObject({
  sellerNip: z.string().check(z.regex(/^\d{10}$/)),
  sellerName: z.optional(z.string().check(z.maxLength(512))),
  buyerNip: z.optional(z.string().check(z.maxLength(50))),
  buyerName: z.optional(z.string().check(z.maxLength(512))),
  kind: text(20),
  number: text(256),
  issueDate: z.iso.date(),
  currency: z.optional(z.string().check(z.maxLength(10))),
  gross: z.optional(z.string().check(z.maxLength(40))),
  /** UTF-8 bytes of the file, at most 1 000 000 (NOTES §8.4). */
  sizeBytes: z.number().check(z.int(), z.minimum(1), z.maximum(1_000_000)),
  /** base64 SHA-256 of the file: KSeF's invoiceHash (NOTES §8.2). */
  sha256Base64: base64Sha256,
}));
export type InvoiceFacts = z.infer<typeof invoiceFactsSchema>;

/** KSeF's `status` of the invoice (SessionInvoiceStatusResponse), `extensions.originalKsefNumber` lifted. */
const ksefStatusSchema = z.lazy(() => z.strictObject({
  code: z.number().check(z.int()),
  description: z.string().check(z.maxLength(2000)),
  details: z.optional(z.array(z.string().check(z.maxLength(4000))).check(z.maxLength(100))),
  originalKsefNumber: z.optional(text(64)),
}));
export type KsefInvoiceStatus = z.infer<typeof ksefStatusSchema>;

export const outboxItemSchema = z.lazy(() => z.strictObject({
  id,
  profileId: id,
  batchId: id,
  fileName: text(512),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  step: z.enum(OUTBOX_STEPS),
  /** The exact text sent. */
  xml,
  facts: invoiceFactsSchema,
  sessionRef: z.optional(reference),
  invoiceRef: z.optional(reference),
  ordinalNumber: z.optional(z.number().check(z.int(), z.minimum(1))),
  ksefNumber: z.optional(text(64)),
  acquisitionDate: z.optional(isoDateTime),
  permanentStorageDate: z.optional(isoDateTime),
  ksefStatus: z.optional(ksefStatusSchema),
  /** The per-invoice UPO, original XML. */
  upoXml: z.optional(xml),
  /** `until`: a budget or limit wait; the worker resumes on its own then. */
  error: z.optional(
    z.strictObject({
      code: text(100),
      message: z.string().check(z.maxLength(2000)),
      messageEn: z.optional(z.string().check(z.maxLength(2000))),
      until: z.optional(isoDateTime),
    }),
  ),
  /** The batch-end notification named this item's outcome. */
  notified: z.optional(z.boolean()),
  /**
   * Present (= createdAt) until the item's outcome was announced: the index `byProfileUnfinished` lists the
   * items the engine still owes something (a step, a UPO, the notification) without reading every sent XML.
   */
  unfinished: z.optional(isoDateTime),
  /** Failed tries in a row (network, KSeF 5xx): after a few the item ends `failed`. */
  attempts: z.optional(z.number().check(z.int(), z.minimum(0))),
  /** The per-invoice UPO could not be fetched after several tries (the item stays accepted). */
  upoMissing: z.optional(z.boolean()),
}));
export type OutboxItem = z.infer<typeof outboxItemSchema>;
/** The fields `updateOutboxItem` may change. */
export type OutboxPatch = Partial<Omit<OutboxItem, 'id' | 'profileId' | 'createdAt' | 'updatedAt'>>;

const cryptoKey = z.custom<CryptoKey>((value) => typeof CryptoKey !== 'undefined' && value instanceof CryptoKey);

/** One online session (NOTES §8.3); `aesKey`/`iv` are dropped once it is closed. */
export const sendSessionSchema = z.lazy(() => z.strictObject({
  sessionRef: reference,
  profileId: id,
  batchId: id,
  openedAt: isoDateTime,
  validUntil: isoDateTime,
  closedAt: z.optional(isoDateTime),
  /** The last SessionStatusResponse.status seen. */
  status: z.optional(z.strictObject({ code: z.number().check(z.int()), description: z.string().check(z.maxLength(2000)) })),
  /** The collective UPO pages, original XML, in page order. */
  upoXml: z.optional(z.array(xml)),
  /** AES-256-CBC, non-extractable, usage encrypt only. */
  aesKey: z.optional(cryptoKey),
  /** base64 of the 16-byte IV sent at opening. */
  iv: z.optional(z.string().check(z.regex(/^[A-Za-z0-9+/]{22}==$/))),
  /** KSeF ended the session for us (limit 21155, expiry, status 415): nothing more is posted in it. */
  full: z.optional(z.boolean()),
  /** The collective UPO could not be fetched after several tries. */
  upoMissing: z.optional(z.boolean()),
  attempts: z.optional(z.number().check(z.int(), z.minimum(0))),
}));
export type SendSession = z.infer<typeof sendSessionSchema>;
export type SendSessionPatch = Partial<Omit<SendSession, 'sessionRef' | 'profileId' | 'batchId' | 'openedAt'>>;
