// lib/store: the IndexedDB schema (idb) and the small functions that read and write it. Public surface only;
// context.ts (shared checks) and the per-store factories are private: use createStore.
export { createStore } from './store';
export type { Store } from './store';
export { isQuotaExceeded } from './errors';
export { SUBJECT_TYPES, INVOICE_STATES } from './records';
export type {
  Environment,
  SubjectType,
  InvoiceState,
  Preferences,
  Profile,
  ProfileInput,
  SyncState,
  Tokens,
  LogEntry,
} from './records';
export type { InvoiceMetadata, InvoiceRecord, InvoiceKey } from './invoice-record';
export type { InvoiceCursor, InvoiceDateField, InvoicePage } from './invoice-page';
export type { InvoiceSearchQuery, SearchOptions } from './invoice-search';
export { MAX_SEARCH_LENGTH } from './search-terms';
export { defaultPreferences } from './profiles';
export { initialSyncState } from './sync-state';
export type { Credentials } from './credentials';
export { CUSTODY_MODES, type Custody, type SealedKey } from './records';
export { ENROLMENT_STEPS, type EnrolmentStep, type PendingEnrolment } from './records';
export { requestPersistentStorage } from './persist';
export type { PersistOutcome } from './persist';
