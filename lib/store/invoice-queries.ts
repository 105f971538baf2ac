// Counts and short lists for the badge, the popup and the sync: counts from the counters (invoice-counts.ts),
// lists through an index and a bounded key range. Nothing here scans or counts the whole store.
import { checkId, checkLimit, type StoreContext } from './context';
import type { InvoiceRecord } from './invoice-record';
import { MAX_PAGE } from './invoice-page';
import { stateCountsOf, unannouncedOf, type InvoiceCounts } from './invoice-counts';
import { INVOICE_STATES, type InvoiceState } from './records';

/** The `byProfileSeq` keys after the watermark: the invoices that await a notice. */
function unannouncedRange(counts: InvoiceCounts): IDBKeyRange {
  return IDBKeyRange.bound([counts.profileId, counts.announcedSeq], [counts.profileId, counts.lastSeq], true, false);
}

/** The values of a cursor, up to `limit`. */
async function readCursor(
  start: { value: InvoiceRecord; continue(): Promise<unknown> } | null | undefined,
  limit: number,
): Promise<InvoiceRecord[]> {
  const items: InvoiceRecord[] = [];
  let cursor = start;
  while (cursor && items.length < limit) {
    items.push(cursor.value);
    if (items.length >= limit) break;
    cursor = (await cursor.continue()) as typeof start;
  }
  return items;
}

export function invoiceQueryFunctions({ db }: StoreContext) {
  /**
   * How many invoices are in each state, for one profile or all of them (the badge): the counters kept with
   * every write (invoice-counts.ts), one read per profile, never a walk over the invoices (issue 15).
   */
  async function countByState(profileId?: string): Promise<Record<InvoiceState, number>> {
    if (profileId !== undefined) {
      checkId('profileId', profileId);
      return stateCountsOf(await (await db()).get('invoiceCounts', profileId));
    }
    const all = await (await db()).getAll('invoiceCounts');
    const sum = stateCountsOf(undefined);
    for (const counts of all) for (const state of INVOICE_STATES) sum[state] += counts[state];
    return sum;
  }

  /** Up to `limit` records from one index prefix, ordered by the rest of the index key. */
  async function listByPrefix(
    indexName: 'byProfileStorageDate' | 'byProfileHasXml',
    prefix: (string | number)[],
    limit: number,
    direction: IDBCursorDirection,
  ): Promise<InvoiceRecord[]> {
    const index = (await db()).transaction('invoices').store.index(indexName);
    return readCursor(await index.openCursor(IDBKeyRange.bound(prefix, [...prefix, []]), direction), limit);
  }

  /** The `n` invoices that reached KSeF's repository last (the popup's "newest"). */
  function newestInvoices(profileId: string, n: number): Promise<InvoiceRecord[]> {
    checkId('profileId', profileId);
    checkLimit('n', n, MAX_PAGE);
    return listByPrefix('byProfileStorageDate', [profileId], n, 'prev');
  }

  /** Invoices whose notification was not raised yet, in the order they were stored (announcement order). */
  async function listUnnotified(profileId: string, limit = MAX_PAGE): Promise<InvoiceRecord[]> {
    checkId('profileId', profileId);
    checkLimit('limit', limit, MAX_PAGE);
    const tx = (await db()).transaction(['invoiceCounts', 'invoices']);
    const counts = await tx.objectStore('invoiceCounts').get(profileId);
    if (unannouncedOf(counts) === 0) return [];
    const index = tx.objectStore('invoices').index('byProfileSeq');
    return readCursor(await index.openCursor(unannouncedRange(counts!)), limit);
  }

  /** The download queue: invoices without XML, oldest first (issue 5). */
  function nextXmlToDownload(profileId: string, n: number): Promise<InvoiceRecord[]> {
    checkId('profileId', profileId);
    checkLimit('n', n, MAX_PAGE);
    return listByPrefix('byProfileHasXml', [profileId, 0], n, 'next');
  }

  /**
   * What an announcement needs (issue 5): how many invoices await it (the counters), the first few stored
   * (named in the notification) and the last (where `markNotifiedThrough` stops). One transaction, no count walk.
   */
  async function unnotifiedSummary(
    profileId: string,
    sample: number,
  ): Promise<{ count: number; oldest: InvoiceRecord[]; newest: InvoiceRecord | undefined }> {
    checkId('profileId', profileId);
    checkLimit('sample', sample, MAX_PAGE);
    const tx = (await db()).transaction(['invoiceCounts', 'invoices']);
    const counts = await tx.objectStore('invoiceCounts').get(profileId);
    const count = unannouncedOf(counts);
    if (count === 0) return { count, oldest: [], newest: undefined };
    const index = tx.objectStore('invoices').index('byProfileSeq');
    const [oldest, newest] = await Promise.all([
      index.openCursor(unannouncedRange(counts!)).then((cursor) => readCursor(cursor, sample)),
      index.openCursor(unannouncedRange(counts!), 'prev').then((cursor) => readCursor(cursor, 1)),
    ]);
    return { count, oldest, newest: newest[0] };
  }

  return { countByState, newestInvoices, listUnnotified, nextXmlToDownload, unnotifiedSummary };
}
