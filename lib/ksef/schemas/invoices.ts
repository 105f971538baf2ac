// [OA:POST /invoices/query/metadata], [OA#InvoiceQueryFilters], [OA#InvoiceMetadata], NOTES §7.1.
import * as z from 'zod/mini';
import { FormCode } from './common';

const Party = z.lazy(() => z.object({ type: z.string(), value: z.nullish(z.string()) }));

export const InvoiceMetadata = z.lazy(() => z.object({
  ksefNumber: z.string().check(z.minLength(35), z.maxLength(36)),
  invoiceNumber: z.string(),
  issueDate: z.string(),
  invoicingDate: z.string(),
  acquisitionDate: z.string(),
  permanentStorageDate: z.string(),
  seller: z.object({ nip: z.string(), name: z.nullish(z.string()) }),
  buyer: z.object({ identifier: Party, name: z.nullish(z.string()) }),
  netAmount: z.number(),
  grossAmount: z.number(),
  vatAmount: z.number(),
  currency: z.string(),
  invoicingMode: z.string(),
  invoiceType: z.string(),
  formCode: FormCode,
  isSelfInvoicing: z.boolean(),
  hasAttachment: z.boolean(),
  /** Base64 SHA-256 of the invoice file; equals the download's `x-ms-meta-hash`. */
  invoiceHash: z.string(),
  hashOfCorrectedInvoice: z.nullish(z.string()),
  thirdSubjects: z.nullish(
    z.array(z.object({ identifier: Party, name: z.nullish(z.string()), role: z.number().check(z.int()) })),
  ),
  authorizedSubject: z.nullish(
    z.object({ nip: z.string(), name: z.nullish(z.string()), role: z.number().check(z.int()) }),
  ),
}));
export type InvoiceMetadata = z.infer<typeof InvoiceMetadata>;

export const InvoiceMetadataResponse = z.lazy(() => z.object({
  hasMore: z.boolean(),
  isTruncated: z.boolean(),
  permanentStorageHwmDate: z.nullish(z.string()),
  invoices: z.array(InvoiceMetadata),
}));
export type InvoiceMetadataResponse = z.infer<typeof InvoiceMetadataResponse>;

export type InvoiceSubjectType = 'Subject1' | 'Subject2' | 'Subject3' | 'SubjectAuthorized';
export type InvoiceDateType = 'Issue' | 'Invoicing' | 'PermanentStorage';

/** Body of the metadata query; `subjectType` and `dateRange` are required. */
export interface InvoiceQueryFilters {
  subjectType: InvoiceSubjectType;
  dateRange: {
    dateType: InvoiceDateType;
    from: string;
    to?: string;
    restrictToPermanentStorageHwmDate?: boolean;
  };
  ksefNumber?: string;
  invoiceNumber?: string;
  amount?: { type: 'Brutto' | 'Netto' | 'Vat'; from?: number; to?: number };
  sellerNip?: string;
  buyerIdentifier?: { type: 'Nip' | 'VatUe' | 'Other' | 'None'; value?: string };
  currencyCodes?: string[];
  invoicingMode?: 'Online' | 'Offline';
  isSelfInvoicing?: boolean;
  formType?: 'FA' | 'PEF' | 'FA_RR';
  invoiceTypes?: string[];
  hasAttachment?: boolean;
}

/** Query-string paging: `pageOffset` is a page index, not a record offset (NOTES §2). */
export interface MetadataPaging {
  pageOffset?: number;
  pageSize?: number;
  sortOrder?: 'Asc' | 'Desc';
}
