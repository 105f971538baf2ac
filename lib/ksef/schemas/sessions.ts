// Online session operations [OA:POST /sessions/online], [OA:POST /sessions/online/{referenceNumber}/invoices],
// [OA:GET /sessions/{referenceNumber}], [OA:GET /sessions/{referenceNumber}/invoices/{invoiceReferenceNumber}].
import { z } from 'zod';
import { ReferenceNumber, StatusInfo, type FormCode } from './common';

export const OpenOnlineSessionResponse = z.object({
  referenceNumber: ReferenceNumber,
  validUntil: z.string(),
});
export type OpenOnlineSessionResponse = z.infer<typeof OpenOnlineSessionResponse>;

export const SendInvoiceResponse = z.object({ referenceNumber: ReferenceNumber });
export type SendInvoiceResponse = z.infer<typeof SendInvoiceResponse>;

export const UpoPage = z.object({
  referenceNumber: ReferenceNumber,
  downloadUrl: z.string(),
  downloadUrlExpirationDate: z.string(),
});
export type UpoPage = z.infer<typeof UpoPage>;

/** Online-session codes: 100 open, 170 closed, 200 processed, 415, 440, 445 (NOTES §8.3). */
export const SessionStatusResponse = z.object({
  status: StatusInfo,
  dateCreated: z.string(),
  dateUpdated: z.string(),
  validUntil: z.string().nullish(),
  upo: z.object({ pages: z.array(UpoPage) }).nullish(),
  invoiceCount: z.number().int().nullish(),
  successfulInvoiceCount: z.number().int().nullish(),
  failedInvoiceCount: z.number().int().nullish(),
});
export type SessionStatusResponse = z.infer<typeof SessionStatusResponse>;

/**
 * Invoice codes: 100, 150, 200 (ksefNumber set), 405, 410, 415, 430, 435, 440 duplicate, 450, 500, 550.
 * `invoiceHash` is required by the schema but absent from the official (440) example: optional here.
 */
export const SessionInvoiceStatusResponse = z.object({
  ordinalNumber: z.number().int(),
  invoiceNumber: z.string().nullish(),
  ksefNumber: z.string().nullish(),
  referenceNumber: ReferenceNumber,
  invoiceHash: z.string().nullish(),
  invoiceFileName: z.string().nullish(),
  acquisitionDate: z.string().nullish(),
  invoicingDate: z.string(),
  permanentStorageDate: z.string().nullish(),
  upoDownloadUrl: z.string().nullish(),
  upoDownloadUrlExpirationDate: z.string().nullish(),
  invoicingMode: z.string().nullish(),
  status: StatusInfo.extend({
    extensions: z.record(z.string(), z.string().nullable()).nullish(),
  }),
});
export type SessionInvoiceStatusResponse = z.infer<typeof SessionInvoiceStatusResponse>;

/** `GET /sessions/{ref}/invoices` [OA#SessionInvoicesResponse]: the session's invoices with their statuses. */
export const SessionInvoicesResponse = z.object({
  continuationToken: z.string().nullish(),
  invoices: z.array(SessionInvoiceStatusResponse),
});
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
