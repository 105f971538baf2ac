// The database as the current code sees it (idb's typed DBSchema). migrations.ts builds it step by step; a
// test checks that every upgrade path ends in the same stores and indexes as a fresh install.
import type { DBSchema, StoreNames } from 'idb';
import type { InvoiceCounts } from './invoice-counts';
import type { InvoiceRecord, InvoiceXmlRecord } from './invoice-record';
import type {
  CredentialsRecord,
  InvoiceState,
  LogEntry,
  OutboxItem,
  OutboxStep,
  SendSession,
  Profile,
  SubjectType,
  SyncState,
  Tokens,
} from './records';

export const DB_NAME = 'ksef-pilot';

/**
 * Every invoice index ends in the fields that make its key unique (profileId, ksefNumber), so keyset paging
 * is a plain key range: the next page starts just after the last key seen, with no offset to skip. Since
 * version 4 none is declared unique: the primary key already makes each key unique, and Chromium checked
 * every unique index on every write (issue 15). Nor is there an index over all profiles since version 4: a page
 * of every profile merges the per-profile ranges (invoice-page.ts), and each index entry is a cost on every
 * write (issue 15). Flags are 0/1 numbers because IndexedDB does not index booleans.
 */
export type InvoiceIndexes = {
  byProfileIssueDate: [profileId: string, issueDate: string, ksefNumber: string];
  byProfileStorageDate: [profileId: string, permanentStorageDate: string, ksefNumber: string];
  byProfileStateIssueDate: [profileId: string, state: InvoiceState, issueDate: string, ksefNumber: string];
  byProfileStateStorageDate: [profileId: string, state: InvoiceState, permanentStorageDate: string, ksefNumber: string];
  /**
   * Version 4: the invoices stored to be announced, in the order they were stored (`seq`, invoice-counts.ts);
   * those after the profile's `announcedSeq` await a notice. Invoices stored already announced have no `seq`
   * and no entry. Replaces version 1's `byProfileNotified`.
   */
  byProfileSeq: [profileId: string, seq: number];
  /** The XML download queue, oldest first. */
  byProfileHasXml: [profileId: string, hasXml: 0 | 1, permanentStorageDate: string, ksefNumber: string];
  /** multiEntry over `searchTerms` (version 2): the inbox search looks up prefix ranges here, never scans. */
  bySearchTerm: string;
};

export interface KsefPilotDB extends DBSchema {
  profiles: { key: string; value: Profile };
  credentials: { key: string; value: CredentialsRecord };
  tokens: { key: string; value: Tokens };
  invoices: { key: [profileId: string, ksefNumber: string]; value: InvoiceRecord; indexes: InvoiceIndexes };
  /** Downloaded XML, apart from the record so that list pages do not read it (issue 5). */
  invoiceXml: { key: [profileId: string, ksefNumber: string]; value: InvoiceXmlRecord };
  syncState: { key: [profileId: string, subjectType: SubjectType]; value: SyncState };
  outbox: {
    key: string;
    value: OutboxItem;
    indexes: {
      byProfileCreated: [profileId: string, createdAt: string];
      byCreated: string;
      /** Version 3 (issue 12): the engine's work list, the batch view, and the "already sent" check. */
      byProfileStep: [profileId: string, step: OutboxStep, createdAt: string];
      byProfileUnfinished: [profileId: string, unfinished: string];
      byBatch: [batchId: string, createdAt: string];
      byInvoice: [sellerNip: string, kind: string, number: string];
    };
  };
  /** Version 3: the outbox's online sessions, keyed by KSeF's session reference number. */
  sendSessions: { key: string; value: SendSession; indexes: { byBatch: [batchId: string, openedAt: string]; byProfile: [profileId: string, openedAt: string] } };
  log: { key: number; value: LogEntry; indexes: { byProfile: string } };
  /** Version 4 (issue 15): per-profile counts by state and the announcement watermark (invoice-counts.ts). */
  invoiceCounts: { key: string; value: InvoiceCounts };
}

/** The stores that hold one profile's data; `deleteProfileAndData` clears them in one transaction. */
export const PROFILE_STORES = [
  'profiles', 'credentials', 'tokens', 'invoices', 'invoiceXml', 'syncState', 'outbox', 'sendSessions', 'invoiceCounts',
] as const satisfies readonly StoreNames<KsefPilotDB>[];

/** Every store: one profile's data and the activity log. */
export const STORE_NAMES = [...PROFILE_STORES, 'log'] as const satisfies readonly StoreNames<KsefPilotDB>[];
export type StoreName = (typeof STORE_NAMES)[number];
