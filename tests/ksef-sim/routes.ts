// Which handler serves which documented operation, under which rate-limit group (NOTES §9) and which token.
import { postChallenge, postKsefToken, postXadesSignature } from './auth';
import { deleteCurrentSession, getAuthStatus, postRedeem, postRefresh } from './auth-tokens';
import { getCertificateLimits, getEnrollmentData, getEnrollmentStatus, postEnrollment } from './certificates';
import { postQuery, postRetrieve, postRevoke } from './certificates-list';
import type { SimRequest, SimResponse } from './http';
import { getInvoice, postQueryMetadata } from './invoice-api';
import { queryPersonalGrants } from './permissions';
import { getPublicKeyCertificates, getRateLimits } from './service-api';
import type { RateLimitGroup } from './rate-limits';
import { closeSession, openOnlineSession, sendInvoice } from './sessions';
import { listFailedSessionInvoices, listSessionInvoices } from './session-list';
import { getInvoiceUpo, getInvoiceUpoByKsefNumber, getSession, getSessionInvoice, getSessionUpo } from './session-status';
import type { SimState } from './state';
import type { TokenType } from './tokens';

export interface Route {
  handler: (req: SimRequest, state: SimState) => SimResponse | Promise<SimResponse>;
  group: RateLimitGroup;
  /** Tokens accepted (checked before the body, so a caller without one gets 401 first); none = public. */
  tokens: readonly TokenType[];
}

const ACCESS: readonly TokenType[] = ['ContextToken'];
const OPERATION: readonly TokenType[] = ['OperationToken'];

/** Keyed by `METHOD template` exactly as openapi.json spells the path. */
export const ROUTES: Readonly<Record<string, Route>> = {
  'POST /auth/challenge': { handler: postChallenge, group: 'auth', tokens: [] },
  'POST /auth/xades-signature': { handler: postXadesSignature, group: 'auth', tokens: [] },
  'POST /auth/ksef-token': { handler: postKsefToken, group: 'auth', tokens: [] },
  'GET /auth/{referenceNumber}': { handler: getAuthStatus, group: 'auth', tokens: OPERATION },
  'POST /auth/token/redeem': { handler: postRedeem, group: 'auth', tokens: OPERATION },
  'POST /auth/token/refresh': { handler: postRefresh, group: 'auth', tokens: ['RefreshToken'] },
  'DELETE /auth/sessions/current': { handler: deleteCurrentSession, group: 'other', tokens: ['ContextToken', 'RefreshToken'] },
  'GET /security/public-key-certificates': { handler: getPublicKeyCertificates, group: 'publicKeys', tokens: [] },
  'POST /permissions/query/personal/grants': { handler: queryPersonalGrants, group: 'other', tokens: ACCESS },
  'POST /invoices/query/metadata': { handler: postQueryMetadata, group: 'invoiceMetadata', tokens: ACCESS },
  'GET /invoices/ksef/{ksefNumber}': { handler: getInvoice, group: 'invoiceDownload', tokens: ACCESS },
  'POST /sessions/online': { handler: openOnlineSession, group: 'onlineSession', tokens: ACCESS },
  'POST /sessions/online/{referenceNumber}/invoices': { handler: sendInvoice, group: 'invoiceSend', tokens: ACCESS },
  'POST /sessions/online/{referenceNumber}/close': { handler: closeSession, group: 'onlineSessionClose', tokens: ACCESS },
  'GET /sessions/{referenceNumber}': { handler: getSession, group: 'sessionMisc', tokens: ACCESS },
  'GET /sessions/{referenceNumber}/invoices': { handler: listSessionInvoices, group: 'sessionInvoiceList', tokens: ACCESS },
  'GET /sessions/{referenceNumber}/invoices/failed': { handler: listFailedSessionInvoices, group: 'sessionInvoiceList', tokens: ACCESS },
  'GET /sessions/{referenceNumber}/invoices/{invoiceReferenceNumber}': { handler: getSessionInvoice, group: 'invoiceStatus', tokens: ACCESS },
  'GET /sessions/{referenceNumber}/invoices/{invoiceReferenceNumber}/upo': { handler: getInvoiceUpo, group: 'sessionMisc', tokens: ACCESS },
  'GET /sessions/{referenceNumber}/invoices/ksef/{ksefNumber}/upo': { handler: getInvoiceUpoByKsefNumber, group: 'sessionMisc', tokens: ACCESS },
  'GET /sessions/{referenceNumber}/upo/{upoReferenceNumber}': { handler: getSessionUpo, group: 'sessionMisc', tokens: ACCESS },
  'GET /rate-limits': { handler: getRateLimits, group: 'other', tokens: ACCESS },
  // Certificates: each on its own "other" counter, 10/s 30/min 120/h [OA x-rate-limits], NOTES §9.
  'GET /certificates/limits': { handler: getCertificateLimits, group: 'other', tokens: ACCESS },
  'GET /certificates/enrollments/data': { handler: getEnrollmentData, group: 'other', tokens: ACCESS },
  'POST /certificates/enrollments': { handler: postEnrollment, group: 'other', tokens: ACCESS },
  'GET /certificates/enrollments/{referenceNumber}': { handler: getEnrollmentStatus, group: 'other', tokens: ACCESS },
  'POST /certificates/retrieve': { handler: postRetrieve, group: 'other', tokens: ACCESS },
  'POST /certificates/query': { handler: postQuery, group: 'other', tokens: ACCESS },
  'POST /certificates/{certificateSerialNumber}/revoke': { handler: postRevoke, group: 'other', tokens: ACCESS },
};
