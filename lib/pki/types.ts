export type { KsefEnvironment } from '../domain/environments';

export interface SubjectFields {
  commonName?: string;
  givenName?: string;
  surname?: string;
  serialNumber?: string;
  organizationName?: string;
  organizationIdentifier?: string;
  countryName?: string;
  uniqueIdentifier?: string;
}

export interface CertificateIdentifier {
  type: 'NIP' | 'PESEL';
  value: string;
}

/** Which KSeF environment issued the certificate, judged from its issuer (NOTES §4.3). */
export type EnvironmentHint = 'test' | 'production' | 'other';

export interface CertificateInfo {
  subject: SubjectFields;
  /** The NIP or PESEL KSeF reads from the subject (NOTES §4.1), or null when none matches. */
  identifier: CertificateIdentifier | null;
  notBefore: Date;
  notAfter: Date;
  /** Issuer distinguished name as an RFC 4514 string (most specific RDN first). */
  issuer: string;
  /** Subject distinguished name as an RFC 4514 string. */
  subjectDn: string;
  serialNumberHex: string;
  /** Lowercase hex SHA-256 of the DER certificate. */
  fingerprintSha256: string;
  /** 'EC P-256', 'EC P-384', 'EC P-521', 'RSA 2048', … */
  keyAlgorithm: string;
  /** From keyUsage: digitalSignature → authentication, nonRepudiation → offline (NOTES §4.3). */
  purpose: 'authentication' | 'offline' | 'unknown';
  selfSigned: boolean;
  environmentHint: EnvironmentHint;
  der: Uint8Array<ArrayBuffer>;
}

export type BinaryInput = string | Uint8Array | ArrayBuffer;

export type FindingCode =
  | 'NOT_YET_VALID'
  | 'EXPIRED'
  | 'EXPIRES_SOON'
  | 'NIP_MISMATCH'
  | 'NO_IDENTIFIER'
  | 'OFFLINE_CERTIFICATE'
  | 'ENVIRONMENT_MISMATCH'
  | 'SELF_SIGNED_OUTSIDE_TEST';

export type FindingSeverity = 'error' | 'warning';

export interface CertificateFinding {
  code: FindingCode;
  severity: FindingSeverity;
  /** What the message needs: dates as ISO strings, NIPs, environments, days left. */
  data: Record<string, string | number>;
}
