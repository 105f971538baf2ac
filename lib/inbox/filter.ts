// What the inbox shows: the indexes narrow by profile, state and date range; seller and the free-text search
// are checked record by record from the metadata, never from the XML (issue 7: the store has no text indexes).
import { INVOICE_STATES, type InvoiceDateField, type InvoiceRecord, type InvoiceState } from '../store';
import { digitsOf, foldText } from './text';

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
  /** Free text: seller name or NIP, invoice number, KSeF number. */
  search?: string;
}

/** Longest search text accepted; longer input is cut (a search box, not a document). */
export const MAX_SEARCH_LENGTH = 200;
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

/** Whether the filter needs a record-by-record check beyond what the indexes answer. */
export function needsRecordCheck(filter: InboxFilter): boolean {
  return filter.sellerNip !== undefined || foldText(filter.search ?? '') !== '';
}

/** The record-level part of the filter: seller NIP and the free-text search (metadata only). */
export function matchesInvoice(record: InvoiceRecord, filter: Pick<InboxFilter, 'sellerNip' | 'search'>): boolean {
  const sellerNip = digitsOf(String(record.metadata.seller?.nip ?? ''));
  if (filter.sellerNip !== undefined && sellerNip !== filter.sellerNip) return false;
  const needle = foldText((filter.search ?? '').slice(0, MAX_SEARCH_LENGTH));
  if (needle === '') return true;
  const haystack = [
    record.metadata.seller?.name ?? '',
    record.metadata.invoiceNumber,
    record.metadata.ksefNumber,
    record.ksefNumber,
  ].map((text) => foldText(String(text)));
  if (haystack.some((text) => text.includes(needle))) return true;
  // A NIP typed with dashes or a PL prefix still finds the seller.
  const needleDigits = digitsOf(needle);
  return needleDigits.length >= 3 && needleDigits.length === needle.replace(/[\s\-pl]/g, '').length
    ? sellerNip.includes(needleDigits)
    : false;
}
