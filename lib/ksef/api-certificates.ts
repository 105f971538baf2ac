// KSeF certificates: limits, enrolment data, enrolment, its status, retrieval, listing, revocation (NOTES §4.3).
// Every operation needs the bearer token of a login; enrolment needs a login by signature (XAdES), a KSeF-token
// login gets 25001/25002 and cannot revoke. Each endpoint has its own "other" counter, 10/s 30/min 120/h
// [OA x-rate-limits], so an enrol-poll-retrieve run stays within one minute's budget with polls ≥ 2 s apart.
import type { Transport } from './transport';
import type { KsefClient } from './client';
import { isKsefError } from './errors';
import { rateLimitKey } from './rate-limit-budgets';
import { requireIntegerIn, requireObject, requireReference, requireToken } from './args';
import {
  CERTIFICATE_SERIAL,
  CertificateEnrollmentDataResponse,
  CertificateEnrollmentStatusResponse,
  CertificateLimitsResponse,
  EnrollCertificateResponse,
  QueryCertificatesResponse,
  RetrieveCertificatesResponse,
  type CertificateRevocationReason,
  type EnrollCertificateRequest,
  type QueryCertificatesRequest,
} from './schemas';
import type { Call } from './transport';

export type {
  CertificateEnrollmentDataResponse,
  CertificateEnrollmentStatusResponse,
  CertificateLimitsResponse,
  CertificateListItem,
  CertificateRevocationReason,
  CertificateStatus,
  EnrollCertificateRequest,
  EnrollCertificateResponse,
  KsefCertificateType,
  QueryCertificatesRequest,
  QueryCertificatesResponse,
  RetrieveCertificatesListItem,
  RetrieveCertificatesResponse,
} from './schemas';

/** Enrolment status codes [OA#CertificateEnrollmentStatusResponse]: 100 accepted, 200 issued, 400 refused, 500, 550. */
export const ENROLLMENT_STATUS = { accepted: 100, issued: 200, refused: 400, unknownError: 500, cancelled: 550 } as const;

/** Exception codes of the certificate operations [OA: 400 tables of /certificates/*]. */
export const CERTIFICATE_EXCEPTIONS = {
  /** No enrolment data for this way of logging in (a KSeF token). */
  noEnrollmentDataForLogin: 25001,
  /** No enrolment for this way of logging in (a KSeF token). */
  noEnrollmentForLogin: 25002,
  /** The CSR's subject differs from the login certificate's. */
  subjectMismatch: 25003,
  /** Bad CSR format or signature. */
  invalidCsr: 25004,
  enrollmentNotFound: 25005,
  enrollmentLimitReached: 25006,
  certificateLimitReached: 25007,
  certificateNotFound: 25008,
  /** Already revoked, blocked or expired. */
  cannotRevoke: 25009,
  invalidKey: 25010,
  invalidSignatureAlgorithm: 25011,
} as const;

const NAME = /^[a-zA-Z0-9_\- ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]{5,100}$/;
const TYPES = ['Authentication', 'Offline'];
const REASONS = ['Unspecified', 'Superseded', 'KeyCompromise'];

function requireSerial(name: string, value: unknown): string {
  if (typeof value !== 'string' || !CERTIFICATE_SERIAL.test(value)) {
    throw new TypeError(`"${name}" must be a certificate serial number of 16 upper-case hex digits`);
  }
  return value;
}

function checkEnrollment(body: EnrollCertificateRequest): EnrollCertificateRequest {
  requireObject('body', body);
  if (typeof body.certificateName !== 'string' || !NAME.test(body.certificateName)) {
    throw new TypeError('"certificateName" must be 5–100 letters, digits, spaces, "_" or "-"');
  }
  if (!TYPES.includes(body.certificateType)) throw new TypeError('"certificateType" must be Authentication or Offline');
  if (typeof body.csr !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(body.csr)) throw new TypeError('"csr" must be base64 DER');
  if (body.validFrom !== undefined && Number.isNaN(Date.parse(body.validFrom))) throw new TypeError('"validFrom" must be an ISO date-time');
  const { certificateName, certificateType, csr, validFrom } = body;
  return { certificateName, certificateType, csr, ...(validFrom === undefined ? {} : { validFrom }) };
}

/** The operations on the transport, each with the access token as its last argument (`client.certificates`). */
export function certificatesApi(t: Transport) {
  function call(method: 'GET' | 'POST', path: string, accessToken: string, rest: Partial<Call> = {}): Call {
    const token = requireToken('accessToken', accessToken);
    return { method, path, token, accept: 'json', limit: rateLimitKey('other', `${method} ${path}`), retry: 'idempotent', ...rest };
  }

  return {
    limits: (accessToken: string) => t.json(call('GET', '/certificates/limits', accessToken), CertificateLimitsResponse),

    enrollmentData: (accessToken: string) =>
      t.json(call('GET', '/certificates/enrollments/data', accessToken), CertificateEnrollmentDataResponse),

    /** Repeated only after a 429: a lost answer may hide an accepted enrolment that counts against the limit. */
    enroll: (body: EnrollCertificateRequest, accessToken: string) =>
      t.json(call('POST', '/certificates/enrollments', accessToken, { json: checkEnrollment(body), retry: 'refusedOnly' }), EnrollCertificateResponse),

    enrollmentStatus: (referenceNumber: string, accessToken: string) =>
      t.json(
        call('GET', '/certificates/enrollments/{referenceNumber}', accessToken, {
          params: { referenceNumber: requireReference('referenceNumber', referenceNumber) },
        }),
        CertificateEnrollmentStatusResponse,
      ),

    retrieve(serialNumbers: readonly string[], accessToken: string) {
      if (!Array.isArray(serialNumbers) || serialNumbers.length < 1 || serialNumbers.length > 10) {
        throw new TypeError('"serialNumbers" must list 1 to 10 serial numbers');
      }
      const certificateSerialNumbers = serialNumbers.map((s) => requireSerial('serialNumbers[]', s));
      return t.json(call('POST', '/certificates/retrieve', accessToken, { json: { certificateSerialNumbers } }), RetrieveCertificatesResponse);
    },

    query(filter: QueryCertificatesRequest, accessToken: string, paging: { pageOffset?: number; pageSize?: number } = {}) {
      requireObject('filter', filter);
      if (filter.certificateSerialNumber !== undefined) requireSerial('certificateSerialNumber', filter.certificateSerialNumber);
      const query = {
        pageOffset: requireIntegerIn('pageOffset', paging.pageOffset ?? 0, 0, 1_000_000),
        pageSize: requireIntegerIn('pageSize', paging.pageSize ?? 50, 10, 50),
      };
      return t.json(call('POST', '/certificates/query', accessToken, { json: filter, query }), QueryCertificatesResponse);
    },

    /** A repeat after a lost answer gets 25009 (already revoked): harmless, and the caller reads it as done. */
    async revoke(serialNumber: string, accessToken: string, reason?: CertificateRevocationReason): Promise<void> {
      if (reason !== undefined && !REASONS.includes(reason)) throw new TypeError('"reason" must be Unspecified, Superseded or KeyCompromise');
      const params = { certificateSerialNumber: requireSerial('serialNumber', serialNumber) };
      const json = reason === undefined ? {} : { revocationReason: reason };
      await t.send(call('POST', '/certificates/{certificateSerialNumber}/revoke', accessToken, { params, json, accept: 'none' }));
    },
  };
}

/**
 * What the functions below need: the profile's client and its login session (an AuthSession fits). A token
 * refused with 401 is refreshed once and the request asked again, as the sync does (RELIABILITY §5.3).
 */
export interface CertificatesClient {
  ksef: Pick<KsefClient, 'certificates'>;
  getAccessToken(options?: { forceRefresh?: boolean }): Promise<string>;
}

async function withToken<T>(client: CertificatesClient, run: (api: KsefClient['certificates'], token: string) => Promise<T>): Promise<T> {
  if (typeof client !== 'object' || client === null || !client.ksef?.certificates || typeof client.getAccessToken !== 'function') {
    throw new TypeError('"client" must be { ksef: KsefClient, getAccessToken }');
  }
  try {
    return await run(client.ksef.certificates, await client.getAccessToken());
  } catch (error) {
    if (!isKsefError(error) || error.status !== 401) throw error;
    return run(client.ksef.certificates, await client.getAccessToken({ forceRefresh: true }));
  }
}

export function getCertificateLimits(client: CertificatesClient): Promise<CertificateLimitsResponse> {
  return withToken(client, (api, token) => api.limits(token));
}

export function getEnrollmentData(client: CertificatesClient): Promise<CertificateEnrollmentDataResponse> {
  return withToken(client, (api, token) => api.enrollmentData(token));
}

export function submitEnrollment(client: CertificatesClient, body: EnrollCertificateRequest): Promise<EnrollCertificateResponse> {
  return withToken(client, (api, token) => api.enroll(body, token));
}

export function getEnrollmentStatus(client: CertificatesClient, referenceNumber: string): Promise<CertificateEnrollmentStatusResponse> {
  return withToken(client, (api, token) => api.enrollmentStatus(referenceNumber, token));
}

export function retrieveCertificates(client: CertificatesClient, serialNumbers: readonly string[]): Promise<RetrieveCertificatesResponse> {
  return withToken(client, (api, token) => api.retrieve(serialNumbers, token));
}

/** One page (default 50, the maximum); `hasMore` says whether `paging.pageOffset + 1` has more. Sorted by requestDate, newest first. */
export function queryCertificates(
  client: CertificatesClient,
  filter: QueryCertificatesRequest = {},
  paging: { pageOffset?: number; pageSize?: number } = {},
): Promise<QueryCertificatesResponse> {
  return withToken(client, (api, token) => api.query(filter, token, paging));
}

export function revokeCertificate(client: CertificatesClient, serialNumber: string, reason?: CertificateRevocationReason): Promise<void> {
  return withToken(client, (api, token) => api.revoke(serialNumber, token, reason));
}
