// The amounts an inbox row shows, from KSeF's InvoiceMetadata alone (openapi.json InvoiceMetadata, NOTES §7.1):
// netAmount and grossAmount are in the invoice's currency, vatAmount is "wyrażona w PLN" whatever the currency.
// What the metadata lacks, the list cannot show without reading every row's XML: the due date (FA(3)
// Platnosc/TerminPlatnosci) is only in the file, so the list has no due-date column (issue 16, B13).
import type { Lang } from '../i18n';
import { formatAmount } from '../invoice';
import type { InvoiceMetadata } from '../store';

/** KSeF states the VAT total of every invoice in złoty (NOTES §7.1). */
export const METADATA_VAT_CURRENCY = 'PLN';

export interface RowAmounts {
  net: string;
  vat: string;
  gross: string;
}

type AmountFields = Pick<InvoiceMetadata, 'netAmount' | 'vatAmount' | 'grossAmount' | 'currency'>;

/** The row's net, VAT and gross as text in the page language, each with its own currency. */
export function rowAmounts(metadata: AmountFields, lang: Lang): RowAmounts {
  return {
    net: formatAmount(String(metadata.netAmount), metadata.currency, lang),
    vat: formatAmount(String(metadata.vatAmount), METADATA_VAT_CURRENCY, lang),
    gross: formatAmount(String(metadata.grossAmount), metadata.currency, lang),
  };
}
