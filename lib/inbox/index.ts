// lib/inbox: what the inbox page shows and exports, as pure functions over the store's keyset pages.
// Not exported: text folding (text.ts), used only through matchesInvoice.
export { checkFilter, matchesInvoice, needsRecordCheck, MAX_SEARCH_LENGTH } from './filter';
export type { InboxFilter } from './filter';
export { loadInboxPage, collectInvoices, toPageQuery, DEFAULT_MAX_SCAN } from './search';
export type { InboxPage, InboxPageOptions, ListInvoicesPage } from './search';
export { PERIODS, periodRange } from './period';
export type { Period } from './period';
export { csvCell, csvAmount, csvDate, invoicesToCsv, csvFileName, CSV_BOM } from './csv';
export { parseInboxTarget, inboxTargetSearch, MAX_TARGET_NUMBERS } from './open-url';
export type { InboxTarget } from './open-url';
