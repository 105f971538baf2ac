// The seam of the local check (ARCHITECTURE.md, Sending: the local check): what the send view, the worker's re-check and
// the outbox (OutboxItem.facts) share. Rules themselves live in the sibling modules; this file only names things.

/** Stable codes (the contract's list). A sub-case that needs its own wording goes in `data.rule`. */
export const SEND_CHECK_CODES = [
  'EMPTY_FILE',
  'TOO_LARGE',
  'NOT_UTF8',
  'HAS_BOM',
  'NOT_XML',
  'NOT_FA3',
  'XSD_INVALID',
  'NO_ORGANISATION',
  'SELLER_NOT_ORGANISATION',
  'ISSUE_DATE_IN_FUTURE',
  'ALREADY_SENT',
  'DUPLICATE_IN_BATCH',
] as const;
export type SendCheckCode = (typeof SEND_CHECK_CODES)[number];

/** KSeF's size limit for an invoice without attachments, in bytes of the plaintext file (NOTES §8.4). */
export const MAX_INVOICE_BYTES = 1_000_000;
/** Target namespace of schemat_FA(3)_v1-0E.xsd (NOTES §8.4). */
export const FA3_NAMESPACE = 'http://crd.gov.pl/wzor/2025/06/25/13775/';
/** KodFormularza attributes of FA(3); the same strings open the session (`formCode`, NOTES §8.3). */
export const FA3_SYSTEM_CODE = 'FA (3)';
export const FA3_SCHEMA_VERSION = '1-0E';

export interface SendProfile {
  id: string;
  nip: string;
  name: string;
}

export interface EarlierSend {
  ksefNumber?: string;
  at: string;
  where: 'outbox' | 'invoices';
  outboxItemId?: string;
}

export interface CheckContext {
  profiles: SendProfile[];
  /** The organisation the user picked; when absent, the one whose NIP equals the seller NIP. */
  profileId?: string;
  now: Date;
  /** Same seller NIP + RodzajFaktury + P_2 already in the outbox (not failed-locally) or the invoice store. */
  findEarlier(sellerNip: string, kind: string, number: string): Promise<EarlierSend | undefined>;
}

/** What the check reads from a file; the outbox keeps it (its schema is the one definition). */
export type { InvoiceFacts } from '../../store/outbox-records';
import type { InvoiceFacts } from '../../store/outbox-records';

export interface SendProblem {
  code: SendCheckCode;
  line?: number;
  /** Element path from the root, local names: `Faktura/Fa/P_1`, `Faktura/Fa/FaWiersz[3]/P_12`. */
  path?: string;
  /** The raw technical message (parser or libxml2), for a "details" disclosure and bug reports. */
  detail?: string;
  data?: Record<string, string>;
}

export interface FileCheck {
  fileName: string;
  /** No problem at all: may be sent. */
  ok: boolean;
  problems: SendProblem[];
  /** Present whenever the XML could be read. */
  facts?: InvoiceFacts;
  /** The organisation it will be sent for. */
  profileId?: string;
  /** The exact text to send (decoded UTF-8, unchanged), present when ok. */
  xml?: string;
}

export interface InvoiceFile {
  name: string;
  bytes: Uint8Array;
}
