// Strict readers for the three unencrypted private-key structures (PKCS#8 RFC 5958, PKCS#1 RFC 8017 A.1.2,
// SEC1 RFC 5915), each turned into one canonical PKCS#8 that every WebCrypto imports the same way:
// attributes dropped, the EC curve in the AlgorithmIdentifier, and the EC public key always present.
// Strictness matters twice: hostile files, and telling a wrong password from a decrypted key (pbes2.ts).
import { PkiError } from './errors';
import { p256, p384, p521 } from '@noble/curves/nist.js';
import { DerReader, TAG, corrupt, encodeOid, encodeTlv, type Tlv } from './der';
import { CURVES, CURVE_BYTES, CURVE_OIDS, OID, OTHER_KEY_ALGORITHMS, algorithmName, type CurveName } from './key-oids';

export type KeySpec = { type: 'EC'; curve: CurveName } | { type: 'RSA'; bits: number };

/** A canonical PKCS#8 PrivateKeyInfo; the holder must wipe `pkcs8` once it is imported. */
export interface KeyMaterial {
  spec: KeySpec;
  pkcs8: Uint8Array<ArrayBuffer>;
}

const MIN_RSA_BITS = 2048; // KSeF and XAdES (RELIABILITY §4.2): RSA at least 2048 bits
const MAX_RSA_BITS = 16384; // the largest size browsers import

// The public point Q = d·G for EC keys stored without it (SEC1 makes it optional; `openssl ec -no_public`):
// Node and Chromium derive it on import, but not every WebCrypto does, so WebCrypto always gets a complete
// ECPrivateKey. Cost: @noble/curves' NIST curves, 43 kB minified (17 kB gzip) of which
// about 30 kB is new (its SHA-2 and HMAC are the @noble/hashes pkijs already ships), where keys are read.
const NIST = { 'P-256': p256, 'P-384': p384, 'P-521': p521 } as const;

const unsupported = (algorithm: string): PkiError => new PkiError('UNSUPPORTED_ALGORITHM', { algorithm });
const int0 = (): Uint8Array => new Uint8Array([TAG.INTEGER, 1, 0]);

function wrapPkcs8(algorithm: Uint8Array, privateKey: Uint8Array): Uint8Array<ArrayBuffer> {
  const octets = encodeTlv(TAG.OCTET_STRING, privateKey);
  const out = encodeTlv(TAG.SEQUENCE, int0(), algorithm, octets);
  octets.fill(0);
  return out;
}

/** The curve named by an EC parameters element: namedCurve OID only (explicit curves are refused). */
export function curveOf(r: DerReader, t: Tlv | undefined, what: string): CurveName {
  if (t?.tag === TAG.SEQUENCE) throw unsupported('EC explicit parameters');
  const oid = r.oid(t, what);
  const curve = CURVES[oid];
  if (!curve) throw unsupported(OTHER_KEY_ALGORITHMS[oid] ?? `EC ${algorithmName(oid)}`);
  return curve;
}

/** RSAPrivateKey (two-prime only: WebCrypto has no multi-prime import). */
export function fromPkcs1(bytes: Uint8Array): KeyMaterial {
  const r = new DerReader(bytes);
  const parts = r.seq(r.root(), 'RSAPrivateKey');
  const version = r.int(parts[0], 'RSA key version');
  if (version === 1) throw unsupported('RSA multi-prime');
  if (version !== 0 || parts.length !== 9) throw corrupt('RSAPrivateKey');
  for (const p of parts.slice(1)) {
    const c = r.content(r.expect(p, TAG.INTEGER, 'RSA key'));
    if (c.length === 0 || (c[0]! & 0x80) !== 0 || (c.length > 1 && c[0] === 0 && (c[1]! & 0x80) === 0)) {
      throw corrupt('RSA key integer');
    }
  }
  const n = r.content(parts[1]!);
  const significant = n[0] === 0 ? n.subarray(1) : n;
  const bits = significant.length * 8 - Math.clz32(significant[0] ?? 0) + 24;
  if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) throw unsupported(`RSA ${bits}`);
  const algorithm = encodeTlv(TAG.SEQUENCE, encodeOid(OID.rsaEncryption), new Uint8Array([TAG.NULL, 0]));
  return { spec: { type: 'RSA', bits }, pkcs8: wrapPkcs8(algorithm, bytes) };
}

/**
 * ECPrivateKey. `curve` comes from the enclosing PKCS#8 or an `EC PARAMETERS` block; without either, the
 * [0] parameters decide, and as a last resort the scalar length (32/48/66 bytes), which the key/certificate
 * proof in loadCredentials would catch if wrong.
 */
export function fromSec1(bytes: Uint8Array, curve?: CurveName): KeyMaterial {
  const r = new DerReader(bytes);
  const parts = r.seq(r.root(), 'ECPrivateKey');
  if (r.int(parts[0], 'EC key version') !== 1) throw corrupt('ECPrivateKey version');
  const d = r.octets(parts[1], 'EC private key');
  let i = 2;
  let named: CurveName | undefined;
  let point: Uint8Array | undefined;
  if (parts[i]?.tag === TAG.CTX0) named = curveOf(r, r.explicit(parts[i++], TAG.CTX0, 'EC parameters'), 'EC parameters');
  if (parts[i]?.tag === TAG.CTX1) {
    const bits = r.content(r.expect(r.explicit(parts[i++], TAG.CTX1, 'EC public key'), TAG.BIT_STRING, 'EC public key'));
    if (bits[0] !== 0) throw corrupt('EC public key');
    point = bits.subarray(1);
  }
  if (parts.length !== i) throw corrupt('ECPrivateKey');
  if (curve && named && curve !== named) throw corrupt('EC parameters');
  const bySize = (Object.keys(CURVE_BYTES) as CurveName[]).find((c) => CURVE_BYTES[c] === d.length);
  const chosen = curve ?? named ?? bySize;
  if (!chosen) throw new PkiError('UNSUPPORTED_KEY_FORMAT', { format: 'SEC1 (EC) without a curve' });
  const size = CURVE_BYTES[chosen];
  if (d.length === 0 || d.length > size) throw corrupt('EC private key length');
  const scalar = new Uint8Array(size);
  scalar.set(d, size - d.length);
  try {
    // SEC1 §3.2.1: the scalar lies in [1, n-1].
    if (!NIST[chosen].utils.isValidPrivateKey(scalar)) throw corrupt('EC private key out of range');
    const pub = point && point.length === 1 + 2 * size && point[0] === 4 ? point : NIST[chosen].getPublicKey(scalar, false);
    const secret = encodeTlv(TAG.OCTET_STRING, scalar);
    const inner = encodeTlv(
      TAG.SEQUENCE,
      new Uint8Array([TAG.INTEGER, 1, 1]),
      secret,
      encodeTlv(TAG.CTX1, encodeTlv(TAG.BIT_STRING, new Uint8Array([0]), pub)),
    );
    secret.fill(0);
    const algorithm = encodeTlv(TAG.SEQUENCE, encodeOid(OID.ecPublicKey), encodeOid(CURVE_OIDS[chosen]));
    const pkcs8 = wrapPkcs8(algorithm, inner);
    inner.fill(0);
    return { spec: { type: 'EC', curve: chosen }, pkcs8 };
  } finally {
    scalar.fill(0); // the BigInt copies @noble/curves makes for the public point cannot be wiped
  }
}

/** PrivateKeyInfo / OneAsymmetricKey (RFC 5958 §2), version 0 or 1. */
export function fromPkcs8(r: DerReader, t: Tlv): KeyMaterial {
  const parts = r.seq(t, 'PrivateKeyInfo');
  const version = r.int(parts[0], 'PrivateKeyInfo version');
  if (version > 1) throw corrupt('PrivateKeyInfo version');
  const alg = r.seq(parts[1], 'private key algorithm');
  const oid = r.oid(alg[0], 'private key algorithm');
  const key = r.octets(parts[2], 'private key');
  let i = 3;
  if (parts[i]?.tag === TAG.CTX0) i++; // attributes, dropped
  if (version === 1 && (parts[i]?.tag === 0x81 || parts[i]?.tag === TAG.CTX1)) i++; // public key, recomputed
  if (parts.length !== i || alg.length > 2) throw corrupt('PrivateKeyInfo');
  if (oid === OID.rsaEncryption) {
    if (alg[1] && alg[1].tag !== TAG.NULL) throw corrupt('RSA algorithm parameters');
    return fromPkcs1(key);
  }
  if (oid === OID.ecPublicKey) return fromSec1(key, curveOf(r, alg[1], 'EC curve'));
  throw unsupported(OTHER_KEY_ALGORITHMS[oid] ?? algorithmName(oid));
}
