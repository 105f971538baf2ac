// Keyset paging through the invoice indexes for the inbox and the popup: a page costs `limit` reads wherever
// it is, so the pages stay fast with 10 000+ invoices stored (issue 7). No offset, no scan.
import { checkId, checkLimit, type StoreContext } from './context';
import type { InvoiceRecord } from './invoice-record';
import { INVOICE_STATES, type InvoiceState } from './records';
import type { InvoiceIndexes } from './schema';

export type InvoiceDateField = 'issueDate' | 'permanentStorageDate';

/** Where a page ended; pass it as `after` for the next page. */
export interface InvoiceCursor {
  date: string;
  profileId: string;
  ksefNumber: string;
}

export interface InvoicePageQuery {
  /** One profile, or all of them. */
  profileId?: string;
  state?: InvoiceState;
  /** The date the list is ordered and bounded by; 'issueDate' unless given. */
  dateField?: InvoiceDateField;
  /** Inclusive bounds: YYYY-MM-DD (a whole day) or an ISO date-time (compared in UTC). */
  from?: string;
  to?: string;
  direction: 'asc' | 'desc';
  limit: number;
  after?: InvoiceCursor;
}

export interface InvoicePage {
  items: InvoiceRecord[];
  /** The cursor of the last item when more follow, else null. */
  next: InvoiceCursor | null;
}

export const MAX_PAGE = 1000;
/** Sorts after every string, so [prefix, to + HIGH] closes a range that includes the whole `to` day. */
const HIGH = '\uffff';

function pickIndex(byProfile: boolean, byState: boolean, field: InvoiceDateField): keyof InvoiceIndexes {
  const suffix = field === 'issueDate' ? 'IssueDate' : 'StorageDate';
  return `by${byProfile ? 'Profile' : ''}${byState ? 'State' : ''}${suffix}` as keyof InvoiceIndexes;
}

function normaliseBound(name: string, value: unknown, field: InvoiceDateField): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
    throw new TypeError(`"${name}" must be a date (YYYY-MM-DD) or an ISO date-time`);
  }
  if (value.length === 10 || field === 'issueDate') return value.slice(0, 10);
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) throw new TypeError(`"${name}" must be a date (YYYY-MM-DD) or an ISO date-time`);
  return time.toISOString();
}

export function cursorOf(record: InvoiceRecord, dateField: InvoiceDateField = 'issueDate'): InvoiceCursor {
  return { date: record[dateField], profileId: record.profileId, ksefNumber: record.ksefNumber };
}

export function checkQuery(query: InvoicePageQuery): void {
  if (typeof query !== 'object' || query === null) throw new TypeError('"query" must be an object');
  if (query.profileId !== undefined) checkId('profileId', query.profileId);
  if (query.state !== undefined && !INVOICE_STATES.includes(query.state)) {
    throw new TypeError(`"state" must be one of ${INVOICE_STATES.join(', ')}`);
  }
  if (query.dateField !== undefined && query.dateField !== 'issueDate' && query.dateField !== 'permanentStorageDate') {
    throw new TypeError('"dateField" must be issueDate or permanentStorageDate');
  }
  if (query.direction !== 'asc' && query.direction !== 'desc') throw new TypeError('"direction" must be asc or desc');
  checkLimit('limit', query.limit, MAX_PAGE);
  const after = query.after;
  if (after !== undefined) {
    const parts = typeof after === 'object' && after !== null ? [after.date, after.profileId, after.ksefNumber] : [];
    if (parts.length === 0 || !parts.every((part) => typeof part === 'string')) {
      throw new TypeError('"after" must be a cursor from a previous page');
    }
    if (query.profileId !== undefined && after.profileId !== query.profileId) {
      throw new TypeError('"after" must come from a page of the same profile');
    }
  }
}

/** Which date index a query reads, the key range it covers (null when empty) and each record's key in it. */
export interface PagePlan {
  indexName: keyof InvoiceIndexes;
  range: IDBKeyRange | null;
  /** The record's key in `indexName`: the order pages follow. */
  keyOf: (record: InvoiceRecord) => IDBValidKey;
}

/** The index, range and key order of a checked query; the search (invoice-search.ts) pages the same way. */
export function planPage(query: InvoicePageQuery, cmp: StoreContext['cmp']): PagePlan {
  const { profileId, state, direction, after } = query;
  const dateField = query.dateField ?? 'issueDate';
  const prefix: string[] = [...(profileId !== undefined ? [profileId] : []), ...(state !== undefined ? [state] : [])];
  // The key layout of the index pickIndex names: [profileId?, state?, date, profileId unless fixed, ksefNumber].
  const key = (head: string[], c: InvoiceCursor) =>
    profileId !== undefined ? [...head, c.date, c.ksefNumber] : [...head, c.date, c.profileId, c.ksefNumber];
  const keyOfCursor = (c: InvoiceCursor) => key(prefix, c);
  const keyOf = (record: InvoiceRecord) =>
    key(
      [...(profileId !== undefined ? [record.profileId] : []), ...(state !== undefined ? [record.state] : [])],
      cursorOf(record, dateField),
    );
  let lower: IDBValidKey = query.from === undefined ? prefix : [...prefix, normaliseBound('from', query.from, dateField)];
  let upper: IDBValidKey =
    query.to === undefined ? [...prefix, []] : [...prefix, normaliseBound('to', query.to, dateField) + HIGH];
  let lowerOpen = false;
  let upperOpen = false;
  if (after && direction === 'asc' && cmp(keyOfCursor(after), lower) >= 0) [lower, lowerOpen] = [keyOfCursor(after), true];
  if (after && direction === 'desc' && cmp(keyOfCursor(after), upper) <= 0) [upper, upperOpen] = [keyOfCursor(after), true];
  const order = cmp(lower, upper);
  const empty = order > 0 || (order === 0 && (lowerOpen || upperOpen));
  return {
    indexName: pickIndex(profileId !== undefined, state !== undefined, dateField),
    range: empty ? null : IDBKeyRange.bound(lower, upper, lowerOpen, upperOpen),
    keyOf,
  };
}

export function invoicePageFunctions({ db, cmp }: StoreContext) {
  /**
   * One page of invoices in date order (keyset paging: `after` continues just past the last key seen, so a
   * page costs `limit` reads whatever the position). For the page before, query the other direction from
   * the first item's cursor and reverse the items.
   */
  async function listInvoicesPage(query: InvoicePageQuery): Promise<InvoicePage> {
    checkQuery(query);
    const { direction, limit } = query;
    const { indexName, range } = planPage(query, cmp);
    if (!range) return { items: [], next: null };
    const index = (await db()).transaction('invoices').store.index(indexName);
    const items: InvoiceRecord[] = [];
    let cursor = await index.openCursor(range, direction === 'asc' ? 'next' : 'prev');
    while (cursor) {
      items.push(cursor.value);
      if (items.length > limit) break;
      cursor = await cursor.continue();
    }
    const more = items.length > limit;
    if (more) items.pop();
    const last = items[items.length - 1];
    return { items, next: more && last ? cursorOf(last, query.dateField) : null };
  }

  return { listInvoicesPage };
}
