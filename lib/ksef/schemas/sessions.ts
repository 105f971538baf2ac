// Online session operations [OA:POST /sessions/online], [OA:POST /sessions/online/{referenceNumber}/invoices],
// [OA:GET /sessions/{referenceNumber}], [OA:GET /sessions/{referenceNumber}/invoices/{invoiceReferenceNumber}].
import * as z from 'zod/mini';
import { ReferenceNumber, StatusInfo, type FormCode } from './common';

export const OpenOnlineSessionResponse = z.lazy(() => z.object({
  referenceNumber: ReferenceNumber,
  validUntil: z.string(),
}));
export type OpenOnlineSessionResponse = z.infer<typeof OpenOnlineSessionResponse>;

export const SendInvoiceResponse = z.lazy(() => z.object({ referenceNumber: ReferenceNumber }));
export type SendInvoiceResponse = z.infer<typeof SendInvoiceResponse>;

export const UpoPage = z.lazy(() => z.object({
  referenceNumber: ReferenceNumber,
  downloadUrl: z.string(),
  downloadUrlExpirationDate: z.string(),
}));
export type UpoPage = z.infer<typeof UpoPage>;

/** Online-session codes: 100 open, 170 closed, 200 processed, 415, 440, 445 (NOTES §8.3). */
export const SessionStatusResponse = z.lazy(() => z.object({
  status: StatusInfo,
  dateCreated: z.string(),
  dateUpdated: z.string(),
  validUntil: z.nullish(z.string()),
  upo: z.nullish(z.object({ pages: z.array(UpoPage) })),
  invoiceCount: z.nullish(z.number().check(z.int())),
  successfulInvoiceCount: z.nullish(z.number().check(z.int())),
  failedInvoiceCount: z.nullish(z.number().check(z.int())),
}));
export type SessionStatusResponse = z.infer<typeof SessionStatusResponse>;

/**
 * Invoice codes: 100, 150, 200 (ksefNumber set), 405, 410, 415, 430, 435, 440 duplicate, 450, 500, 550.
 * `invoiceHash` is required by the schema but absent from the official (440) example: optional here.
 */
export const SessionInvoiceStatusResponse = z.lazy(() => z.object({
  ordinalNumber: z.number().check(z.int()),
  invoiceNumber: z.nullish(z.string()),
  ksefNumber: z.nullish(z.string()),
  referenceNumber: ReferenceNumber,
  invoiceHash: z.nullish(z.string()),
  invoiceFileName: z.nullish(z.string()),
  acquisitionDate: z.nullish(z.string()),
  invoicingDate: z.string(),
  permanentStorageDate: z.nullish(z.string()),
  upoDownloadUrl: z.nullish(z.string()),
  upoDownloadUrlExpirationDate: z.nullish(z.string()),
  invoicingMode: z.nullish(z.string()),
  // The shape spread, not z.extend: same schema, without pulling zod's extend helpers into every page's chunk.
  status: z.object({
    ...StatusInfo.shape,
    extensions: z.nullish(z.record(z.string(), z.nullable(z.string()))),
  }),
}));
export type SessionInvoiceStatusResponse = z.infer<typeof SessionInvoiceStatusResponse>;

/** `GET /sessions/{ref}/invoices` [OA#SessionInvoicesResponse]: the session's invoices with their statuses. */
export const SessionInvoicesResponse = z.lazy(() => z.object({
  continuationToken: z.nullish(z.string()),
  invoices: z.array(SessionInvoiceStatusResponse),
}));
export type SessionInvoicesResponse = z.infer<typeof SessionInvoicesResponse>;

/** Body of `POST /sessions/online` [OA#OpenOnlineSessionRequest]. */
export interface OpenOnlineSessionRequest {
  formCode: FormCode;
  encryption: {
    /** Base64 RSA-OAEP-SHA256 of the 32-byte AES key (NOTES §8.2). */
    encryptedSymmetricKey: string;
    initializationVector: string;
    publicKeyId?: string;
  };
}

/** Body of `POST /sessions/online/{ref}/invoices` [OA#SendInvoiceRequest]; hashes are base64 SHA-256. */
export interface SendInvoiceRequest {
  invoiceHash: string;
  invoiceSize: number;
  encryptedInvoiceHash: string;
  encryptedInvoiceSize: number;
  encryptedInvoiceContent: string;
  offlineMode?: boolean;
  hashOfCorrectedInvoice?: string;
}
