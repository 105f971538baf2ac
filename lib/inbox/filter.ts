// What the inbox shows, as the page and the notification address give it. The store answers it from indexes:
// profile, state and dates from the date indexes, the search text and seller NIP from the search-term index
// (lib/store/search-terms.ts says what a word matches), from the metadata, never from the XML.
import { INVOICE_STATES, MAX_SEARCH_LENGTH, type InvoiceDateField, type InvoiceState } from '../store';

export interface InboxFilter {
  /** One profile, or all of them. */
  profileId?: string;
  state?: InvoiceState;
  /** The date the list is ordered and bounded by. */
  dateField: InvoiceDateField;
  /** Inclusive bounds as YYYY-MM-DD. */
  from?: string;
  to?: string;
  direction: 'asc' | 'desc';
  /** The seller's NIP (exact, ten digits). */
  sellerNip?: string;
  /** Free text: words of the seller's name, seller or buyer NIP, invoice number, KSeF number. */
  search?: string;
}

/** Longest search text read; longer input is cut (the store's rule, re-exported for the page). */
export { MAX_SEARCH_LENGTH };
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks a filter from the page or the URL; throws TypeError naming the field. */
export function checkFilter(filter: InboxFilter): void {
  if (typeof filter !== 'object' || filter === null) throw new TypeError('"filter" must be an object');
  if (filter.profileId !== undefined && (typeof filter.profileId !== 'string' || filter.profileId === '')) {
    throw new TypeError('"profileId" must be a non-empty string');
  }
  if (filter.state !== undefined && !INVOICE_STATES.includes(filter.state)) {
    throw new TypeError(`"state" must be one of ${INVOICE_STATES.join(', ')}`);
  }
  if (filter.dateField !== 'issueDate' && filter.dateField !== 'permanentStorageDate') {
    throw new TypeError('"dateField" must be issueDate or permanentStorageDate');
  }
  if (filter.direction !== 'asc' && filter.direction !== 'desc') throw new TypeError('"direction" must be asc or desc');
  for (const name of ['from', 'to'] as const) {
    const value = filter[name];
    if (value !== undefined && (typeof value !== 'string' || !DATE.test(value))) {
      throw new TypeError(`"${name}" must be a date as YYYY-MM-DD`);
    }
  }
  if (filter.sellerNip !== undefined && (typeof filter.sellerNip !== 'string' || !/^\d{10}$/.test(filter.sellerNip))) {
    throw new TypeError('"sellerNip" must be a NIP of 10 digits');
  }
  if (filter.search !== undefined && typeof filter.search !== 'string') throw new TypeError('"search" must be a string');
}

/**
 * Typed text shorter than this waits for a pause before it is searched: one or two characters are the prefix
 * of most terms (every "p…" word, every KSeF number starting "5"), a large key range nobody wants to see.
 */
export const SEARCH_MIN_INSTANT = 3;
/** The pause, in ms, a shorter text waits for the next key. */
export const SEARCH_PAUSE_MS = 250;

/**
 * How long the inbox waits after a key before it searches `text` (issue 15: an invoice number, KSeF number or
 * NIP ≤ 100 ms and a seller-name word ≤ 150 ms from the key to the rows): 0 for an empty box and for any text of
 * SEARCH_MIN_INSTANT characters or more, which the index answers at once; the search the next key makes
 * obsolete is aborted (lib/inbox/search.ts), so searching on every key costs nothing but the answer dropped.
 */
export function searchDelay(text: string): number {
  if (typeof text !== 'string') throw new TypeError('"text" must be a string');
  const length = text.trim().length;
  return length === 0 || length >= SEARCH_MIN_INSTANT ? 0 : SEARCH_PAUSE_MS;
}
