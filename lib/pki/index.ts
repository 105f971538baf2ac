// lib/pki: the user's certificate and key, read inside the extension. Public surface only.
export { PkiError, isPkiError, pkiErrorMessage, PKI_ERROR_CODES, MAX_INPUT_BYTES } from './errors';
export type { PkiErrorCode } from './errors';
export type {
  BinaryInput,
  CertificateFinding,
  CertificateIdentifier,
  CertificateInfo,
  EnvironmentHint,
  FindingCode,
  FindingSeverity,
  KsefEnvironment,
  SubjectFields,
} from './types';
// @certificate-exports (readCertificate, checkCertificate, NIP validation)
// @key-exports (readPrivateKey, readPkcs12, loadCredentials)
