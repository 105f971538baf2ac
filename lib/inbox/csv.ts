// CSV for Polish Excel: UTF-8 with a BOM (or Excel reads the file as Windows-1250), semicolons (the comma is
// the Polish decimal separator), decimal commas, dates as YYYY-MM-DD. Cells that a spreadsheet would read as
// a formula (= + - @ tab CR) get a leading apostrophe (OWASP "CSV Injection"): seller names come from strangers.
import { warsawDay } from '../core/time';
import { t, type Lang } from '../i18n';
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

/** A file name for the export: faktury-ksef-2026-02-10.csv. */
export function csvFileName(now: Date = new Date()): string {
  return `faktury-ksef-${csvDate(now.toISOString())}.csv`;
}
