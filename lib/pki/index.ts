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
export { readCertificate, TEST_ISSUER_CN, PRODUCTION_ISSUER_CN } from './certificate';
export { identifierFromSubject } from './dn';
export { checkCertificate, describeFinding, EXPIRY_WARNING_DAYS } from './check';
export type { CheckOptions } from './check';
export { normalizeNip, isValidNip, validateNip, nipErrorMessage } from './nip';
export type { NipErrorCode, NipValidation } from './nip';
export { readPrivateKey } from './private-key';
export { readPkcs12 } from './pkcs12';
export { loadCredentials } from './credentials';
export type { Credentials, CredentialsInput } from './credentials';
export { signingAlgorithm, describeKey, keyMatchesCertificate } from './key-match';
export type { SigningAlgorithm } from './key-match';
export { CONVERT_KEY_COMMAND, CONVERT_PKCS12_COMMAND } from './legacy-encryption';
// The building blocks (der, pbes2, aes-cbc, hashes, pkcs12-*) stay internal: callers hand over files and a
// password and get facts or a CryptoKey; the byte-level steps are not an API. Hashes, ciphers and curve
// arithmetic come from @noble/* (STYLE 25); ASN.1 from der.ts alone. PKCS#12 is read here, not with pkijs's
// PFX classes: their WebCrypto engine fails on AES-192 and hmacWithSHA224 in Chromium, and every failure
// must map to a precise code (WRONG_PASSWORD vs CORRUPT_FILE).
