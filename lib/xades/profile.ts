// The URIs of the signature profile KSeF accepts and this project uses (NOTES §3.4, §3.5).

export const NS_AUTH_2_0 = 'http://ksef.mf.gov.pl/auth/token/2.0';
/** KSeF accepts the 2.1 namespace too (same structure, fixed IP patterns); the verifier reads both. */
export const NS_AUTH_2_1 = 'http://ksef.mf.gov.pl/auth/token/2.1';
export const NS_DS = 'http://www.w3.org/2000/09/xmldsig#';
export const NS_XADES = 'http://uri.etsi.org/01903/v1.3.2#';

export const URI_EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
export const URI_ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
export const URI_SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
export const URI_RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
export const URI_ECDSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256';
export const URI_ECDSA_SHA384 = 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384';
export const URI_ECDSA_SHA512 = 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512';
export const URI_SIGNED_PROPERTIES_TYPE = 'http://uri.etsi.org/01903#SignedProperties';

/** Fixed Ids, as the official C# client writes them (NOTES §3.5); the document itself has no Id attributes. */
export const SIGNATURE_ID = 'Signature';
export const SIGNED_PROPERTIES_ID = 'SignedProperties';

/**
 * Digest algorithms accepted for references and for the SigningCertificate digest. SHA-1 is left out on
 * purpose: DEMO and production answer 9105 for it although the documentation lists it (NOTES §3.4).
 */
export const DIGEST_ALGORITHMS: Readonly<Record<string, 'SHA-256' | 'SHA-384' | 'SHA-512'>> = {
  [URI_SHA256]: 'SHA-256',
  'http://www.w3.org/2001/04/xmldsig-more#sha384': 'SHA-384',
  'http://www.w3.org/2001/04/xmlenc#sha512': 'SHA-512',
};

export interface SignatureMethod {
  kind: 'RSA' | 'ECDSA';
  hash: 'SHA-256' | 'SHA-384' | 'SHA-512';
}

/** PKCS#1 v1.5 and ECDSA with SHA-2 only: RSA-PSS and SHA-1 fail on DEMO/production (NOTES §3.4). */
export const SIGNATURE_METHODS: Readonly<Record<string, SignatureMethod>> = {
  [URI_RSA_SHA256]: { kind: 'RSA', hash: 'SHA-256' },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384': { kind: 'RSA', hash: 'SHA-384' },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512': { kind: 'RSA', hash: 'SHA-512' },
  [URI_ECDSA_SHA256]: { kind: 'ECDSA', hash: 'SHA-256' },
  [URI_ECDSA_SHA384]: { kind: 'ECDSA', hash: 'SHA-384' },
  [URI_ECDSA_SHA512]: { kind: 'ECDSA', hash: 'SHA-512' },
};

/** Canonicalization of SignedInfo and the c14n transforms of references, as KSeF lists them (NOTES §3.4). */
export const CANONICALIZATION_METHODS: readonly string[] = [
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments',
  URI_EXC_C14N,
  'http://www.w3.org/2001/10/xml-exc-c14n#WithComments',
];

/** Byte length of each coordinate of an ECDSA signature: R||S is twice this (XMLDSig 1.1, RFC 4050). */
export const EC_COORDINATE_BYTES: Readonly<Record<string, number>> = { 'P-256': 32, 'P-384': 48, 'P-521': 66 };

/** Largest signed AuthTokenRequest we read; ours are about 3 kB (EC) to 5 kB (RSA 4096). */
export const MAX_DOCUMENT_CHARS = 64 * 1024;
/** Deepest element nesting we read; the profile needs 10 (AuthTokenRequest/…/IssuerSerial/X509SerialNumber). */
export const MAX_DEPTH = 24;
