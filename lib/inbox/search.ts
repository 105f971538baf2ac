// One page of the inbox: the index narrows (profile, state, dates, order) and the record check (seller,
// search text) filters what the cursor walks, in bounded steps. A search over 10 000 invoices reads them in
// chunks and stops at `maxScan`, so the page stays responsive and says where to continue.
import type { InvoiceCursor, InvoicePage, InvoicePageQuery, InvoiceRecord } from '../store';
import { checkFilter, matchesInvoice, needsRecordCheck, type InboxFilter } from './filter';

/** The store function the walk reads through (a seam: tests and pages pass `store.listInvoicesPage`). */
export type ListInvoicesPage = (query: InvoicePageQuery) => Promise<InvoicePage>;

export interface InboxPageOptions {
  limit: number;
  /** Continue after this record (the `next` of the previous page). */
  after?: InvoiceCursor;
  /** At most this many records are read for one call; default 20 000. */
  maxScan?: number;
  /** Records read per store call; default 500. */
  chunk?: number;
}

export interface InboxPage {
  items: InvoiceRecord[];
  /** Where to continue, or null when the whole range was read. */
  next: InvoiceCursor | null;
  /** How many records were read to fill this page. */
  scanned: number;
  /** True when the walk stopped at maxScan before filling the page (more may match further on). */
  partial: boolean;
}

// A search over 10 000 stored invoices completes in one call; a larger store answers in steps of this size.
export const DEFAULT_MAX_SCAN = 20_000;
const DEFAULT_CHUNK = 500;

function checkCount(name: string, value: unknown, max: number): asserts value is number {
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > max) {
    throw new TypeError(`"${name}" must be an integer from 1 to ${max}`);
  }
}

/** The index part of a filter, as the store's page query. */
export function toPageQuery(filter: InboxFilter, limit: number, after?: InvoiceCursor): InvoicePageQuery {
  return {
    ...(filter.profileId !== undefined ? { profileId: filter.profileId } : {}),
    ...(filter.state !== undefined ? { state: filter.state } : {}),
    dateField: filter.dateField,
    ...(filter.from !== undefined ? { from: filter.from } : {}),
    ...(filter.to !== undefined ? { to: filter.to } : {}),
    direction: filter.direction,
    limit,
    ...(after !== undefined ? { after } : {}),
  };
}

/** One page of what the filter shows, reading through `listPage` in chunks. */
export async function loadInboxPage(
  listPage: ListInvoicesPage,
  filter: InboxFilter,
  options: InboxPageOptions,
): Promise<InboxPage> {
  if (typeof listPage !== 'function') throw new TypeError('"listPage" must be a function');
  checkFilter(filter);
  checkCount('limit', options?.limit, 1_000);
  const maxScan = options.maxScan ?? DEFAULT_MAX_SCAN;
  checkCount('maxScan', maxScan, 1_000_000);
  const chunk = options.chunk ?? DEFAULT_CHUNK;
  checkCount('chunk', chunk, 1_000);
  const { limit } = options;
  if (!needsRecordCheck(filter)) {
    const page = await listPage(toPageQuery(filter, limit, options.after));
    return { items: page.items, next: page.next, scanned: page.items.length, partial: false };
  }
  const items: InvoiceRecord[] = [];
  let after = options.after;
  let scanned = 0;
  for (;;) {
    const page = await listPage(toPageQuery(filter, Math.min(chunk, maxScan - scanned), after));
    for (const record of page.items) {
      scanned++;
      after = { date: record[filter.dateField], profileId: record.profileId, ksefNumber: record.ksefNumber };
      if (matchesInvoice(record, filter)) items.push(record);
      if (items.length === limit) {
        const last = page.items[page.items.length - 1];
        const more = record !== last || page.next !== null;
        return { items, next: more ? after : null, scanned, partial: false };
      }
    }
    if (!page.next) return { items, next: null, scanned, partial: false };
    if (scanned >= maxScan) return { items, next: after ?? null, scanned, partial: true };
  }
}

/** Every record the filter shows, up to `max` (the CSV export); reads in chunks through the same walk. */
export async function collectInvoices(
  listPage: ListInvoicesPage,
  filter: InboxFilter,
  max = 100_000,
): Promise<{ items: InvoiceRecord[]; truncated: boolean }> {
  checkCount('max', max, 1_000_000);
  const items: InvoiceRecord[] = [];
  let after: InvoiceCursor | undefined;
  while (items.length < max) {
    const page = await loadInboxPage(listPage, filter, {
      limit: Math.min(1_000, max - items.length),
      after,
      maxScan: 1_000_000,
      chunk: 1_000,
    });
    items.push(...page.items);
    if (!page.next) return { items, truncated: false };
    after = page.next;
  }
  return { items, truncated: true };
}
