// One page of the inbox: the store answers from its indexes (the date indexes for the list, the search-term
// index for the search box and the seller NIP; issue 10 item 5), so a page never walks the whole store and
// every invoice is findable whatever its size. A search made stale by further typing is aborted.
import { checkCount } from '../core/checks';
import type { InvoiceCursor, InvoicePage, InvoiceRecord, InvoiceSearchQuery, SearchOptions } from '../store';
import { checkFilter, type InboxFilter } from './filter';

/** The store function pages are read through (a seam: pages pass `store.searchInvoicesPage`). */
export type SearchInvoicesPage = (query: InvoiceSearchQuery, options?: SearchOptions) => Promise<InvoicePage>;

export interface InboxPageOptions {
  limit: number;
  /** Continue after this record (the `next` of the previous page). */
  after?: InvoiceCursor;
  /** Aborted when the filter changed: the page is no longer wanted. */
  signal?: AbortSignal;
}

export type InboxPage = InvoicePage;

/** A filter as the store's query. */
export function toSearchQuery(filter: InboxFilter, limit: number, after?: InvoiceCursor): InvoiceSearchQuery {
  return {
    ...(filter.profileId !== undefined ? { profileId: filter.profileId } : {}),
    ...(filter.state !== undefined ? { state: filter.state } : {}),
    dateField: filter.dateField,
    ...(filter.from !== undefined ? { from: filter.from } : {}),
    ...(filter.to !== undefined ? { to: filter.to } : {}),
    direction: filter.direction,
    limit,
    ...(after !== undefined ? { after } : {}),
    ...(filter.sellerNip !== undefined ? { sellerNip: filter.sellerNip } : {}),
    ...(filter.search !== undefined ? { search: filter.search } : {}),
  };
}

/** One page of what the filter shows. */
export async function loadInboxPage(
  searchPage: SearchInvoicesPage,
  filter: InboxFilter,
  options: InboxPageOptions,
): Promise<InboxPage> {
  if (typeof searchPage !== 'function') throw new TypeError('"searchPage" must be a function');
  checkFilter(filter);
  checkCount('limit', options?.limit, 1_000);
  const { signal } = options;
  return searchPage(toSearchQuery(filter, options.limit, options.after), signal ? { signal } : {});
}

/** Every record the filter shows, up to `max` (the CSV export), page by page. */
export async function collectInvoices(
  searchPage: SearchInvoicesPage,
  filter: InboxFilter,
  max = 100_000,
  signal?: AbortSignal,
): Promise<{ items: InvoiceRecord[]; truncated: boolean }> {
  checkCount('max', max, 1_000_000);
  const items: InvoiceRecord[] = [];
  let after: InvoiceCursor | undefined;
  while (items.length < max) {
    const page = await loadInboxPage(searchPage, filter, {
      limit: Math.min(1_000, max - items.length),
      ...(after ? { after } : {}),
      ...(signal ? { signal } : {}),
    });
    items.push(...page.items);
    if (!page.next) return { items, truncated: false };
    after = page.next;
  }
  return { items, truncated: true };
}
