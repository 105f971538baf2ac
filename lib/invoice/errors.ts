import { t, type Lang, type MessageKey, type Params } from '../i18n';
import { catalogError, errorGuard } from '../core/errors';

/** Every way reading an invoice file can fail; each has a message in both languages (catalog `invoice_error_*`). */
export const INVOICE_ERROR_CODES = ['NOT_XML', 'DOCTYPE_FORBIDDEN', 'TOO_LARGE', 'TOO_DEEP', 'NOT_FA', 'MISSING_ELEMENT'] as const;
export type InvoiceErrorCode = (typeof INVOICE_ERROR_CODES)[number];

export function invoiceErrorMessage(lang: Lang, code: InvoiceErrorCode, data: Params = {}): string {
  return t(lang, `invoice_error_${code}` as MessageKey, data);
}

/**
 * A file that cannot be shown as an invoice; both messages say what to do. `data` holds only sizes, depths
 * and element names: never text taken from the invoice, which is untrusted.
 */
export class InvoiceError extends catalogError('InvoiceError', INVOICE_ERROR_CODES, invoiceErrorMessage) {}

export const isInvoiceError = errorGuard<InvoiceError>('InvoiceError', INVOICE_ERROR_CODES);
