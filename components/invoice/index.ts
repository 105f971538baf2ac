// components/invoice: the readable FA(3) invoice. The sections are private: pages render InvoiceDocument.
export { InvoiceDocument } from './InvoiceDocument';
export type { InvoiceDocumentProps } from './InvoiceDocument';
