// Keyset paging through the invoice indexes for the inbox and the popup: a page costs `limit` reads wherever
// it is, so the pages stay fast with 10 000+ invoices stored (issue 7). No offset, no scan.
import { checkId, checkLimit, type StoreContext } from './context';
import type { InvoiceRecord } from './invoice-record';
import { INVOICE_STATES, type InvoiceState } from './records';
import type { IDBPIndex, StoreNames } from 'idb';
import type { InvoiceIndexes, KsefPilotDB } from './schema';

type InvoiceKey = KsefPilotDB['invoices']['key'];

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

/** The per-profile date index a page reads (schema 4 keeps no index over all profiles: issue 15). */
function pickIndex(byState: boolean, field: InvoiceDateField): keyof InvoiceIndexes {
  const suffix = field === 'issueDate' ? 'IssueDate' : 'StorageDate';
  return `byProfile${byState ? 'State' : ''}${suffix}` as keyof InvoiceIndexes;
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

/** One key range of one per-profile date index. */
export interface PageSource {
  indexName: keyof InvoiceIndexes;
  range: IDBKeyRange;
}

/**
 * How a checked query is read. One profile: one range of its date index. All profiles: one range per profile,
 * merged in the order [state?, date, profileId, ksefNumber] (what the all-profile indexes held before schema 4
 * dropped them, issue 15), so the keyset cursor and the pages are the same as before.
 */
export interface PagePlan {
  sources: PageSource[];
  /** The query's bounds over `keyOf` (null when empty): what a record must fall in. */
  range: IDBKeyRange | null;
  /** The record's key in the page order. */
  keyOf: (record: InvoiceRecord) => IDBValidKey;
  /** An index entry's key of a source in the page order. */
  orderOf: (indexKey: IDBValidKey) => IDBValidKey;
}

type Bound = { key: IDBValidKey; open: boolean };

function keyRange(lower: Bound, upper: Bound, cmp: StoreContext['cmp']): IDBKeyRange | null {
  const order = cmp(lower.key, upper.key);
  if (order > 0 || (order === 0 && (lower.open || upper.open))) return null;
  return IDBKeyRange.bound(lower.key, upper.key, lower.open, upper.open);
}

/** Narrows `bound` to `to` when `to` is the tighter one (`side` 1: a lower bound, -1: an upper bound). */
function tighter(bound: Bound, to: Bound, side: 1 | -1, cmp: StoreContext['cmp']): Bound {
  const order = side * cmp(to.key, bound.key);
  return order > 0 || (order === 0 && to.open) ? to : bound;
}

/**
 * The index, ranges and key order of a checked query; the search (invoice-search.ts) pages the same way.
 * `profileIds`: every profile, needed when the query has no profileId.
 */
export function planPage(query: InvoicePageQuery, cmp: StoreContext['cmp'], profileIds: readonly string[] = []): PagePlan {
  const { profileId, state, direction, after } = query;
  const dateField = query.dateField ?? 'issueDate';
  const from = query.from === undefined ? undefined : normaliseBound('from', query.from, dateField);
  const to = query.to === undefined ? undefined : normaliseBound('to', query.to, dateField);
  const states = state !== undefined ? [state] : [];
  /** The bounds of a key layout [...head, date, ...]: the query's dates and, past `after`, the keyset position. */
  const bounds = (head: IDBValidKey[], afterBound?: Bound) => {
    let lower: Bound = { key: from === undefined ? head : [...head, from], open: false };
    let upper: Bound = { key: to === undefined ? [...head, []] : [...head, to + HIGH], open: false };
    if (afterBound && direction === 'asc') lower = tighter(lower, afterBound, 1, cmp);
    if (afterBound && direction === 'desc') upper = tighter(upper, afterBound, -1, cmp);
    return keyRange(lower, upper, cmp);
  };
  const indexName = pickIndex(state !== undefined, dateField);
  if (profileId !== undefined) {
    const head = [profileId, ...states];
    const range = bounds(head, after && { key: [...head, after.date, after.ksefNumber], open: true });
    return {
      sources: range ? [{ indexName, range }] : [],
      range,
      keyOf: (record) => [record.profileId, ...(state !== undefined ? [record.state] : []), record[dateField], record.ksefNumber],
      orderOf: (indexKey) => indexKey,
    };
  }
  // Index key [profileId, state?, date, ksefNumber] → page order [state?, date, profileId, ksefNumber].
  const orderOf = (indexKey: IDBValidKey) => {
    const parts = indexKey as IDBValidKey[];
    return [...parts.slice(1, -1), parts[0]!, parts[parts.length - 1]!];
  };
  const range = bounds(states, after && { key: [...states, after.date, after.profileId, after.ksefNumber], open: true });
  const sources: PageSource[] = [];
  for (const id of range ? [...profileIds].sort() : []) {
    const head = [id, ...states];
    // Past `after` in the merged order: a profile before the cursor's starts after the cursor's date, the
    // cursor's own after its KSeF number, a later one at the cursor's date ([] sorts after every string).
    let afterBound: Bound | undefined;
    if (after) {
      const side = cmp(id, after.profileId);
      const asc = direction === 'asc';
      afterBound =
        side === 0
          ? { key: [...head, after.date, after.ksefNumber], open: true }
          : side < 0
            ? { key: [...head, after.date, []], open: asc }
            : { key: [...head, after.date], open: !asc };
    }
    const part = bounds(head, afterBound);
    if (part) sources.push({ indexName, range: part });
  }
  return {
    sources,
    range,
    keyOf: (record) => [...(state !== undefined ? [record.state] : []), record[dateField], record.profileId, record.ksefNumber],
    orderOf,
  };
}

type InvoicesIndex = IDBPIndex<KsefPilotDB, StoreNames<KsefPilotDB>[], 'invoices', keyof InvoiceIndexes, 'readonly'>;

/**
 * The primary keys of a plan's index entries in page order: one key cursor per source, merged (the next key is
 * the smallest of the cursors' current ones), so reading n keys costs n + sources cursor steps.
 */
export async function* keysInOrder(
  index: (name: keyof InvoiceIndexes) => InvoicesIndex,
  plan: PagePlan,
  direction: 'asc' | 'desc',
  cmp: StoreContext['cmp'],
): AsyncGenerator<InvoiceKey> {
  const sign = direction === 'asc' ? 1 : -1;
  const opened = await Promise.all(
    plan.sources.map((source) => index(source.indexName).openKeyCursor(source.range, sign > 0 ? 'next' : 'prev')),
  );
  const heads = opened.flatMap((cursor) => (cursor ? [{ cursor, order: plan.orderOf(cursor.key) }] : []));
  while (heads.length > 0) {
    let best = 0;
    for (let i = 1; i < heads.length; i++) if (sign * cmp(heads[i]!.order, heads[best]!.order) < 0) best = i;
    const head = heads[best]!;
    yield head.cursor.primaryKey;
    const next = await head.cursor.continue();
    if (next) heads[best] = { cursor: next, order: plan.orderOf(next.key) };
    else heads.splice(best, 1);
  }
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
    const items: InvoiceRecord[] = [];
    let more = false;
    if (query.profileId !== undefined) {
      const { sources } = planPage(query, cmp);
      if (sources.length === 0) return { items: [], next: null };
      const index = (await db()).transaction('invoices').store.index(sources[0]!.indexName);
      let cursor = await index.openCursor(sources[0]!.range, direction === 'asc' ? 'next' : 'prev');
      while (cursor) {
        items.push(cursor.value);
        if (items.length > limit) break;
        cursor = await cursor.continue();
      }
      more = items.length > limit;
      if (more) items.pop();
    } else {
      // All profiles: the per-profile ranges merged by key; only the page's records are read.
      const tx = (await db()).transaction(['invoices', 'profiles']);
      const plan = planPage(query, cmp, await tx.objectStore('profiles').getAllKeys());
      const store = tx.objectStore('invoices');
      const keys: InvoiceKey[] = [];
      for await (const key of keysInOrder((name) => store.index(name), plan, direction, cmp)) {
        if (keys.length === limit) {
          more = true;
          break;
        }
        keys.push(key);
      }
      const records = await Promise.all(keys.map((key) => store.get(key)));
      items.push(...records.filter((record): record is InvoiceRecord => record !== undefined));
    }
    const last = items[items.length - 1];
    return { items, next: more && last ? cursorOf(last, query.dateField) : null };
  }

  return { listInvoicesPage };
}
