// Counts and short lists for the badge, the popup and the sync, always through an index and a bounded key
// range: nothing here scans the whole store.
import { checkId, checkLimit, type StoreContext } from './context';
import type { InvoiceRecord } from './invoice-record';
import { MAX_PAGE } from './invoice-page';
import { INVOICE_STATES, type InvoiceState } from './records';

export function invoiceQueryFunctions({ db }: StoreContext) {
  /** How many invoices are in each state, for one profile or all (the badge): index counts, no scan. */
  async function countByState(profileId?: string): Promise<Record<InvoiceState, number>> {
    if (profileId !== undefined) checkId('profileId', profileId);
    const store = (await db()).transaction('invoices').store;
    const counts = await Promise.all(
      INVOICE_STATES.map((state) => {
        const prefix = profileId !== undefined ? [profileId, state] : [state];
        const index = store.index(profileId !== undefined ? 'byProfileStateIssueDate' : 'byStateIssueDate');
        return index.count(IDBKeyRange.bound(prefix, [...prefix, []]));
      }),
    );
    return { new: counts[0] ?? 0, seen: counts[1] ?? 0, booked: counts[2] ?? 0 };
  }

  /** Up to `limit` records from one index prefix, ordered by the rest of the index key. */
  async function listByPrefix(
    indexName: 'byProfileStorageDate' | 'byProfileNotified' | 'byProfileHasXml',
    prefix: (string | number)[],
    limit: number,
    direction: IDBCursorDirection,
  ): Promise<InvoiceRecord[]> {
    const index = (await db()).transaction('invoices').store.index(indexName);
    const items: InvoiceRecord[] = [];
    let cursor = await index.openCursor(IDBKeyRange.bound(prefix, [...prefix, []]), direction);
    while (cursor) {
      items.push(cursor.value);
      if (items.length >= limit) break;
      cursor = await cursor.continue();
    }
    return items;
  }

  /** The `n` invoices that reached KSeF's repository last (the popup's "newest"). */
  function newestInvoices(profileId: string, n: number): Promise<InvoiceRecord[]> {
    checkId('profileId', profileId);
    checkLimit('n', n, MAX_PAGE);
    return listByPrefix('byProfileStorageDate', [profileId], n, 'prev');
  }

  /** Invoices whose notification was not raised yet, oldest first. */
  function listUnnotified(profileId: string, limit = MAX_PAGE): Promise<InvoiceRecord[]> {
    checkId('profileId', profileId);
    checkLimit('limit', limit, MAX_PAGE);
    return listByPrefix('byProfileNotified', [profileId, 0], limit, 'next');
  }

  /** The download queue: invoices without XML, oldest first (issue 5). */
  function nextXmlToDownload(profileId: string, n: number): Promise<InvoiceRecord[]> {
    checkId('profileId', profileId);
    checkLimit('n', n, MAX_PAGE);
    return listByPrefix('byProfileHasXml', [profileId, 0], n, 'next');
  }

  /**
   * What an announcement needs (issue 5): how many invoices await it, the oldest few (named in the
   * notification) and the newest (where `markNotifiedThrough` stops). Index counts and short cursors only.
   */
  async function unnotifiedSummary(
    profileId: string,
    sample: number,
  ): Promise<{ count: number; oldest: InvoiceRecord[]; newest: InvoiceRecord | undefined }> {
    checkId('profileId', profileId);
    checkLimit('sample', sample, MAX_PAGE);
    const range = IDBKeyRange.bound([profileId, 0], [profileId, 0, []]);
    const count = await (await db()).transaction('invoices').store.index('byProfileNotified').count(range);
    if (count === 0) return { count, oldest: [], newest: undefined };
    const [oldest, newest] = await Promise.all([
      listByPrefix('byProfileNotified', [profileId, 0], sample, 'next'),
      listByPrefix('byProfileNotified', [profileId, 0], 1, 'prev'),
    ]);
    return { count, oldest, newest: newest[0] };
  }

  return { countByState, newestInvoices, listUnnotified, nextXmlToDownload, unnotifiedSummary };
}
