// An invoice as stored: KSeF's InvoiceMetadata kept whole, plus the copies of its dates and the 0/1 flags the
// indexes need. IndexedDB cannot index booleans, and a date-time index only sorts right when every value has
// one form, so `issueDate` is YYYY-MM-DD and `permanentStorageDate` is UTC `toISOString()` text.
import * as z from 'zod/mini';
import { isoDateTime, type InvoiceState, type SubjectType } from './records';

const nullableText = z.nullish(z.string());

/**
 * The part of KSeF's InvoiceMetadata (openapi.json, NOTES §7.1) the store and the pages rely on. Other
 * properties are kept as they came (KSeF asks clients to ignore what they do not know).
 */
export const invoiceMetadataSchema = z.lazy(() => z.looseObject({
  ksefNumber: z.string().check(z.minLength(1), z.maxLength(64)),
  invoiceNumber: z.string().check(z.maxLength(256)),
  issueDate: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}/)),
  invoicingDate: isoDateTime,
  acquisitionDate: isoDateTime,
  permanentStorageDate: isoDateTime,
  seller: z.looseObject({ nip: z.string(), name: nullableText }),
  buyer: z.looseObject({
    identifier: z.looseObject({ type: z.string(), value: nullableText }),
    name: nullableText,
  }),
  netAmount: z.number(),
  grossAmount: z.number(),
  vatAmount: z.number(),
  currency: z.string().check(z.length(3)),
  invoiceType: z.string(),
  invoiceHash: z.string(),
}));
export type InvoiceMetadata = z.infer<typeof invoiceMetadataSchema>;

export interface InvoiceRecord {
  profileId: string;
  /** Normalised (see `normaliseKsefNumber`); `metadata.ksefNumber` keeps KSeF's spelling. */
  ksefNumber: string;
  /** The subject type whose sync stored it first. */
  subjectType: SubjectType;
  metadata: InvoiceMetadata;
  /** YYYY-MM-DD, from metadata.issueDate. */
  issueDate: string;
  /** UTC ISO text, from metadata.permanentStorageDate. */
  permanentStorageDate: string;
  state: InvoiceState;
  /**
   * Schema versions 1–3 only: 1 once the notification that announced it was raised. Version 4 reads it once, in
   * its migration; since then announcing is the profile's watermark over `seq` (invoice-counts.ts), and new
   * records do not carry it.
   */
  notified?: 0 | 1;
  /**
   * Its place in the profile's announcement order (invoice-counts.ts): given when it is stored to be announced,
   * absent when it was stored already announced (older invoices), or taken off when `markNotified` announced it
   * on its own.
   */
  seq?: number;
  /** 1 once the XML is stored (in `invoiceXml`); the download queue is the index of the zeros. */
  hasXml: 0 | 1;
  /** Base64 SHA-256 of the XML as KSeF sent it (`x-ms-meta-hash`). */
  xmlHash?: string;
  xmlFetchedAt?: string;
  /** When this extension stored it. */
  receivedAt: string;
  /** What the inbox search finds it by (`searchTermsOf`, the multiEntry index `bySearchTerm`; schema version 2). */
  searchTerms: string[];
}

/** The downloaded file of one invoice, kept in its own store so that list pages never read it. */
export interface InvoiceXmlRecord {
  profileId: string;
  /** Normalised, as in InvoiceRecord. */
  ksefNumber: string;
  xml: string;
}

/** Names one invoice of one profile. */
export interface InvoiceKey {
  profileId: string;
  ksefNumber: string;
}

const LEGACY_KSEF_NUMBER = /^(\d{10}-\d{8}-[0-9A-F]{6})-([0-9A-F]{6}-[0-9A-F]{2})$/;

/**
 * One spelling per invoice, so that dedupe works whatever form a response used: trimmed, upper case, and the
 * 36-character KSeF 1.0 form (an extra dash in the technical part, NOTES §11) folded into the 35-character one.
 */
export function normaliseKsefNumber(ksefNumber: string): string {
  if (typeof ksefNumber !== 'string' || ksefNumber.trim() === '') {
    throw new TypeError('"ksefNumber" must be a non-empty string');
  }
  const upper = ksefNumber.trim().toUpperCase();
  const legacy = LEGACY_KSEF_NUMBER.exec(upper);
  return legacy ? `${legacy[1]}${legacy[2]}` : upper;
}

/** The primary key of the invoices store. */
export function invoiceKey(profileId: string, ksefNumber: string): [string, string] {
  if (typeof profileId !== 'string' || profileId === '') throw new TypeError('"profileId" must be a non-empty string');
  return [profileId, normaliseKsefNumber(ksefNumber)];
}
