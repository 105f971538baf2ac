// lib/inbox: what the inbox page shows and exports, as pure functions over the store's keyset pages.
export { MAX_SEARCH_LENGTH, SEARCH_MIN_INSTANT, SEARCH_PAUSE_MS, searchDelay } from './filter';
export type { InboxFilter } from './filter';
export { loadInboxPage, collectInvoices } from './search';
export { PERIODS, periodRange } from './period';
export type { Period } from './period';
export { invoicesToCsv, csvFileName, sentInvoicesToCsv, sentCsvFileName } from './csv';
export type { SentCsvItem } from './csv';
export { parseInboxTarget } from './open-url';
export type { InboxTarget } from './open-url';
export { rowAmounts, METADATA_VAT_CURRENCY } from './amounts';
export type { RowAmounts } from './amounts';
