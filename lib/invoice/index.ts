// lib/invoice: FA(3) invoices read for display (never as HTML), the KOD I verification link and its QR code.
// Public surface only. Not exported: the XML reader (FaNode) and the per-section readers, which hand out
// unsanitised text and exist only to build an InvoiceView.
export { parseInvoice } from './parse';
export { isInvoiceError } from './errors';
export { sanitizeForDisplay } from './sanitize';
export { formatAmount, formatQuantity, formatDate } from './format';
export { verificationLink } from './verification-link';
export { encodeQr, qrToSvgPath } from './qr';
export type {
  Address,
  Advance,
  Correction,
  InvoiceLine,
  InvoiceView,
  OrderLine,
  Party,
  Payment,
  Settlement,
} from './types';
