// lib/invoice: FA(3) invoices read for display (never as HTML), the KOD I verification link and its QR code.
// Public surface only. Not exported: the XML reader (FaNode) and the per-section readers, which hand out
// unsanitised text and exist only to build an InvoiceView.
export { parseInvoice } from './parse';
export type { ParseInvoiceOptions } from './parse';
export { InvoiceError, isInvoiceError, invoiceErrorMessage, INVOICE_ERROR_CODES } from './errors';
export type { InvoiceErrorCode } from './errors';
export { MAX_INVOICE_BYTES, MAX_XML_DEPTH, FA3_NAMESPACE, FA2_NAMESPACE } from './xml';
export { sanitizeForDisplay, MAX_DISPLAY_LENGTH } from './sanitize';
export { formatAmount, formatQuantity, formatDate } from './format';
export { addDecimals, isDecimal } from './decimal';
export {
  invoiceKindLabel,
  vatRateLabel,
  vatGroupLabel,
  paymentMethodLabel,
  thirdPartyRoleLabel,
  correctionTypeLabel,
  annotationLabel,
  INVOICE_KINDS,
} from './labels';
export { verificationLink } from './verification-link';
export type { VerificationLinkInput } from './verification-link';
export { encodeQr, qrToSvgPath, QR_MAX_VERSION } from './qr';
export type { QrCode } from './qr';
export type {
  Address,
  Advance,
  Annotation,
  BankAccount,
  Contact,
  CorrectedInvoice,
  Correction,
  InvoiceKind,
  InvoiceLine,
  InvoiceSchema,
  InvoiceView,
  OrderLine,
  Party,
  Payment,
  Settlement,
  Totals,
  VatSummaryRow,
} from './types';
