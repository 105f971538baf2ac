// KSeF certificates [OA:GET /certificates/limits], [OA:GET /certificates/enrollments/data],
// [OA:POST /certificates/enrollments], [OA:GET /certificates/enrollments/{referenceNumber}],
// [OA:POST /certificates/retrieve], [OA:POST /certificates/query], NOTES §4.3. Field names exactly as openapi.json.
import * as z from 'zod/mini';
import { ReferenceNumber, StatusInfo } from './common';

/** 16 upper-case hex digits [OA#RetrieveCertificatesRequest items]. */
export const CERTIFICATE_SERIAL = /^[0-9A-F]{16}$/;
const SerialNumber = z.string().check(z.regex(CERTIFICATE_SERIAL));

/** `Authentication` or `Offline` [OA#KsefCertificateType]; a plain string so a new type never breaks a read. */
export type KsefCertificateType = 'Authentication' | 'Offline';
/** [OA#CertificateListItemStatus]. */
export type CertificateStatus = 'Active' | 'Blocked' | 'Revoked' | 'Expired';
/** [OA#CertificateRevocationReason]. */
export type CertificateRevocationReason = 'Unspecified' | 'Superseded' | 'KeyCompromise';

const CertificateLimit = z.lazy(() => z.object({ remaining: z.number().check(z.int()), limit: z.number().check(z.int()) }));

export const CertificateLimitsResponse = z.lazy(() => z.object({
  canRequest: z.boolean(),
  enrollment: CertificateLimit,
  certificate: CertificateLimit,
}));
export type CertificateLimitsResponse = z.infer<typeof CertificateLimitsResponse>;

/** The subject DN of the certificate used to log in; a CSR must carry exactly these attributes (NOTES §4.3). */
export const CertificateEnrollmentDataResponse = z.lazy(() => z.object({
  commonName: z.string(),
  countryName: z.string(),
  givenName: z.nullish(z.string()),
  surname: z.nullish(z.string()),
  serialNumber: z.nullish(z.string()),
  uniqueIdentifier: z.nullish(z.string()),
  organizationName: z.nullish(z.string()),
  organizationIdentifier: z.nullish(z.string()),
}));
export type CertificateEnrollmentDataResponse = z.infer<typeof CertificateEnrollmentDataResponse>;

export const EnrollCertificateResponse = z.lazy(() => z.object({
  referenceNumber: ReferenceNumber,
  timestamp: z.string(),
}));
export type EnrollCertificateResponse = z.infer<typeof EnrollCertificateResponse>;

/** Status codes: 100 accepted, 200 issued (serial set), 400 refused, 500 unknown, 550 cancelled by the system. */
export const CertificateEnrollmentStatusResponse = z.lazy(() => z.object({
  requestDate: z.string(),
  status: StatusInfo,
  certificateSerialNumber: z.nullish(SerialNumber),
}));
export type CertificateEnrollmentStatusResponse = z.infer<typeof CertificateEnrollmentStatusResponse>;

export const RetrieveCertificatesListItem = z.lazy(() => z.object({
  /** DER, base64. */
  certificate: z.string().check(z.minLength(1)),
  certificateName: z.string(),
  certificateSerialNumber: SerialNumber,
  certificateType: z.string(),
}));
export type RetrieveCertificatesListItem = z.infer<typeof RetrieveCertificatesListItem>;

export const RetrieveCertificatesResponse = z.lazy(() => z.object({ certificates: z.array(RetrieveCertificatesListItem) }));
export type RetrieveCertificatesResponse = z.infer<typeof RetrieveCertificatesResponse>;

export const CertificateListItem = z.lazy(() => z.object({
  certificateSerialNumber: SerialNumber,
  name: z.string(),
  type: z.string(),
  commonName: z.string(),
  status: z.string(),
  subjectIdentifier: z.object({ type: z.string(), value: z.string() }),
  validFrom: z.string(),
  validTo: z.string(),
  lastUseDate: z.nullish(z.string()),
  requestDate: z.string(),
}));
export type CertificateListItem = z.infer<typeof CertificateListItem>;

export const QueryCertificatesResponse = z.lazy(() => z.object({
  certificates: z.array(CertificateListItem),
  hasMore: z.boolean(),
}));
export type QueryCertificatesResponse = z.infer<typeof QueryCertificatesResponse>;

/** Body of `POST /certificates/enrollments` [OA#EnrollCertificateRequest]. */
export interface EnrollCertificateRequest {
  /** 5–100 characters of letters (Polish too), digits, space, `_` and `-`. */
  certificateName: string;
  certificateType: KsefCertificateType;
  /** DER PKCS#10, base64. */
  csr: string;
  /** ISO date-time; without it the certificate is valid from issuance. */
  validFrom?: string;
}

/** Body of `POST /certificates/query` [OA#QueryCertificatesRequest]; every field optional. */
export interface QueryCertificatesRequest {
  certificateSerialNumber?: string;
  /** Contains-match on the certificate's own name. */
  name?: string;
  type?: KsefCertificateType;
  status?: CertificateStatus;
  /** ISO date-time: only certificates expiring after it. */
  expiresAfter?: string;
}
