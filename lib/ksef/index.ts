// lib/ksef: the KSeF 2.0 client. Public surface only; transport, retry and error-body parsing stay private
// because every call should go through the client (one place for timeouts, limits and error mapping).
export { createKsefClient } from './client';
export type { KsefClient } from './client';
export { resolveBaseUrl } from './environments';
export type { KsefTarget } from './environments';
export { systemClock } from './clock';
export type { Clock } from './clock';
export { isKsefError } from './errors';
export { createRateLimiter } from './rate-limits';
export type { RateLimiter } from './rate-limits';
export { rateLimitKey } from './rate-limit-budgets';
export type { RateLimitBudget, RateLimitGroup } from './rate-limit-budgets';
export type { SystemWarning } from './system-warning';
export { pickPublicKey, importRsaOaepKey } from './public-keys';
export { bytesToBase64, base64ToBytes, utf8Decode, utf8Encode } from './encoding';
export { AuthInitResponse, StatusInfo } from './schemas';
export type { InvoiceQueryFilters, MetadataPaging } from './schemas';
export {
  CERTIFICATE_EXCEPTIONS,
  ENROLLMENT_STATUS,
  getCertificateLimits,
  getEnrollmentData,
  getEnrollmentStatus,
  queryCertificates,
  retrieveCertificates,
  revokeCertificate,
  submitEnrollment,
} from './api-certificates';
export type * from './api-certificates';
