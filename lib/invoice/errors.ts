import { t, type Lang, type MessageKey, type Params } from '../i18n';
import { hasErrorShape } from '../coded-error';

/** Every way reading an invoice file can fail; each has a message in both languages (catalog `invoice_error_*`). */
export type InvoiceErrorCode =
  | 'NOT_XML'
  | 'DOCTYPE_FORBIDDEN'
  | 'TOO_LARGE'
  | 'TOO_DEEP'
  | 'NOT_FA'
  | 'MISSING_ELEMENT';

export const INVOICE_ERROR_CODES: readonly InvoiceErrorCode[] = [
  'NOT_XML',
  'DOCTYPE_FORBIDDEN',
  'TOO_LARGE',
  'TOO_DEEP',
  'NOT_FA',
  'MISSING_ELEMENT',
];

export function invoiceErrorMessage(lang: Lang, code: InvoiceErrorCode, data: Params = {}): string {
  return t(lang, `invoice_error_${code}` as MessageKey, data);
}

/**
 * A file that cannot be shown as an invoice. `message` is Polish, `messageEn` English; both say what to do.
 * `data` holds only sizes, depths and element names: never text taken from the invoice, which is untrusted.
 * Branch on `code` (or `name === 'InvoiceError'`), never on instanceof alone: errors cross message boundaries.
 */
export class InvoiceError extends Error {
  override readonly name = 'InvoiceError';
  readonly code: InvoiceErrorCode;
  readonly data: Params;
  readonly messageEn: string;

  constructor(code: InvoiceErrorCode, data: Params = {}, options?: { cause?: unknown }) {
    super(invoiceErrorMessage('pl', code, data), options);
    this.code = code;
    this.data = data;
    this.messageEn = invoiceErrorMessage('en', code, data);
  }

  messageIn(lang: Lang): string {
    return invoiceErrorMessage(lang, this.code, this.data);
  }
}

export function isInvoiceError(value: unknown): value is InvoiceError {
  return hasErrorShape(value, 'InvoiceError', INVOICE_ERROR_CODES);
}
