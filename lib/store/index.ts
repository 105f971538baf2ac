// lib/store: the IndexedDB schema (idb) and the small functions that read and write it. Public surface only;
// context.ts (shared checks) and the per-store factories are private: use createStore.
export { createStore } from './store';
export type { Store, StoreDeps } from './store';
export { openKsefPilotDb } from './db';
export type { OpenOptions } from './db';
export { DB_VERSION, MIGRATIONS } from './migrations';
export type { Migration, UpgradeTransaction } from './migrations';
export { DB_NAME, STORE_NAMES, PROFILE_STORES } from './schema';
export type { KsefPilotDB, InvoiceIndexes, StoreName } from './schema';
export { StoreError, isStoreError, isQuotaExceeded, STORE_ERROR_CODES } from './errors';
export type { StoreErrorCode } from './errors';
export {
  ENVIRONMENTS,
  SUBJECT_TYPES,
  INVOICE_STATES,
  OUTBOX_STATUSES,
  LOG_LEVELS,
  MIN_INTERVAL_MINUTES_KSEF,
  preferencesSchema,
  profileSchema,
  syncStateSchema,
  tokensSchema,
  outboxItemSchema,
} from './records';
export type {
  Environment,
  SubjectType,
  InvoiceState,
  OutboxStatus,
  LogLevel,
  Preferences,
  Profile,
  ProfileInput,
  SyncState,
  Tokens,
  TokensInput,
  OutboxItem,
  OutboxPatch,
  LogEntry,
  LogInput,
  StoredCertificate,
  CredentialsRecord,
} from './records';
export { invoiceMetadataSchema, normaliseKsefNumber } from './invoice-record';
export type { InvoiceMetadata, InvoiceRecord, InvoiceKey, InvoiceXmlRecord } from './invoice-record';
export { cursorOf, MAX_PAGE } from './invoice-page';
export type { InvoiceCursor, InvoiceDateField, InvoicePage, InvoicePageQuery } from './invoice-page';
export type { InvoiceSearchQuery, SearchOptions } from './invoice-search';
export { MAX_SEARCH_LENGTH } from './search-terms';
export { MAX_BATCH } from './invoices';
export { LOG_LIMIT } from './log';
export { defaultPreferences } from './profiles';
export { initialSyncState } from './sync-state';
export type { SyncStatePatch } from './sync-state';
export type { Credentials } from './credentials';
export { isSecretFieldName, findSecretFields, redactLogMessage } from './secrets';
export { requestPersistentStorage } from './persist';
export type { PersistOutcome, PersistApi } from './persist';
