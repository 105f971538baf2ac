// lib/pki: the user's certificate and key, read inside the extension. Only what other modules use;
// tests import the file they test. ASN.1 is read by asn1.ts alone (asn1js, bounded); hashes, ciphers and
// curve arithmetic come from WebCrypto and @noble/* (STYLE 25).
export { PkiError, isPkiError, pkiErrorMessage } from './errors';
export type { CertificateFinding, CertificateInfo } from './types';
export { readCertificate } from './certificate';
export { checkCertificate, describeFinding } from './check';
export { readPkcs12 } from './pkcs12';
export { loadCredentials } from './credentials';
export type { Credentials } from './credentials';
