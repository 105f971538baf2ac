// The invoice repository: storage, duplicate index, the metadata query with paging, sorting, the high-water
// mark and the 10 000-record truncation (NOTES §7.1–7.2), and single-invoice download (NOTES §7.3).
import { createHash } from 'node:crypto';
import { badRequest } from './errors';
import type { Fa3Facts } from './fa3';
import { isValidKsefNumber } from './ids';
import { addMonthsUtc, addMonthsWarsaw, iso, parseKsefDateTime } from './time';

export interface StoredInvoice {
  ksefNumber: string;
  xml: Uint8Array;
  /** Base64 SHA-256 of the XML bytes. */
  invoiceHash: string;
  facts: Fa3Facts;
  invoicingDate: number;
  acquisitionDate: number;
  permanentStorageDate: number;
  invoicingMode: 'Online' | 'Offline';
  sessionReferenceNumber: string | null;
}

/** A filter set never returns more than this many records (NOTES §7.1); `maxQueryRecords` lowers it for tests. */
export const MAX_QUERY_RECORDS = 10_000;

export const sha256Base64 = (data: Uint8Array): string => createHash('sha256').update(data).digest('base64');

/** Seller NIP + RodzajFaktury + P_2: what KSeF treats as the same invoice for ten years (NOTES §8.4). */
export const duplicateKey = (f: Pick<Fa3Facts, 'sellerNip' | 'rodzajFaktury' | 'invoiceNumber'>): string =>
  `${f.sellerNip}|${f.rodzajFaktury}|${f.invoiceNumber}`;

export function createInvoiceStore() {
  const list: StoredInvoice[] = [];
  const byNumber = new Map<string, StoredInvoice>();
  const byDuplicateKey = new Map<string, StoredInvoice>();
  return {
    add(invoice: StoredInvoice): void {
      if (!isValidKsefNumber(invoice.ksefNumber)) throw new TypeError('"ksefNumber" must be a valid KSeF number');
      if (byNumber.has(invoice.ksefNumber)) throw new TypeError(`KSeF number ${invoice.ksefNumber} already stored`);
      if (!(invoice.invoicingDate < invoice.acquisitionDate && invoice.acquisitionDate < invoice.permanentStorageDate)) {
        throw new TypeError('dates must satisfy invoicingDate < acquisitionDate < permanentStorageDate');
      }
      list.push(invoice);
      byNumber.set(invoice.ksefNumber, invoice);
      byDuplicateKey.set(duplicateKey(invoice.facts), invoice);
    },
    /** Takes back an invoice whose processing was cancelled before its outcome showed (session-model cancel). */
    remove(ksefNumber: string): void {
      const invoice = byNumber.get(ksefNumber);
      if (!invoice) return;
      byNumber.delete(ksefNumber);
      if (byDuplicateKey.get(duplicateKey(invoice.facts)) === invoice) byDuplicateKey.delete(duplicateKey(invoice.facts));
      list.splice(list.indexOf(invoice), 1);
    },
    get: (ksefNumber: string): StoredInvoice | undefined => byNumber.get(ksefNumber),
    findDuplicate: (facts: Fa3Facts): StoredInvoice | undefined => byDuplicateKey.get(duplicateKey(facts)),
    all: (): readonly StoredInvoice[] => list,
    get size(): number {
      return list.length;
    },
  };
}

export type InvoiceStore = ReturnType<typeof createInvoiceStore>;

/** InvoiceMetadata as openapi.json describes it. */
export function toMetadata(inv: StoredInvoice): Record<string, unknown> {
  const f = inv.facts;
  return {
    ksefNumber: inv.ksefNumber,
    invoiceNumber: f.invoiceNumber,
    issueDate: f.issueDate,
    invoicingDate: iso(inv.invoicingDate),
    acquisitionDate: iso(inv.acquisitionDate),
    permanentStorageDate: iso(inv.permanentStorageDate),
    seller: { nip: f.sellerNip, name: f.sellerName },
    buyer: { identifier: f.buyer.identifier, name: f.buyer.name },
    netAmount: f.netAmount,
    grossAmount: f.grossAmount,
    vatAmount: f.vatAmount,
    currency: f.currency,
    invoicingMode: inv.invoicingMode,
    invoiceType: f.invoiceType,
    formCode: f.formCode,
    isSelfInvoicing: f.isSelfInvoicing,
    hasAttachment: f.hasAttachment,
    invoiceHash: inv.invoiceHash,
    hashOfCorrectedInvoice: null,
    thirdSubjects: f.thirdSubjects,
    authorizedSubject: f.authorizedSubject,
  };
}

/** The query body after schema validation (openapi-check did the structural part). */
export interface InvoiceQueryFilters {
  subjectType: 'Subject1' | 'Subject2' | 'Subject3' | 'SubjectAuthorized';
  dateRange: { dateType: 'Issue' | 'Invoicing' | 'PermanentStorage'; from: string; to?: string | null; restrictToPermanentStorageHwmDate?: boolean | null };
  ksefNumber?: string | null;
  invoiceNumber?: string | null;
  amount?: { type: 'Brutto' | 'Netto' | 'Vat'; from?: number | null; to?: number | null } | null;
  sellerNip?: string | null;
  buyerIdentifier?: { type: string; value?: string | null } | null;
  currencyCodes?: string[] | null;
  invoicingMode?: 'Online' | 'Offline' | null;
  isSelfInvoicing?: boolean | null;
  formType?: 'FA' | 'PEF' | 'FA_RR' | null;
  invoiceTypes?: string[] | null;
  hasAttachment?: boolean | null;
}

export interface QueryPage {
  pageOffset: number;
  pageSize: number;
  sortOrder: 'Asc' | 'Desc';
}

function belongsTo(inv: StoredInvoice, subjectType: InvoiceQueryFilters['subjectType'], contextNip: string): boolean {
  const f = inv.facts;
  switch (subjectType) {
    case 'Subject1':
      return f.sellerNip === contextNip;
    case 'Subject2':
      return f.buyer.identifier.type === 'Nip' && f.buyer.identifier.value === contextNip;
    case 'Subject3':
      return f.thirdSubjects.some((s) => s.identifier.value === contextNip);
    case 'SubjectAuthorized':
      return f.authorizedSubject?.nip === contextNip;
  }
}

/** The date a query sorts and filters on; issue dates are Polish calendar days (midnight in Warsaw). */
function dateOf(inv: StoredInvoice, dateType: InvoiceQueryFilters['dateRange']['dateType']): number {
  if (dateType === 'Issue') return parseKsefDateTime(`${inv.facts.issueDate}T00:00:00`) ?? 0;
  return dateType === 'Invoicing' ? inv.invoicingDate : inv.permanentStorageDate;
}

function matchesFilters(inv: StoredInvoice, q: InvoiceQueryFilters): boolean {
  const f = inv.facts;
  if (q.ksefNumber && inv.ksefNumber !== q.ksefNumber) return false;
  if (q.invoiceNumber && f.invoiceNumber !== q.invoiceNumber) return false;
  if (q.sellerNip && f.sellerNip !== q.sellerNip) return false;
  if (q.buyerIdentifier) {
    if (f.buyer.identifier.type !== q.buyerIdentifier.type) return false;
    if (q.buyerIdentifier.value && f.buyer.identifier.value !== q.buyerIdentifier.value) return false;
  }
  if (q.amount) {
    const value = q.amount.type === 'Brutto' ? f.grossAmount : q.amount.type === 'Netto' ? f.netAmount : f.vatAmount;
    if (q.amount.from != null && value < q.amount.from) return false;
    if (q.amount.to != null && value > q.amount.to) return false;
  }
  if (q.currencyCodes && q.currencyCodes.length > 0 && !q.currencyCodes.includes(f.currency)) return false;
  if (q.invoicingMode && inv.invoicingMode !== q.invoicingMode) return false;
  if (q.isSelfInvoicing != null && f.isSelfInvoicing !== q.isSelfInvoicing) return false;
  if (q.formType && f.formCode.value !== q.formType) return false;
  if (q.invoiceTypes && q.invoiceTypes.length > 0 && !q.invoiceTypes.includes(f.invoiceType)) return false;
  if (q.hasAttachment != null && f.hasAttachment !== q.hasAttachment) return false;
  return true;
}

/** Checks the date range rules: parseable, from ≤ to, at most 3 months in UTC or Warsaw time (NOTES §7.1). */
function resolveRange(q: InvoiceQueryFilters, now: number): { from: number; to: number } {
  const from = parseKsefDateTime(q.dateRange.from);
  if (from === null) throw badRequest(21405, [`dateRange.from: nieprawidłowa data '${q.dateRange.from}'.`]);
  const to = q.dateRange.to ? parseKsefDateTime(q.dateRange.to) : now;
  if (to === null) throw badRequest(21405, [`dateRange.to: nieprawidłowa data '${q.dateRange.to}'.`]);
  if (from > to) throw badRequest(21405, ['dateRange.from nie może być późniejsza niż dateRange.to.']);
  if (to > addMonthsUtc(from, 3) && to > addMonthsWarsaw(from, 3)) {
    throw badRequest(21405, ['Zakres dat dateRange nie może przekraczać 3 miesięcy.']);
  }
  if (q.dateRange.restrictToPermanentStorageHwmDate && q.dateRange.dateType !== 'PermanentStorage') {
    throw badRequest(21405, ['restrictToPermanentStorageHwmDate można użyć tylko z dateType = PermanentStorage.']);
  }
  return { from, to };
}

/**
 * The `permanentStorageHwmDate` of a PermanentStorage query (openapi.json, QueryInvoicesMetadataResponse): for
 * the newest period the global mark, "slightly adjusted" below the query's upper bound; for older periods "the
 * query's conditions", i.e. its `to`. Either way min(`to` or now, global mark), the same for every page.
 */
export function markOf(to: number, hwm: number): number {
  return Math.min(to, hwm);
}

/**
 * POST /invoices/query/metadata for one context NIP; `hwm` = now − configured lag; `maxRecords` is the cap of
 * one filter set (KSeF: 10 000).
 */
export function queryMetadata(
  store: InvoiceStore,
  q: InvoiceQueryFilters,
  page: QueryPage,
  contextNip: string,
  now: number,
  hwm: number,
  maxRecords = MAX_QUERY_RECORDS,
) {
  const { from, to } = resolveRange(q, now);
  const restrict = q.dateRange.restrictToPermanentStorageHwmDate === true;
  if (restrict && from > hwm) {
    throw badRequest(21183, ['Parametr dateRange.from jest późniejszy niż PermanentStorageHwmDate przy włączonym restrictToPermanentStorageHwmDate.']);
  }
  const upper = restrict ? Math.min(to, hwm) : to;
  const dateType = q.dateRange.dateType;
  const matched: { inv: StoredInvoice; date: number }[] = [];
  for (const inv of store.all()) {
    // Not yet permanently stored means not yet visible to anyone (NOTES §7.2).
    if (inv.permanentStorageDate > now) continue;
    if (!belongsTo(inv, q.subjectType, contextNip)) continue;
    const date = dateOf(inv, dateType);
    if (date < from || date > upper) continue;
    if (!matchesFilters(inv, q)) continue;
    matched.push({ inv, date });
  }
  const direction = page.sortOrder === 'Desc' ? -1 : 1;
  matched.sort((a, b) => direction * (a.date - b.date || (a.inv.ksefNumber < b.inv.ksefNumber ? -1 : a.inv.ksefNumber > b.inv.ksefNumber ? 1 : 0)));
  const capped = matched.slice(0, maxRecords);
  const start = page.pageOffset * page.pageSize;
  if (start >= maxRecords) {
    throw badRequest(21405, [`pageOffset × pageSize przekracza limit ${maxRecords} rekordów; zawęź dateRange zgodnie z isTruncated.`]);
  }
  const slice = capped.slice(start, start + page.pageSize);
  const end = start + slice.length;
  // isTruncated marks the page that reaches the cap: the official loop then moves dateRange.from (NOTES §7.1).
  const isTruncated = matched.length > maxRecords && end >= maxRecords;
  const hasMore = end < capped.length || isTruncated;
  return {
    hasMore,
    isTruncated,
    permanentStorageHwmDate: dateType === 'PermanentStorage' ? iso(markOf(to, hwm)) : null,
    invoices: slice.map((m) => toMetadata(m.inv)),
  };
}

/** Whether the context may see this invoice at all: as seller, buyer, third party or authorised subject. */
export function canSee(inv: StoredInvoice, contextNip: string): boolean {
  return (['Subject1', 'Subject2', 'Subject3', 'SubjectAuthorized'] as const).some((s) => belongsTo(inv, s, contextNip));
}
