// lib/inbox: what the inbox page shows and exports, as pure functions over the store's keyset pages.
export { checkFilter, MAX_SEARCH_LENGTH } from './filter';
export type { InboxFilter } from './filter';
export { loadInboxPage, collectInvoices, toSearchQuery } from './search';
export type { InboxPage, InboxPageOptions, SearchInvoicesPage } from './search';
export { PERIODS, periodRange } from './period';
export type { Period } from './period';
export { csvCell, csvAmount, csvDate, invoicesToCsv, csvFileName, CSV_BOM } from './csv';
export { parseInboxTarget, inboxTargetSearch, MAX_TARGET_NUMBERS } from './open-url';
export type { InboxTarget } from './open-url';
