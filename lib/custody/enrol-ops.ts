// The KSeF certificate operations an enrolment uses (CERTAPI's lib/ksef/api-certificates.ts), bound to one
// profile's client and login, as one object of functions: the engine takes it as a seam (tests count and
// kill its calls), and the worker builds it from the profile's runtime.
import {
  getCertificateLimits,
  getEnrollmentData,
  getEnrollmentStatus,
  queryCertificates,
  retrieveCertificates,
  revokeCertificate,
  submitEnrollment,
  type CertificatesClient,
  type CertificateRevocationReason,
  type EnrollCertificateRequest,
  type QueryCertificatesRequest,
} from '../ksef/api-certificates';
import { PRODUCTION_ISSUER_CN, TEST_ISSUER_CN } from '../pki/issuers';
import type { CertificateInfo } from '../pki/types';

export function certificateOps(client: CertificatesClient) {
  return {
    limits: () => getCertificateLimits(client),
    enrollmentData: () => getEnrollmentData(client),
    enroll: (body: EnrollCertificateRequest) => submitEnrollment(client, body),
    status: (referenceNumber: string) => getEnrollmentStatus(client, referenceNumber),
    retrieve: (serialNumbers: readonly string[]) => retrieveCertificates(client, serialNumbers),
    query: (filter: QueryCertificatesRequest) => queryCertificates(client, filter),
    revoke: (serialNumber: string, reason?: CertificateRevocationReason) => revokeCertificate(client, serialNumber, reason),
  };
}
export type CertificateOps = ReturnType<typeof certificateOps>;

/** KSeF's form of a serial number: 16 upper-case hex digits [OA#RetrieveCertificatesRequest]; null when it cannot be one. */
export function ksefSerial(serialNumberHex: string): string | null {
  const hex = serialNumberHex.replace(/^-/, '').toUpperCase();
  return /^[0-9A-F]{1,16}$/.test(hex) ? hex.padStart(16, '0') : null;
}

/**
 * Whether KSeF issued this certificate, so KSeF can revoke it: its issuer is KSeF's CA (NOTES §4.3: TEST
 * "TEST CCK KSeF", production "CCK KSeF") and its serial has KSeF's form. Qualified certificates and seals are
 * revoked by their own issuer; a self-signed TEST certificate has nothing to revoke.
 */
export function isKsefIssued(certificate: Pick<CertificateInfo, 'issuer' | 'selfSigned' | 'serialNumberHex'>): boolean {
  if (certificate.selfSigned) return false;
  const cn = /(?:^|,)CN=([^,]*)/.exec(certificate.issuer)?.[1]?.trim();
  return (cn === TEST_ISSUER_CN || cn === PRODUCTION_ISSUER_CN) && ksefSerial(certificate.serialNumberHex) !== null;
}

/** A name for the certificate in KSeF, unique per attempt (5–100 of [A-Za-z0-9 _-], OA#EnrollCertificateRequest). */
export function certificateName(now: Date, id: string): string {
  return `KSeF Pilot ${now.toISOString().slice(0, 10)} ${id.replace(/[^A-Za-z0-9]/g, '').slice(0, 12)}`;
}
