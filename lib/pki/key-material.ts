// Strict readers for the three unencrypted private-key structures (PKCS#8 RFC 5958, PKCS#1 RFC 8017 A.1.2,
// SEC1 RFC 5915), each turned into one canonical PKCS#8 that every WebCrypto imports the same way:
// attributes dropped, the EC curve in the AlgorithmIdentifier, and the EC public key always present.
// Strictness matters twice: hostile files, and telling a wrong password from a decrypted key (pbes2.ts).
// Read by hand on lib/pki's asn1js tree rather than with pkijs's key classes: those refuse compressed EC
// points and explicit curves with one generic schema error, and every case here has its own code.
import * as asn1js from 'asn1js';
import { p256, p384, p521 } from '@noble/curves/nist.js';
import { PkiError } from './errors';
import { content, corrupt, explicit, is, isCtx, int, octets, oid, parseDer, seq, type Node } from './asn1';
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
const O = (id: string) => new asn1js.ObjectIdentifier({ value: id });
const toDer = (value: asn1js.AsnType): Uint8Array<ArrayBuffer> => new Uint8Array(value.toBER());

/** PrivateKeyInfo { 0, algorithm, OCTET STRING key }; every secret copy asn1js makes is wiped. */
function wrapPkcs8(algorithm: asn1js.AsnType[], key: Uint8Array): Uint8Array<ArrayBuffer> {
  const octets = new asn1js.OctetString({ valueHex: key });
  const out = toDer(new asn1js.Sequence({ value: [new asn1js.Integer({ value: 0 }), new asn1js.Sequence({ value: algorithm }), octets] }));
  octets.valueBlock.valueHexView.fill(0);
  return out;
}

/** The curve named by an EC parameters element: namedCurve OID only (explicit curves are refused). */
export function curveOf(t: Node | undefined, what: string): CurveName {
  if (is(t, 'SEQUENCE')) throw unsupported('EC explicit parameters');
  const id = oid(t, what);
  const curve = CURVES[id];
  if (!curve) throw unsupported(OTHER_KEY_ALGORITHMS[id] ?? `EC ${algorithmName(id)}`);
  return curve;
}

/** RSAPrivateKey (two-prime only: WebCrypto has no multi-prime import). */
export function fromPkcs1(bytes: Uint8Array): KeyMaterial {
  const parts = seq(parseDer(bytes), 'RSAPrivateKey');
  const version = int(parts[0], 'RSA key version');
  if (version === 1) throw unsupported('RSA multi-prime');
  if (version !== 0 || parts.length !== 9) throw corrupt('RSAPrivateKey');
  for (const p of parts.slice(1)) {
    const c = is(p, 'INTEGER') ? content(p) : new Uint8Array();
    if (c.length === 0 || (c[0]! & 0x80) !== 0 || (c.length > 1 && c[0] === 0 && (c[1]! & 0x80) === 0)) {
      throw corrupt('RSA key integer');
    }
  }
  const n = content(parts[1]!);
  const significant = n[0] === 0 ? n.subarray(1) : n;
  const bits = significant.length * 8 - Math.clz32(significant[0] ?? 0) + 24;
  if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) throw unsupported(`RSA ${bits}`);
  return { spec: { type: 'RSA', bits }, pkcs8: wrapPkcs8([O(OID.rsaEncryption), new asn1js.Null()], bytes) };
}

/**
 * ECPrivateKey. `curve` comes from the enclosing PKCS#8 or an `EC PARAMETERS` block; without either, the
 * [0] parameters decide, and as a last resort the scalar length (32/48/66 bytes), which the key/certificate
 * proof in loadCredentials would catch if wrong.
 */
export function fromSec1(bytes: Uint8Array, curve?: CurveName): KeyMaterial {
  const parts = seq(parseDer(bytes), 'ECPrivateKey');
  if (int(parts[0], 'EC key version') !== 1) throw corrupt('ECPrivateKey version');
  const d = octets(parts[1], 'EC private key');
  let i = 2;
  let named: CurveName | undefined;
  let point: Uint8Array | undefined;
  if (isCtx(parts[i], 0)) named = curveOf(explicit(parts[i++], 0, 'EC parameters'), 'EC parameters');
  if (isCtx(parts[i], 1)) {
    const bits = explicit(parts[i++], 1, 'EC public key');
    if (!is(bits, 'BIT_STRING') || (bits as asn1js.BitString).valueBlock.unusedBits !== 0) throw corrupt('EC public key');
    point = content(bits);
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
  const secret = new asn1js.OctetString({ valueHex: scalar });
  try {
    // SEC1 §3.2.1: the scalar lies in [1, n-1].
    if (!NIST[chosen].utils.isValidPrivateKey(scalar)) throw corrupt('EC private key out of range');
    const pub = point && point.length === 1 + 2 * size && point[0] === 4 ? point : NIST[chosen].getPublicKey(scalar, false);
    const publicKey = new asn1js.Constructed({
      idBlock: { tagClass: 3, tagNumber: 1 },
      value: [new asn1js.BitString({ valueHex: pub })],
    });
    const inner = toDer(new asn1js.Sequence({ value: [new asn1js.Integer({ value: 1 }), secret, publicKey] }));
    const pkcs8 = wrapPkcs8([O(OID.ecPublicKey), O(CURVE_OIDS[chosen])], inner);
    inner.fill(0);
    return { spec: { type: 'EC', curve: chosen }, pkcs8 };
  } finally {
    scalar.fill(0); // the BigInt copies @noble/curves makes for the public point cannot be wiped
    secret.valueBlock.valueHexView.fill(0);
  }
}

/** PrivateKeyInfo / OneAsymmetricKey (RFC 5958 §2), version 0 or 1. */
export function fromPkcs8(root: Node): KeyMaterial {
  const parts = seq(root, 'PrivateKeyInfo');
  const version = int(parts[0], 'PrivateKeyInfo version');
  if (version > 1) throw corrupt('PrivateKeyInfo version');
  const alg = seq(parts[1], 'private key algorithm');
  const id = oid(alg[0], 'private key algorithm');
  const key = octets(parts[2], 'private key');
  let i = 3;
  if (isCtx(parts[i], 0)) i++; // attributes, dropped
  if (version === 1 && isCtx(parts[i], 1)) i++; // public key, recomputed
  if (parts.length !== i || alg.length > 2) throw corrupt('PrivateKeyInfo');
  if (id === OID.rsaEncryption) {
    if (alg[1] && !is(alg[1], 'NULL')) throw corrupt('RSA algorithm parameters');
    return fromPkcs1(key);
  }
  if (id === OID.ecPublicKey) return fromSec1(key, curveOf(alg[1], 'EC curve'));
  throw unsupported(OTHER_KEY_ALGORITHMS[id] ?? algorithmName(id));
}
