// lib/ksef: the KSeF 2.0 client. Public surface only; transport, retry and error-body parsing stay private
// because every call should go through the client (one place for timeouts, limits and error mapping).
export { createKsefClient } from './client';
export type { KsefClient, KsefClientDeps } from './client';
export {
  ENVIRONMENT_URLS,
  KSEF_ENVIRONMENTS,
  isKsefEnvironment,
  resolveBaseUrl,
} from './environments';
export type { EnvironmentUrls, KsefEnvironment, KsefTarget } from './environments';
export { systemClock } from './clock';
export type { Clock } from './clock';
export { KsefError, isKsefError, KSEF_ERROR_CODES } from './errors';
export type { KsefErrorCode, KsefErrorInit, KsefException, SchemaIssue } from './errors';
export { ksefMessageKey, ksefErrorMessage, EXCEPTION_CODES_WITH_MESSAGES, FORBIDDEN_REASONS } from './error-messages';
export { createRateLimiter, DEFAULT_SKEW_MS } from './rate-limits';
export type { AcquireResult, RateLimiter, RateLimiterOptions, RateLimitState } from './rate-limits';
export { DEFAULT_BUDGETS, RATE_LIMIT_GROUPS, rateLimitKey } from './rate-limit-budgets';
export type { RateLimitBudget, RateLimitGroup } from './rate-limit-budgets';
export { parseRetryAfter } from './retry-after';
export { MAX_TIMEOUT_MS } from './transport';
export { DEFAULT_RESPONSE_CAP, ERROR_BODY_CAP, RESPONSE_CAPS, responseCap } from './response-limits';
export { parseSystemWarnings } from './system-warning';
export type { SystemWarning } from './system-warning';
export type { RetryPolicy } from './retry';
export type { DownloadedXml } from './download';
export { pickPublicKey, spkiOfCertificate, importRsaOaepKey } from './public-keys';
export type { PublicKeyUsage } from './public-keys';
export { bytesToBase64, base64ToBytes, sha256Base64, utf8Decode, utf8Encode } from './encoding';
export {
  AuthChallengeResponse,
  AuthInitResponse,
  AuthRefreshResponse,
  AuthStatusResponse,
  AuthTokensResponse,
  EffectiveRateLimitsResponse,
  InvoiceMetadata,
  InvoiceMetadataResponse,
  OpenOnlineSessionResponse,
  PersonalPermission,
  PersonalPermissionsResponse,
  PublicKeyCertificate,
  PublicKeyCertificatesResponse,
  SendInvoiceResponse,
  SessionInvoiceStatusResponse,
  SessionStatusResponse,
  StatusInfo,
  TokenInfo,
  UpoPage,
} from './schemas';
export type {
  ContextIdentifier,
  FormCode,
  InvoiceDateType,
  InvoiceQueryFilters,
  InvoiceSubjectType,
  KsefTokenAuthRequest,
  MetadataPaging,
  OpenOnlineSessionRequest,
  PersonalPermissionsQuery,
  SendInvoiceRequest,
} from './schemas';
