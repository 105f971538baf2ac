// CSV for Polish Excel: UTF-8 with a BOM (or Excel reads the file as Windows-1250), semicolons (the comma is
// the Polish decimal separator), decimal commas, dates as YYYY-MM-DD. Cells that a spreadsheet would read as
// a formula (= + - @ tab CR) get a leading apostrophe (OWASP "CSV Injection"): seller names come from strangers.
import { warsawDay } from '../core/time';
import { t, type Lang } from '../i18n';
import { parseInvoice } from '../invoice';
import type { InvoiceRecord } from '../store';

export const CSV_BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: formula-looking text neutralised, quoted when it holds a separator, quote or line break. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string') throw new TypeError('"value" must be a string, a number, null or undefined');
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** An amount with two decimals and a decimal comma, without grouping (Excel reads it as a number): 1234,50. */
export function csvAmount(value: number): string {
  if (typeof value !== 'number') throw new TypeError('"value" must be a number');
  if (!Number.isFinite(value)) return '';
  return value.toFixed(2).replace('.', ',');
}

/** A date or date-time as YYYY-MM-DD (date-times in Polish time). */
export function csvDate(value: string): string {
  if (typeof value !== 'string') throw new TypeError('"value" must be a string');
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value.slice(0, 10);
  return warsawDay(date);
}

// KSeF states vatAmount in złoty whatever the invoice's currency (NOTES §7.1; lib/inbox/amounts.ts): its header
// says so, as "Waluta" is the net and gross amounts' currency.
const COLUMNS = [
  'inbox_csv_issue_date', 'inbox_csv_invoice_number', 'inbox_csv_seller_name', 'inbox_csv_seller_nip',
  'inbox_csv_net', 'inbox_csv_vat', 'inbox_csv_gross', 'inbox_csv_currency', 'inbox_csv_ksef_number',
  'inbox_csv_storage_date', 'inbox_csv_state',
] as const;

function row(record: InvoiceRecord, lang: Lang): string[] {
  const m = record.metadata;
  return [
    csvDate(record.issueDate),
    csvCell(m.invoiceNumber),
    csvCell(m.seller?.name ?? ''),
    csvCell(m.seller?.nip ?? ''),
    csvAmount(m.netAmount),
    csvAmount(m.vatAmount),
    csvAmount(m.grossAmount),
    csvCell(m.currency),
    csvCell(m.ksefNumber),
    csvDate(record.permanentStorageDate),
    csvCell(t(lang, `inbox_state_${record.state}`)),
  ];
}

/** The whole file: BOM, a header row in `lang`, one row per invoice, CRLF line ends (what Excel writes). */
export function invoicesToCsv(records: readonly InvoiceRecord[], lang: Lang = 'pl'): string {
  if (!Array.isArray(records)) throw new TypeError('"records" must be an array of invoice records');
  if (lang !== 'pl' && lang !== 'en') throw new TypeError('"lang" must be "pl" or "en"');
  const lines = [COLUMNS.map((key) => csvCell(t(lang, key))).join(';')];
  for (const record of records) lines.push(row(record, lang).join(';'));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}

/** A decimal as FA(3) writes it (1230.5) with a decimal comma (1230,5); anything else is left as text. */
export function csvDecimal(value: string | undefined): string {
  if (value === undefined) return '';
  if (typeof value !== 'string') throw new TypeError('"value" must be a string or undefined');
  return /^-?\d+(\.\d+)?$/.test(value.trim()) ? value.trim().replace('.', ',') : csvCell(value);
}

/** What the sales export reads of an outbox item (Sending §3). */
export interface SentCsvItem {
  step: string;
  xml?: string;
  facts: { sellerNip: string; buyerNip?: string; buyerName?: string; kind: string; number: string; issueDate: string; currency?: string; gross?: string };
  ksefNumber?: string;
  acquisitionDate?: string;
}

// A separate sales file, not more rows in the purchase export: the received list is a purchase register (the
// seller is the counterparty), sent invoices belong to the sales register (the buyer is), and a bookkeeper
// imports the two into different registers. Only invoices KSeF accepted: from 2026 an invoice exists with its
// KSeF number, and a rejected file sent again would otherwise be counted twice.
const SENT_COLUMNS = [
  'sendui_csv_issue_date', 'sendui_csv_number', 'sendui_csv_kind', 'sendui_csv_buyer', 'sendui_csv_buyer_nip',
  'sendui_csv_net', 'sendui_csv_vat', 'sendui_csv_gross', 'sendui_csv_currency', 'sendui_csv_ksef',
  'sendui_csv_accepted', 'sendui_csv_seller_nip', 'sendui_csv_org',
] as const;

function sentRow(item: SentCsvItem, organisation: string): string[] {
  let totals: { net?: string; vat?: string; gross?: string } = { gross: item.facts.gross };
  let buyer = { name: item.facts.buyerName, nip: item.facts.buyerNip };
  if (item.xml !== undefined) {
    try {
      const view = parseInvoice(item.xml);
      totals = view.totals;
      buyer = { name: view.buyer.name ?? buyer.name, nip: view.buyer.nip ?? buyer.nip };
    } catch {
      // The file KSeF accepted is valid FA(3); a reader failure leaves the amounts of the facts taken at the check.
    }
  }
  return [
    csvDate(item.facts.issueDate),
    csvCell(item.facts.number),
    csvCell(item.facts.kind),
    csvCell(buyer.name ?? ''),
    csvCell(buyer.nip ?? ''),
    csvDecimal(totals.net),
    csvDecimal(totals.vat),
    csvDecimal(totals.gross),
    csvCell(item.facts.currency ?? 'PLN'),
    csvCell(item.ksefNumber ?? ''),
    item.acquisitionDate ? csvDate(item.acquisitionDate) : '',
    csvCell(item.facts.sellerNip),
    csvCell(organisation),
  ];
}

/** The sales export: accepted invoices only, each with its KSeF number; `organisationOf` names the profile. */
export function sentInvoicesToCsv(
  items: readonly SentCsvItem[],
  lang: Lang = 'pl',
  organisationOf: (item: SentCsvItem) => string = () => '',
): string {
  if (!Array.isArray(items as unknown)) throw new TypeError('"items" must be an array of outbox items');
  if (lang !== 'pl' && lang !== 'en') throw new TypeError('"lang" must be "pl" or "en"');
  const lines = [SENT_COLUMNS.map((key) => csvCell(t(lang, key))).join(';')];
  for (const item of items) if (item.step === 'accepted') lines.push(sentRow(item, organisationOf(item)).join(';'));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}

/** A file name for the sales export: faktury-wyslane-ksef-2026-02-10.csv. */
export function sentCsvFileName(now: Date = new Date()): string {
  return `faktury-wyslane-ksef-${csvDate(now.toISOString())}.csv`;
}

/** A file name for the export: faktury-ksef-2026-02-10.csv. */
export function csvFileName(now: Date = new Date()): string {
  return `faktury-ksef-${csvDate(now.toISOString())}.csv`;
}
