// Object identifiers the key readers recognise, with the names shown to users. Sources: RFC 8018
// (PBES2/PBKDF2), RFC 5915 and SEC 1 (EC keys), RFC 8017 (RSA), RFC 7292 (PKCS#12), RFC 8410 (EdDSA).
export type HashName = 'SHA-1' | 'SHA-224' | 'SHA-256' | 'SHA-384' | 'SHA-512';
export type CurveName = 'P-256' | 'P-384' | 'P-521';

export const OID = {
  rsaEncryption: '1.2.840.113549.1.1.1', rsaPss: '1.2.840.113549.1.1.10', ecPublicKey: '1.2.840.10045.2.1',
  pbes2: '1.2.840.113549.1.5.13', pbkdf2: '1.2.840.113549.1.5.12', pbmac1: '1.2.840.113549.1.5.14',
  scrypt: '1.3.6.1.4.1.11591.4.11', data: '1.2.840.113549.1.7.1', signedData: '1.2.840.113549.1.7.2',
  encryptedData: '1.2.840.113549.1.7.6', keyBag: '1.2.840.113549.1.12.10.1.1',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2', certBag: '1.2.840.113549.1.12.10.1.3',
  safeContentsBag: '1.2.840.113549.1.12.10.1.6', x509Certificate: '1.2.840.113549.1.9.22.1',
  localKeyId: '1.2.840.113549.1.9.21',
} as const;

export const CURVES: Record<string, CurveName> = { '1.2.840.10045.3.1.7': 'P-256', '1.3.132.0.34': 'P-384', '1.3.132.0.35': 'P-521' };
export const CURVE_OIDS = Object.fromEntries(Object.entries(CURVES).map(([oid, c]) => [c, oid])) as Record<CurveName, string>;
/** Bytes of a private scalar (and of each public coordinate) per curve. */
export const CURVE_BYTES: Record<CurveName, number> = { 'P-256': 32, 'P-384': 48, 'P-521': 66 };

/** Curves and key types users may bring that KSeF and WebCrypto do not take (named in UNSUPPORTED_ALGORITHM). */
export const OTHER_KEY_ALGORITHMS: Record<string, string> = {
  '1.3.132.0.10': 'EC secp256k1', '1.3.36.3.3.2.8.1.1.7': 'EC brainpoolP256r1',
  '1.3.36.3.3.2.8.1.1.11': 'EC brainpoolP384r1', '1.3.36.3.3.2.8.1.1.13': 'EC brainpoolP512r1',
  '1.2.840.10045.3.1.1': 'EC P-192', '1.3.132.0.33': 'EC P-224', '1.2.840.113549.1.1.10': 'RSA-PSS',
  '1.2.840.10040.4.1': 'DSA', '1.2.840.10046.2.1': 'DH', '1.3.101.110': 'X25519', '1.3.101.111': 'X448',
  '1.3.101.112': 'Ed25519', '1.3.101.113': 'Ed448', '1.2.643.7.1.1.1.1': 'GOST R 34.10-2012',
};

/** PBKDF2 PRFs (RFC 8018 B.1.1/B.1.2); an absent PRF means hmacWithSHA1. */
export const PRFS: Record<string, HashName> = {
  '1.2.840.113549.2.7': 'SHA-1', '1.2.840.113549.2.8': 'SHA-224', '1.2.840.113549.2.9': 'SHA-256',
  '1.2.840.113549.2.10': 'SHA-384', '1.2.840.113549.2.11': 'SHA-512',
};

/** Digest algorithms of the PKCS#12 MacData. */
export const DIGESTS: Record<string, HashName> = {
  '1.3.14.3.2.26': 'SHA-1', '2.16.840.1.101.3.4.2.4': 'SHA-224', '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384', '2.16.840.1.101.3.4.2.3': 'SHA-512',
};

/** AES-CBC key sizes in bytes (RFC 8018 B.2.5). */
export const AES_CBC: Record<string, { name: string; keyBytes: number }> = {
  '2.16.840.1.101.3.4.1.2': { name: 'AES-128-CBC', keyBytes: 16 },
  '2.16.840.1.101.3.4.1.22': { name: 'AES-192-CBC', keyBytes: 24 },
  '2.16.840.1.101.3.4.1.42': { name: 'AES-256-CBC', keyBytes: 32 },
};

/** Ciphers inside PBES2 that WebCrypto lacks (DES, 3DES, RC2, RC5): old OpenSSL `-v2 des3` and similar. */
export const LEGACY_PBES2_CIPHERS: Record<string, string> = {
  '1.2.840.113549.3.7': 'PBES2 DES-EDE3-CBC', '1.3.14.3.2.7': 'PBES2 DES-CBC',
  '1.2.840.113549.3.2': 'PBES2 RC2-CBC', '1.2.840.113549.3.9': 'PBES2 RC5-CBC',
};

/** PBES1 (RFC 8018 A.3) and the PKCS#12 PBE schemes (RFC 7292 C), named as OpenSSL's `-v1` option names them. */
export const LEGACY_SCHEMES: Record<string, string> = {
  '1.2.840.113549.1.5.1': 'PBE-MD2-DES', '1.2.840.113549.1.5.3': 'PBE-MD5-DES',
  '1.2.840.113549.1.5.4': 'PBE-MD2-RC2-64', '1.2.840.113549.1.5.6': 'PBE-MD5-RC2-64',
  '1.2.840.113549.1.5.10': 'PBE-SHA1-DES', '1.2.840.113549.1.5.11': 'PBE-SHA1-RC2-64',
  '1.2.840.113549.1.12.1.1': 'PBE-SHA1-RC4-128', '1.2.840.113549.1.12.1.2': 'PBE-SHA1-RC4-40',
  '1.2.840.113549.1.12.1.3': 'PBE-SHA1-3DES', '1.2.840.113549.1.12.1.4': 'PBE-SHA1-2DES',
  '1.2.840.113549.1.12.1.5': 'PBE-SHA1-RC2-128', '1.2.840.113549.1.12.1.6': 'PBE-SHA1-RC2-40',
};

/** A readable name for an algorithm OID in messages; unknown OIDs are shown dotted. */
export function algorithmName(oid: string): string {
  return OTHER_KEY_ALGORITHMS[oid] ?? LEGACY_SCHEMES[oid] ?? LEGACY_PBES2_CIPHERS[oid] ?? AES_CBC[oid]?.name ??
    (oid === OID.scrypt ? 'scrypt' : oid === OID.pbmac1 ? 'PBMAC1' : `OID ${oid}`);
}
