// The inbox search through the `bySearchTerm` index (issue 10 item 5, issue 15): each typed word is a prefix
// key range, the words' key sets intersect, and only the records found are read. The profile, state and date
// conditions are checked on those; the result comes in the page's date order with the same keyset cursor as
// listInvoicesPage, so every matching invoice is reachable whatever the store's size. The work grows with the
// number of invoices that match, never with the number stored.
import { normalizeNip } from '../domain/nip';
import type { IDBPObjectStore, StoreNames } from 'idb';
import type { StoreContext } from './context';
import {
  checkQuery,
  cursorOf,
  invoicePageFunctions,
  keysInOrder,
  planPage,
  type InvoicePage,
  type InvoicePageQuery,
  type PagePlan,
} from './invoice-page';
import type { InvoiceRecord } from './invoice-record';
import type { KsefPilotDB } from './schema';
import { indexPrefix, matchesSearchWords, searchWords, type SearchWord } from './search-terms';

export interface InvoiceSearchQuery extends InvoicePageQuery {
  /** Free text: KSeF number, invoice number, seller or buyer NIP, words of the seller's name. */
  search?: string;
  /** The seller's NIP, ten digits (exact). */
  sellerNip?: string;
}

export interface SearchOptions {
  /** Aborting it stops the search at its next step; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Up to this many candidates are read and sorted directly (one parallel batch of gets). More, and a key
 * cursor on the date index gives the order, so only the records of the page are read.
 */
const DIRECT = 500;
/**
 * The date-order walk reads at most this many index keys per candidate before it reads the candidates
 * directly instead: Chromium walks about 80 index entries per millisecond (issue 15: `count()` 127 ms per
 * 10 000), so a walk over the whole date index of 50 000 invoices would cost what the search is meant to save.
 */
const WALK_PER_CANDIDATE = 2;
/** Sorts after every character of a term: [prefix, prefix + HIGH] is the prefix's key range. */
const HIGH = '\uffff';

type Key = [profileId: string, ksefNumber: string];
const idOf = (key: Key) => JSON.stringify(key);

type InvoiceStore = IDBPObjectStore<KsefPilotDB, StoreNames<KsefPilotDB>[], 'invoices', 'readonly'>;

/**
 * Whether an index reads its keys in either direction in one request (IndexedDB's `getAllKeys({query, count,
 * direction})`, shipped with `getAllRecords`: Chromium 141, fake-indexeddb 6.2). Firefox ESR walks a key cursor.
 */
const keysWithDirection = () => typeof IDBIndex !== 'undefined' && 'getAllRecords' in IDBIndex.prototype;
/** The first request of a chunked walk reads this many keys; each next one four times as many, from the start. */
const FIRST_CHUNK = 256;

type KeyRequest = (options: { query: IDBKeyRange; count: number; direction: IDBCursorDirection }) => Promise<Key[]>;

/**
 * The primary keys of one source in the page's order, at most `max`, in a few requests rather than one cursor
 * step per key: a seller's NIP or name matches thousands of invoices, and each cursor step is a round trip to
 * the IndexedDB backend (issue 15 measured 220 ms for one page of a NIP at 50 000 invoices that way). Each chunk
 * reads again from the range's start (growth × 4, so at most a third more keys than a single exact request).
 */
async function* keysInChunks(request: KeyRequest, range: IDBKeyRange, direction: IDBCursorDirection, max: number): AsyncGenerator<Key> {
  let count = Math.min(FIRST_CHUNK, max);
  let seen = 0;
  for (;;) {
    const keys = await request({ query: range, count, direction });
    for (let i = seen; i < keys.length; i++) yield keys[i]!;
    if (keys.length < count || count >= max) return;
    seen = keys.length;
    count = Math.min(count * 4, max);
  }
}

/**
 * Up to `wanted` accepted candidates in the date index's order. Dense candidates (a seller's NIP or name)
 * fill a page after a short key walk; sparse ones stop the walk and are read and sorted directly. The
 * candidates found are read side by side, a page's worth at a time.
 */
async function inDateOrder(
  store: InvoiceStore,
  plan: PagePlan,
  direction: 'asc' | 'desc',
  cmp: StoreContext['cmp'],
  candidates: Map<string, Key>,
  limits: SearchLimits,
  wanted: number,
  accept: (record: InvoiceRecord | undefined) => record is InvoiceRecord,
  signal: AbortSignal | undefined,
): Promise<InvoiceRecord[] | null> {
  const items: InvoiceRecord[] = [];
  const budget = candidates.size * limits.walkPerCandidate;
  const single = plan.sources.length === 1 && keysWithDirection() ? plan.sources[0]! : undefined;
  const keys = single
    ? keysInChunks(
        // idb passes the options object through to IDBIndex.getAllKeys; its typings know only (query, count).
        (options) => (store.index(single.indexName).getAllKeys as unknown as KeyRequest)(options),
        single.range,
        direction === 'asc' ? 'next' : 'prev',
        budget + 1,
      )
    : keysInOrder((name) => store.index(name), plan, direction, cmp);
  let walked = 0;
  let batch: Key[] = [];
  const readBatch = async () => {
    const records = await Promise.all(batch.map((key) => store.get(key)));
    batch = [];
    for (const record of records) if (accept(record) && items.length < wanted) items.push(record);
    signal?.throwIfAborted();
  };
  for await (const key of keys) {
    if (++walked > budget) return null;
    if (candidates.has(idOf(key))) {
      batch.push(key);
      if (items.length + batch.length >= wanted) await readBatch();
      if (items.length >= wanted) break;
    }
  }
  if (batch.length > 0) await readBatch();
  return items;
}

function checkSearchQuery(query: InvoiceSearchQuery): void {
  checkQuery(query);
  if (query.search !== undefined && typeof query.search !== 'string') throw new TypeError('"search" must be a string');
  if (query.sellerNip !== undefined && (typeof query.sellerNip !== 'string' || !/^\d{10}$/.test(query.sellerNip))) {
    throw new TypeError('"sellerNip" must be a NIP of 10 digits');
  }
}

/** When the search reads candidates directly and how far it walks the date index; tests pass small ones. */
export interface SearchLimits {
  direct: number;
  walkPerCandidate: number;
}

export function invoiceSearchFunctions(
  context: StoreContext,
  limits: SearchLimits = { direct: DIRECT, walkPerCandidate: WALK_PER_CANDIDATE },
) {
  const { db, cmp } = context;
  const { listInvoicesPage } = invoicePageFunctions(context);

  /**
   * One page of the invoices that match the search text (every word; see search-terms.ts) and the query's
   * profile, state, dates and seller NIP, in the query's order. Without words it is listInvoicesPage.
   */
  async function searchInvoicesPage(query: InvoiceSearchQuery, options: SearchOptions = {}): Promise<InvoicePage> {
    checkSearchQuery(query);
    const { signal } = options;
    const words: SearchWord[] = searchWords(query.search ?? '');
    // The KSeF number starts with the seller's NIP (NOTES §11), so the index narrows by it too.
    if (query.sellerNip !== undefined) words.push([query.sellerNip]);
    if (words.length === 0) return listInvoicesPage(query);
    signal?.throwIfAborted();
    // All profiles: the plan needs their ids (one range per profile, invoice-page.ts); each profile's NIP too.
    const tx = (await db()).transaction(['invoices', 'profiles']);
    const profiles = (await tx.objectStore('profiles').getAll()).filter(
      (profile) => query.profileId === undefined || profile.id === query.profileId,
    );
    const plan = planPage(query, cmp, profiles.map((profile) => profile.id));
    if (!plan.range) return { items: [], next: null };
    const range = plan.range;
    const accept = (record: InvoiceRecord | undefined): record is InvoiceRecord =>
      record !== undefined &&
      matchesSearchWords(record, words) &&
      (query.sellerNip === undefined || normalizeNip(String(record.metadata.seller?.nip ?? '')) === query.sellerNip);

    const store = tx.objectStore('invoices');
    const terms = store.index('bySearchTerm');
    // A buyer NIP equal to the profile's own is not stored as a term (search-terms.ts): a word that starts the
    // profile's NIP may match any of its invoices, which the checks below (accept) then sort out.
    const ownInvoices = (alt: string) =>
      profiles
        .filter((profile) => alt !== '' && profile.nip.startsWith(alt))
        .map((profile) => store.index('byProfileIssueDate').getAllKeys(IDBKeyRange.bound([profile.id], [profile.id, []])));
    const found = await Promise.all(
      words.map(async (word) =>
        (
          await Promise.all(
            word.flatMap((alt) => [
              terms.getAllKeys(IDBKeyRange.bound(indexPrefix(alt), indexPrefix(alt) + HIGH)),
              ...ownInvoices(alt),
            ]),
          )
        ).flat(),
      ),
    );
    signal?.throwIfAborted();
    const sets = found
      .map((keys) => new Map(keys.map((key) => [idOf(key), key] as const)))
      .sort((a, b) => a.size - b.size);
    let candidates = sets[0]!;
    for (const other of sets.slice(1)) candidates = new Map([...candidates].filter(([id]) => other.has(id)));
    if (query.profileId !== undefined) candidates = new Map([...candidates].filter(([, key]) => key[0] === query.profileId));

    const sign = query.direction === 'asc' ? 1 : -1;
    const direct = async (): Promise<InvoiceRecord[]> => {
      const records = await Promise.all([...candidates.values()].map((key) => store.get(key)));
      signal?.throwIfAborted();
      return records
        .filter((record): record is InvoiceRecord => accept(record) && range.includes(plan.keyOf(record)))
        .sort((a, b) => sign * cmp(plan.keyOf(a), plan.keyOf(b)))
        .slice(0, query.limit + 1);
    };
    const items =
      candidates.size <= limits.direct
        ? await direct()
        : ((await inDateOrder(store, plan, query.direction, cmp, candidates, limits, query.limit + 1, accept, signal)) ??
          (await direct()));
    const more = items.length > query.limit;
    if (more) items.pop();
    const last = items[items.length - 1];
    return { items, next: more && last ? cursorOf(last, query.dateField) : null };
  }

  return { searchInvoicesPage };
}
